/// A sharing set: gives users of the listed profiles (typically high-volume customer users)
/// access to records whose account or contact field matches their own, plus a share group
/// whose members see every record owned by those users.
public struct SharingSet: Entity, Hashable {
    /// The user side of a mapping.
    public enum UserField: String, Hashable, Sendable, Codable {
        /// The user's account.
        case account
        /// The user's contact.
        case contact
    }

    /// One access mapping: records of `object` whose `recordField` equals the user's
    /// `userField` get `accessLevel`.
    public struct Mapping: Hashable, Sendable, Codable {
        public var object: EntityType
        public var userField: UserField
        /// The record's field holding an account or contact id, such as `AccountId`.
        public var recordField: String
        /// `.read` or `.edit`.
        public var accessLevel: AccessLevel

        /// Creates a mapping.
        public init(object: EntityType, userField: UserField, recordField: String, accessLevel: AccessLevel) {
            self.object = object
            self.userField = userField
            self.recordField = recordField
            self.accessLevel = accessLevel
        }
    }

    public static let entityType: EntityType = "SharingSet"
    public var id: ID<SharingSet>
    public var name: String
    /// Profiles the sharing set applies to.
    public var profileIDs: [ID<Profile>]
    public var mappings: [Mapping]
    /// The share group: users who see every record owned by users of these profiles.
    public var shareGroupMembers: [ID<User>]

    /// Creates a sharing set.
    public init(
        id: ID<SharingSet>, name: String = "", profileIDs: [ID<Profile>], mappings: [Mapping],
        shareGroupMembers: [ID<User>] = []
    ) {
        self.id = id
        self.name = name
        self.profileIDs = profileIDs
        self.mappings = mappings
        self.shareGroupMembers = shareGroupMembers
    }
}
