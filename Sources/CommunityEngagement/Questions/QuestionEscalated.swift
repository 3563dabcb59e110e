public import CommunityModel
public import Foundation

/// Published when an unanswered question is turned into a support case.
///
/// The Engagement module decides *that* a question escalates (no answer after the configured
/// number of hours, or a keyword match) and reserves the case's identifier in ``caseID``; the
/// Service module's case code subscribes, creates a ``Case`` with exactly that id (origin
/// ``Case/Origin/question``), so the question and the case stay linked without a call back.
/// The question keeps the link in ``Question/escalation``.
public struct QuestionEscalated: DomainEvent, Hashable {
    /// `"question.escalated"`.
    public static let name = "question.escalated"

    /// Why a question escalated.
    public enum Reason: Hashable, Sendable, Codable {
        /// Nobody answered within the rule's number of hours.
        case unansweredFor(hours: Double)
        /// The title or body contains one of the rule's keywords (the matched keyword).
        case keyword(String)
        /// A moderator or the asker escalated it by hand.
        case manual(by: ID<User>)
    }

    /// The question that escalated.
    public let questionID: ID<Question>
    /// Its title, as plain text.
    public let title: String
    /// Its body, as plain text (markup removed), ready for a case description.
    public let body: String
    /// Who asked it; the case's contact is usually this member's contact.
    public let askerID: ID<User>
    /// The id the case must be created with, already stored on the question as its link.
    public let caseID: ID<Case>
    /// Why it escalated.
    public let reason: Reason
    /// When it escalated, by the engine's clock.
    public let occurredAt: Date

    /// Creates the event.
    public init(
        questionID: ID<Question>, title: String, body: String, askerID: ID<User>, caseID: ID<Case>,
        reason: Reason, occurredAt: Date
    ) {
        self.questionID = questionID
        self.title = title
        self.body = body
        self.askerID = askerID
        self.caseID = caseID
        self.reason = reason
        self.occurredAt = occurredAt
    }
}
