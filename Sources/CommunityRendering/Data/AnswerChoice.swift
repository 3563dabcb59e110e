/// An answer someone may choose as the best one.
public struct AnswerChoice: Sendable, Hashable {
    /// The answer's id.
    public var id: String
    /// The author's public name.
    public var author: String
    /// The start of its text, plain.
    public var excerpt: String
    /// Whether it is the best answer now.
    public var isBest: Bool

    /// A choice.
    public init(id: String, author: String, excerpt: String, isBest: Bool) {
        self.id = id
        self.author = author
        self.excerpt = excerpt
        self.isBest = isBest
    }
}
