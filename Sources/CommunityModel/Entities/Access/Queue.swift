/// A queue: a group that can own records (cases, leads) until a member takes them.
public struct Queue: Entity, Hashable {
    public static let entityType: EntityType = "Queue"
    public var id: ID<Queue>
    public var name: String
    /// Object types the queue may own, such as `Case` and `Lead`.
    public var objects: [EntityType]

    /// Creates a queue.
    public init(id: ID<Queue>, name: String, objects: [EntityType] = ["Case", "Lead"]) {
        self.id = id
        self.name = name
        self.objects = objects
    }
}
