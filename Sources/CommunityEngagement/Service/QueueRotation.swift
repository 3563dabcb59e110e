public import CommunityModel

/// Round-robin position of a queue: how many records it has handed out. Stored with the queue's id.
public struct QueueRotation: Entity, Hashable {
    public static let entityType: EntityType = "QueueRotation"
    public var id: ID<QueueRotation>
    /// How many assignments the queue has made.
    public var assigned: Int

    /// Creates a rotation for a queue.
    public init(queueID: ID<Queue>, assigned: Int = 0) {
        self.id = queueID.retyped()
        self.assigned = assigned
    }

    /// Picks the next member in turn inside `tx` and advances the rotation; `nil` if the queue has no members.
    static func next(for queue: ID<Queue>, members: [ID<User>], in tx: any StoreTransaction) throws -> ID<User>? {
        guard !members.isEmpty else { return nil }
        var rotation = try tx.value(queue.retyped(as: QueueRotation.self)) ?? QueueRotation(queueID: queue)
        let chosen = members[rotation.assigned % members.count]
        rotation.assigned += 1
        try tx.put(rotation)
        return chosen
    }
}
