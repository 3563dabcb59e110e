public import CommunityModel
public import Foundation

/// A badge was awarded, automatically by its criteria or by a manager.
public struct BadgeAwarded: DomainEvent, Hashable {
    /// `"reputation.badgeAwarded"`.
    public static let name = "reputation.badgeAwarded"

    /// Who received it.
    public let memberID: ID<User>
    /// The badge.
    public let badgeID: ID<Badge>
    /// The manager, or `nil` when automatic.
    public let awardedBy: ID<User>?
    /// When it happened, by the engine's clock.
    public let occurredAt: Date

    /// Creates the event.
    public init(memberID: ID<User>, badgeID: ID<Badge>, awardedBy: ID<User>?, occurredAt: Date) {
        self.memberID = memberID
        self.badgeID = badgeID
        self.awardedBy = awardedBy
        self.occurredAt = occurredAt
    }
}
