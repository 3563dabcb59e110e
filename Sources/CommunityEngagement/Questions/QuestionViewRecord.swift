public import CommunityModel
public import Foundation

/// That a viewer viewed a question on a day: its id is derived from the question, the viewer
/// and the day, so a second view that day finds it and is not counted.
public struct QuestionViewRecord: Entity, Hashable {
    public static let entityType: EntityType = "QuestionViewRecord"

    public var id: ID<QuestionViewRecord>
    /// The question.
    public var questionID: ID<Question>
    /// The viewer (a member, or a site's guest user for its guests).
    public var viewerID: ID<User>
    /// When the view was counted.
    public var at: Date

    /// A view record for a question, viewer and day key.
    init(questionID: ID<Question>, viewerID: ID<User>, day: String, at: Date) {
        self.id = StableID.make(prefix: "qv", questionID.rawValue, viewerID.rawValue, day)
        self.questionID = questionID
        self.viewerID = viewerID
        self.at = at
    }
}
