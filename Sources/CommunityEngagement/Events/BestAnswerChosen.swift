public import CommunityModel
public import Foundation

/// The asker or a moderator chose a best answer.
public struct BestAnswerChosen: DomainEvent, Hashable {
    /// `"question.bestAnswerChosen"`.
    public static let name = "question.bestAnswerChosen"

    /// The question.
    public let questionID: ID<Question>
    /// The best answer.
    public let answerID: ID<Answer>
    /// Who wrote it.
    public let answerAuthorID: ID<User>
    /// Who chose it.
    public let chosenBy: ID<User>
    /// Who asked.
    public let askerID: ID<User>
    /// When it happened, by the engine's clock.
    public let occurredAt: Date

    /// Creates the event.
    public init(questionID: ID<Question>, answerID: ID<Answer>, answerAuthorID: ID<User>, chosenBy: ID<User>, askerID: ID<User>, occurredAt: Date) {
        self.questionID = questionID
        self.answerID = answerID
        self.answerAuthorID = answerAuthorID
        self.chosenBy = chosenBy
        self.askerID = askerID
        self.occurredAt = occurredAt
    }
}
