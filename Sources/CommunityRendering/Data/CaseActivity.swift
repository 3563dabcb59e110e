public import Foundation

/// What a case's detail page shows below the record: the comments and attachments the
/// viewer may see, and whether they may add to them.
public struct CaseActivity: Sendable, Hashable {
    /// One comment.
    public struct Comment: Sendable, Hashable {
        /// The author's public name.
        public var author: String
        /// Plain text (rendering escapes it).
        public var body: String
        /// When it was written.
        public var posted: Date
        /// Whether the member sees it (internal comments only reach employees).
        public var isPublic: Bool

        /// A comment.
        public init(author: String, body: String, posted: Date, isPublic: Bool) {
            self.author = author
            self.body = body
            self.posted = posted
            self.isPublic = isPublic
        }
    }

    /// One attached file.
    public struct Attachment: Sendable, Hashable {
        /// The file's id (its download route is `<prefix>/_file/<id>`).
        public var id: String
        /// The file's name.
        public var fileName: String
        /// Its media type.
        public var contentType: String
        /// Its size in bytes.
        public var size: Int

        /// An attachment.
        public init(id: String, fileName: String, contentType: String, size: Int) {
            self.id = id
            self.fileName = fileName
            self.contentType = contentType
            self.size = size
        }
    }

    /// Comments, oldest first.
    public var comments: [Comment]
    /// Attachments, oldest first.
    public var attachments: [Attachment]
    /// Whether the viewer may comment and attach files.
    public var canContribute: Bool
    /// Whether the viewer may write internal (employee-only) comments.
    public var canCommentInternally: Bool

    /// Activity of a case.
    public init(comments: [Comment], attachments: [Attachment], canContribute: Bool, canCommentInternally: Bool = false) {
        self.comments = comments
        self.attachments = attachments
        self.canContribute = canContribute
        self.canCommentInternally = canCommentInternally
    }
}
