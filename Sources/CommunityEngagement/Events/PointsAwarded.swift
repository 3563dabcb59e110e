public import CommunityModel
public import Foundation

/// A member earned reputation points.
public struct PointsAwarded: DomainEvent, Hashable {
    /// `"reputation.pointsAwarded"`.
    public static let name = "reputation.pointsAwarded"

    /// Who earned them.
    public let memberID: ID<User>
    /// For what.
    public let action: ReputationRules.Action
    /// How many (after caps).
    public let points: Int
    /// The member's total now.
    public let total: Int
    /// When it happened, by the engine's clock.
    public let occurredAt: Date

    /// Creates the event.
    public init(memberID: ID<User>, action: ReputationRules.Action, points: Int, total: Int, occurredAt: Date) {
        self.memberID = memberID
        self.action = action
        self.points = points
        self.total = total
        self.occurredAt = occurredAt
    }
}
