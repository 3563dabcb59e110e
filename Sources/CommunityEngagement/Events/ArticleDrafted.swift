public import CommunityModel
public import Foundation

/// A good answer was turned into a draft knowledge article.
public struct ArticleDrafted: DomainEvent, Hashable {
    /// `"question.articleDrafted"`.
    public static let name = "question.articleDrafted"

    /// The question.
    public let questionID: ID<Question>
    /// The answer.
    public let answerID: ID<Answer>
    /// The draft article's id.
    public let articleID: String
    /// Who drafted it.
    public let draftedBy: ID<User>
    /// When it happened, by the engine's clock.
    public let occurredAt: Date

    /// Creates the event.
    public init(questionID: ID<Question>, answerID: ID<Answer>, articleID: String, draftedBy: ID<User>, occurredAt: Date) {
        self.questionID = questionID
        self.answerID = answerID
        self.articleID = articleID
        self.draftedBy = draftedBy
        self.occurredAt = occurredAt
    }
}
