public import CommunityModel
public import Foundation

/// A member reached a new reputation level.
public struct LevelReached: DomainEvent, Hashable {
    /// `"reputation.levelReached"`.
    public static let name = "reputation.levelReached"

    /// Who.
    public let memberID: ID<User>
    /// The level reached.
    public let level: ReputationLevel
    /// When it happened, by the engine's clock.
    public let occurredAt: Date

    /// Creates the event.
    public init(memberID: ID<User>, level: ReputationLevel, occurredAt: Date) {
        self.memberID = memberID
        self.level = level
        self.occurredAt = occurredAt
    }
}
