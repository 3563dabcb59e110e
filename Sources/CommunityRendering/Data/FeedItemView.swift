public import Foundation

/// A feed post.
public struct FeedItemView: Sendable, Hashable {
    /// The author's public name.
    public var author: String
    /// The text.
    public var body: RichText
    /// When posted.
    public var posted: Date?

    /// A post.
    public init(author: String, body: RichText, posted: Date? = nil) {
        self.author = author
        self.body = body
        self.posted = posted
    }
}
