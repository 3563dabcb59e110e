/// A user's profile: the baseline object, field and system permissions (one per user).
///
/// The permission payload and its semantics are defined by CommunityAccess.
public struct Profile: Entity, Hashable {
    public static let entityType: EntityType = "Profile"
    public var id: ID<Profile>
    public var name: String

    /// Creates a profile.
    public init(id: ID<Profile>, name: String) {
        self.id = id
        self.name = name
    }
}
