public import CommunityModel
public import Foundation

/// A member was frozen, unfrozen, suspended or reinstated.
public struct MemberStandingChanged: DomainEvent, Hashable {
    /// `"moderation.standingChanged"`.
    public static let name = "moderation.standingChanged"

    /// The member.
    public let memberID: ID<User>
    /// Frozen now.
    public let isFrozen: Bool
    /// Suspended until, if suspended.
    public let suspendedUntil: Date?
    /// The moderator, or `nil` for an automatic rule.
    public let changedBy: ID<User>?
    /// Why.
    public let reason: String
    /// When it happened, by the engine's clock.
    public let occurredAt: Date

    /// Creates the event.
    public init(memberID: ID<User>, isFrozen: Bool, suspendedUntil: Date?, changedBy: ID<User>?, reason: String, occurredAt: Date) {
        self.memberID = memberID
        self.isFrozen = isFrozen
        self.suspendedUntil = suspendedUntil
        self.changedBy = changedBy
        self.reason = reason
        self.occurredAt = occurredAt
    }
}
