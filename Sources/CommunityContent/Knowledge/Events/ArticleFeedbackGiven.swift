public import CommunityModel
public import Foundation

/// A member answered "was this helpful?" (first time or changed), for reputation and analytics.
public struct ArticleFeedbackGiven: DomainEvent, Hashable {
    /// The event's stable name.
    public static let name = "article.feedback"
    /// The article.
    public let articleID: ID<KnowledgeArticle>
    /// The member.
    public let userID: ID<User>
    /// The new answer.
    public let helpful: Bool
    /// The previous answer, if the member changed it.
    public let previous: Bool?
    /// When it happened, by the engine clock.
    public let occurredAt: Date

    /// Creates the event.
    public init(articleID: ID<KnowledgeArticle>, userID: ID<User>, helpful: Bool, previous: Bool?, occurredAt: Date) {
        self.articleID = articleID
        self.userID = userID
        self.helpful = helpful
        self.previous = previous
        self.occurredAt = occurredAt
    }
}
