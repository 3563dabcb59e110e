public import CommunityModel

/// A knowledge article offered to a member before a case is saved.
public struct ArticleSuggestion: Hashable, Sendable, Codable {
    /// The article's id.
    public var articleID: String
    /// Its title.
    public var title: String

    /// Creates a suggestion.
    public init(articleID: String, title: String) {
        self.articleID = articleID
        self.title = title
    }
}

/// The seam to Content's suggestion API: articles the viewer may read that match a case draft.
public protocol ArticleSuggesting: Sendable {
    /// Up to `limit` articles matching `text`, readable by `viewer`, best first.
    func suggestions(for text: String, viewer: ID<User>, limit: Int) throws -> [ArticleSuggestion]
}
