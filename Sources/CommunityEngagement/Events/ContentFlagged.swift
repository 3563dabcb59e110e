public import CommunityModel
public import Foundation

/// A member flagged content for moderators.
public struct ContentFlagged: DomainEvent, Hashable {
    /// `"moderation.contentFlagged"`.
    public static let name = "moderation.contentFlagged"

    /// The content.
    public let subject: ContentRef
    /// Who flagged it.
    public let reporterID: ID<User>
    /// Why.
    public let reason: String
    /// When it happened, by the engine's clock.
    public let occurredAt: Date

    /// Creates the event.
    public init(subject: ContentRef, reporterID: ID<User>, reason: String, occurredAt: Date) {
        self.subject = subject
        self.reporterID = reporterID
        self.reason = reason
        self.occurredAt = occurredAt
    }
}
