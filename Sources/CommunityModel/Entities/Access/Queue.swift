/// A queue: a group that can own records (cases, leads) until a member takes them.
public struct Queue: Entity, Hashable {
    public static let entityType: EntityType = "Queue"
    public var id: ID<Queue>
    public var name: String
    /// Object types the queue may own, such as `Case` and `Lead`.
    public var objects: [EntityType]
    /// Queue members: they (and, with ``grantAccessUsingHierarchies``, their managers) access
    /// records the queue owns.
    public var members: [GroupMember]
    /// Whether role-hierarchy managers of members access the queue's records.
    public var grantAccessUsingHierarchies: Bool

    /// Creates a queue.
    public init(
        id: ID<Queue>, name: String, objects: [EntityType] = ["Case", "Lead"], members: [GroupMember] = [],
        grantAccessUsingHierarchies: Bool = true
    ) {
        self.id = id
        self.name = name
        self.objects = objects
        self.members = members
        self.grantAccessUsingHierarchies = grantAccessUsingHierarchies
    }

    private enum CodingKeys: String, CodingKey { case id, name, objects, members, grantAccessUsingHierarchies }

    /// Decodes a queue; queues stored before members existed decode empty.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(ID<Queue>.self, forKey: .id)
        name = try c.decode(String.self, forKey: .name)
        objects = try c.decodeIfPresent([EntityType].self, forKey: .objects) ?? ["Case", "Lead"]
        members = try c.decodeIfPresent([GroupMember].self, forKey: .members) ?? []
        grantAccessUsingHierarchies = try c.decodeIfPresent(Bool.self, forKey: .grantAccessUsingHierarchies) ?? true
    }
}
