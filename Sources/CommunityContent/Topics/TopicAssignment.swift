public import CommunityModel
public import Foundation

/// A topic put on an item; at most one per topic and item.
public struct TopicAssignment: Entity, Hashable {
    public static let entityType: EntityType = "TopicAssignment"
    public static var indexedFields: [IndexedField<TopicAssignment>] {
        [
            IndexedField("topicID") { .reference($0.topicID.rawValue) },
            IndexedField("target") { .text($0.target.key) },
        ]
    }

    public var id: ID<TopicAssignment>
    public var topicID: ID<Topic>
    public var target: TopicTarget
    /// Who assigned it.
    public var assignedBy: ID<User>
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
