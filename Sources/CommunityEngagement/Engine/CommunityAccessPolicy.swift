public import CommunityAccess
public import CommunityModel

/// Answers Engagement's access questions from a CommunityAccess ``AccessEngine``: a record is
/// readable when the member's access level is at least read; moderators hold
/// ``SystemPermission/moderateCommunity``.
public struct CommunityAccessPolicy: EngagementAccessPolicy {
    /// The access engine that follows the same store.
    public let engine: AccessEngine

    /// Wraps an access engine.
    public init(engine: AccessEngine) { self.engine = engine }

    public func canRead(_ record: RecordRef, user: ID<User>) -> Bool {
        engine.snapshot.access(user, to: record.entityType, id: record.id) >= .read
    }

    public func canModerate(_ user: ID<User>) -> Bool {
        engine.snapshot.hasPermission(user, .moderateCommunity)
    }
}
