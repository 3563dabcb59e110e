public import Foundation

/// A question in a list.
public struct QuestionSummary: Sendable, Hashable {
    /// The question's id.
    public var id: String
    /// The title.
    public var title: String
    /// The asker's public name.
    public var author: String
    /// Answers so far.
    public var answerCount: Int
    /// Whether a best answer was chosen.
    public var isSolved: Bool
    /// Topic names.
    public var topics: [String]
    /// When asked.
    public var asked: Date?

    /// A summary.
    public init(id: String, title: String, author: String, answerCount: Int = 0, isSolved: Bool = false, topics: [String] = [], asked: Date? = nil) {
        self.id = id
        self.title = title
        self.author = author
        self.answerCount = answerCount
        self.isSolved = isSolved
        self.topics = topics
        self.asked = asked
    }
}
