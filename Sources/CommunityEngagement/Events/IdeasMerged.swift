public import CommunityModel
public import Foundation

/// A duplicate idea was merged into another.
public struct IdeasMerged: DomainEvent, Hashable {
    /// `"idea.merged"`.
    public static let name = "idea.merged"

    /// The duplicate, now closed.
    public let sourceID: ID<Idea>
    /// The idea that absorbed it.
    public let targetID: ID<Idea>
    /// Who merged.
    public let mergedBy: ID<User>
    /// When it happened, by the engine's clock.
    public let occurredAt: Date

    /// Creates the event.
    public init(sourceID: ID<Idea>, targetID: ID<Idea>, mergedBy: ID<User>, occurredAt: Date) {
        self.sourceID = sourceID
        self.targetID = targetID
        self.mergedBy = mergedBy
        self.occurredAt = occurredAt
    }
}
