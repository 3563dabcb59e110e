public import Foundation

/// One idea with its comments, as the idea page shows it.
public struct IdeaView: Sendable, Hashable {
    /// A comment on the idea.
    public struct Comment: Sendable, Hashable {
        /// Who wrote it.
        public var author: String
        /// The comment (sanitised markup).
        public var body: RichText
        /// When it was written.
        public var posted: Date

        /// A comment.
        public init(author: String, body: RichText, posted: Date) {
            self.author = author
            self.body = body
            self.posted = posted
        }
    }

    /// The idea id.
    public var id: String
    /// The title.
    public var title: String
    /// The description (sanitised markup).
    public var body: RichText
    /// Who posted it.
    public var author: String
    /// Its status, such as `new`.
    public var status: String
    /// Its vote score.
    public var score: Int
    /// When it was posted.
    public var posted: Date
    /// The comments the viewer may see, oldest first.
    public var comments: [Comment]
    /// Whether the viewer has voted on it.
    public var viewerVoted: Bool

    /// An idea.
    public init(id: String, title: String, body: RichText, author: String, status: String, score: Int, posted: Date, comments: [Comment],
                viewerVoted: Bool = false) {
        self.id = id
        self.title = title
        self.body = body
        self.author = author
        self.status = status
        self.score = score
        self.posted = posted
        self.comments = comments
        self.viewerVoted = viewerVoted
    }
}
