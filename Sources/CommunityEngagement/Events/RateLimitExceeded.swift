public import CommunityModel
public import Foundation

/// A member wrote more than a rate limit allows.
public struct RateLimitExceeded: DomainEvent, Hashable {
    /// `"moderation.rateLimitExceeded"`.
    public static let name = "moderation.rateLimitExceeded"

    /// The member.
    public let memberID: ID<User>
    /// The rule.
    public let ruleID: ID<RateLimitRule>
    /// What the rule did.
    public let action: RateLimitRule.Action
    /// When it happened, by the engine's clock.
    public let occurredAt: Date

    /// Creates the event.
    public init(memberID: ID<User>, ruleID: ID<RateLimitRule>, action: RateLimitRule.Action, occurredAt: Date) {
        self.memberID = memberID
        self.ruleID = ruleID
        self.action = action
        self.occurredAt = occurredAt
    }
}
