public import CommunityModel
public import Foundation

/// A moderator approved, removed or edited queued content.
public struct ModerationDecided: DomainEvent, Hashable {
    /// `"moderation.decided"`.
    public static let name = "moderation.decided"

    /// The queue entry.
    public let caseID: ID<ModerationCase>
    /// The content.
    public let subject: ContentRef
    /// The decision.
    public let decision: ModerationCase.Status
    /// Who decided.
    public let moderatorID: ID<User>
    /// When it happened, by the engine's clock.
    public let occurredAt: Date

    /// Creates the event.
    public init(caseID: ID<ModerationCase>, subject: ContentRef, decision: ModerationCase.Status, moderatorID: ID<User>, occurredAt: Date) {
        self.caseID = caseID
        self.subject = subject
        self.decision = decision
        self.moderatorID = moderatorID
        self.occurredAt = occurredAt
    }
}
