public import Foundation

/// An employee announcement as the employee portal component shows it.
public struct AnnouncementSummary: Sendable, Hashable {
    /// The announcement's id.
    public var id: String
    /// The title.
    public var title: String
    /// The plain-text body.
    public var body: String
    /// When it was published.
    public var published: Date

    /// A summary.
    public init(id: String, title: String, body: String, published: Date) {
        self.id = id
        self.title = title
        self.body = body
        self.published = published
    }
}
