/// A question with its answers as the viewer may see them: the best answer first, then by
/// upvotes, then oldest first.
public struct QuestionPage: Sendable {
    public var question: Question
    public var answers: [Answer]
}
