public import CommunityModel
public import Foundation

/// A question was marked solved (choosing a best answer solves it too). Service closes a linked case on it.
public struct QuestionSolved: DomainEvent, Hashable {
    /// `"question.solved"`.
    public static let name = "question.solved"

    /// The question.
    public let questionID: ID<Question>
    /// The best answer, if one was chosen.
    public let answerID: ID<Answer>?
    /// Who marked it.
    public let solvedBy: ID<User>
    /// When it happened, by the engine's clock.
    public let occurredAt: Date

    /// Creates the event.
    public init(questionID: ID<Question>, answerID: ID<Answer>?, solvedBy: ID<User>, occurredAt: Date) {
        self.questionID = questionID
        self.answerID = answerID
        self.solvedBy = solvedBy
        self.occurredAt = occurredAt
    }
}
