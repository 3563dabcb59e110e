public import CommunityModel
public import Foundation

/// A question got an answer.
public struct QuestionAnswered: DomainEvent, Hashable {
    /// `"question.answered"`.
    public static let name = "question.answered"

    /// The question.
    public let questionID: ID<Question>
    /// The answer.
    public let answerID: ID<Answer>
    /// Who answered.
    public let authorID: ID<User>
    /// Who asked.
    public let askerID: ID<User>
    /// Published or waiting for review.
    public let status: PublicationStatus
    /// When it happened, by the engine's clock.
    public let occurredAt: Date

    /// Creates the event.
    public init(questionID: ID<Question>, answerID: ID<Answer>, authorID: ID<User>, askerID: ID<User>, status: PublicationStatus, occurredAt: Date) {
        self.questionID = questionID
        self.answerID = answerID
        self.authorID = authorID
        self.askerID = askerID
        self.status = status
        self.occurredAt = occurredAt
    }
}
