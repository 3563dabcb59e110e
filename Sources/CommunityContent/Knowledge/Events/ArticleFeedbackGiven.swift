public import CommunityModel
public import Foundation

/// A member answered "was this helpful?" (first time or changed), for reputation and analytics.
public struct ArticleFeedbackGiven: DomainEvent, Hashable {
    public static let name = "article.feedback"
    public let articleID: ID<KnowledgeArticle>
    public let userID: ID<User>
    /// The new answer.
    public let helpful: Bool
    /// The previous answer, if the member changed it.
    public let previous: Bool?
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
