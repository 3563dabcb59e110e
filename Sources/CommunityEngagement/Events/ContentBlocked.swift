public import CommunityModel
public import Foundation

/// A keyword rule refused content.
public struct ContentBlocked: DomainEvent, Hashable {
    /// `"moderation.contentBlocked"`.
    public static let name = "moderation.contentBlocked"

    /// Who wrote it.
    public let authorID: ID<User>
    /// What kind of content.
    public let kind: ContentKind
    /// The rule.
    public let ruleID: ID<ModerationRule>
    /// The words found.
    public let keywords: [String]
    /// When it happened, by the engine's clock.
    public let occurredAt: Date

    /// Creates the event.
    public init(authorID: ID<User>, kind: ContentKind, ruleID: ID<ModerationRule>, keywords: [String], occurredAt: Date) {
        self.authorID = authorID
        self.kind = kind
        self.ruleID = ruleID
        self.keywords = keywords
        self.occurredAt = occurredAt
    }
}
