/// One entity group in a ``KPICheckpointPart``: its key (`Question:<id>`, `Case:<id>` or the
/// entity's own `Type:id`), the entities that form it (for a question with answers or a case
/// with tracking and surveys) and the facts it contributes to the aggregates.
public struct KPICheckpointGroup: Hashable, Sendable, Codable {
    /// The group's key.
    public var key: String
    /// The `Type:id` keys of a grouped group's entities; empty for a group of one.
    public var members: [String]
    /// The facts the group contributes.
    public var facts: [KPIFact]

    /// A group.
    public init(key: String, members: [String], facts: [KPIFact]) {
        self.key = key
        self.members = members
        self.facts = facts
    }
}
