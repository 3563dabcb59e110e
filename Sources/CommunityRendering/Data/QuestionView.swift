public import Foundation

/// A question with its answers.
public struct QuestionView: Sendable, Hashable {
    /// An answer.
    public struct Answer: Sendable, Hashable {
        /// The author's public name.
        public var author: String
        /// The text.
        public var body: RichText
        /// Whether it is the best answer.
        public var isBest: Bool
        /// When it was posted, when known.
        public var posted: Date?

        /// An answer.
        public init(author: String, body: RichText, isBest: Bool = false, posted: Date? = nil) {
            self.posted = posted
            self.author = author
            self.body = body
            self.isBest = isBest
        }
    }

    /// The list fields.
    public var summary: QuestionSummary
    /// The question's text.
    public var body: RichText
    /// Answers, best first.
    public var answers: [Answer]
    /// The case the question escalated into, if the viewer may see it.
    public var caseID: String?

    /// A question.
    public init(summary: QuestionSummary, body: RichText, answers: [Answer], caseID: String? = nil) {
        self.summary = summary
        self.body = body
        self.answers = answers
        self.caseID = caseID
    }
}
