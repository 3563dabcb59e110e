public import CommunityModel
public import Foundation

/// A topic put on an item; at most one per topic and item.
public struct TopicAssignment: Entity, Hashable {
    /// The store table name.
    public static let entityType: EntityType = "TopicAssignment"
    /// Fields the store indexes for queries.
    public static var indexedFields: [IndexedField<TopicAssignment>] {
        [
            IndexedField("topicID") { .reference($0.topicID.rawValue) },
            IndexedField("target") { .text($0.target.key) },
        ]
    }

    /// The identifier.
    public var id: ID<TopicAssignment>
    /// The topic.
    public var topicID: ID<Topic>
    /// Who or what it applies to.
    public var target: TopicTarget
    /// Who assigned it.
    public var assignedBy: ID<User>
    /// When it was assigned.
    public var assignedAt: Date

    /// Creates an assignment; the id is derived from topic and target.
    public init(topicID: ID<Topic>, target: TopicTarget, assignedBy: ID<User>, assignedAt: Date) {
        self.id = StableID.make("ta", topicID.rawValue, target.key)
        self.topicID = topicID
        self.target = target
        self.assignedBy = assignedBy
        self.assignedAt = assignedAt
    }
}
