public import CommunityModel
public import Foundation

/// A question was asked.
public struct QuestionAsked: DomainEvent, Hashable {
    /// `"question.asked"`.
    public static let name = "question.asked"

    /// The question.
    public let questionID: ID<Question>
    /// Who asked.
    public let askerID: ID<User>
    /// Its topics.
    public let topics: [String]
    /// When it happened, by the engine's clock.
    public let occurredAt: Date

    /// Creates the event.
    public init(questionID: ID<Question>, askerID: ID<User>, topics: [String], occurredAt: Date) {
        self.questionID = questionID
        self.askerID = askerID
        self.topics = topics
        self.occurredAt = occurredAt
    }
}
