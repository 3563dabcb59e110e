public import CommunityModel
public import Foundation

/// A member following a feed (a member, record, topic, group or question).
public struct Follow: Entity, Hashable {
    public static let entityType: EntityType = "Follow"
    public static var indexedFields: [IndexedField<Follow>] {
        [
            IndexedField("followerID") { .reference($0.followerID.rawValue) },
            IndexedField("target") { .text($0.target.description) },
        ]
    }

    public var id: ID<Follow>
    public var followerID: ID<User>
    public var target: FeedKey
    public var since: Date

    /// Creates a follow.
    public init(id: ID<Follow>, followerID: ID<User>, target: FeedKey, since: Date) {
        self.id = id
        self.followerID = followerID
        self.target = target
        self.since = since
    }
}
