public import CommunityModel

/// The users who work a ``Queue``: they may pick its cases and leads, and act on approval
/// steps addressed to it. Stored with the queue's id.
public struct QueueMembership: Entity, Hashable {
    public static let entityType: EntityType = "QueueMembership"
    public var id: ID<QueueMembership>
    /// The queue.
    public var queueID: ID<Queue>
    /// Its members, in round-robin order.
    public var userIDs: [ID<User>]

    /// Creates the membership list of a queue.
    public init(queueID: ID<Queue>, userIDs: [ID<User>]) {
        self.id = Self.id(for: queueID)
        self.queueID = queueID
        self.userIDs = userIDs
    }

    /// The membership record's id for a queue.
    public static func id(for queue: ID<Queue>) -> ID<QueueMembership> { queue.retyped() }
}
