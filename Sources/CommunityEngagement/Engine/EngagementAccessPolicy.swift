public import CommunityModel

/// The questions Engagement asks Access: may this member read that record, and may they
/// moderate the community. ``CommunityAccessPolicy`` answers them from CommunityAccess; tests
/// and hosts may supply their own.
public protocol EngagementAccessPolicy: Sendable {
    /// Whether `user` may read the record (posts on a record are visible only to them).
    func canRead(_ record: RecordRef, user: ID<User>) -> Bool
    /// Whether `user` holds the `moderateCommunity` permission.
    func canModerate(_ user: ID<User>) -> Bool
}
