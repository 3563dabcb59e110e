public import CommunityModel

/// How often a question was viewed: once per viewer and day (see ``Questions/recordView(_:viewer:site:)``).
/// Kept apart from ``Question`` so a view never competes with an answer or an edit for the question.
public struct QuestionStats: Entity, Hashable {
    public static let entityType: EntityType = "QuestionStats"

    /// Same string as the question's id.
    public var id: ID<QuestionStats>
    /// The question.
    public var questionID: ID<Question>
    /// Views counted so far.
    public var views: Int

    /// No views yet.
    public init(questionID: ID<Question>) {
        self.id = questionID.retyped()
        self.questionID = questionID
        self.views = 0
    }
}
