/// An idea with its score.
public struct IdeaSummary: Sendable, Hashable {
    /// The idea's id.
    public var id: String
    /// The title.
    public var title: String
    /// Net votes.
    public var score: Int
    /// Its status (`new`, `underReview`, `planned`, `delivered`).
    public var status: String
    /// Whether the viewer already voted.
    public var viewerVoted: Bool

    /// An idea.
    public init(id: String, title: String, score: Int, status: String, viewerVoted: Bool = false) {
        self.id = id
        self.title = title
        self.score = score
        self.status = status
        self.viewerVoted = viewerVoted
    }
}
