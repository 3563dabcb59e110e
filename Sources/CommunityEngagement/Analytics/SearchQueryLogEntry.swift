public import CommunityModel
public import Foundation

/// One site search in the query log: the normalised query, how many results it found and,
/// once a result is followed through the results page's click-tracking link, the clicked
/// position. The searcher's id is kept only for the site's ``SearchLogRetention`` window;
/// after it the entry stays (for the aggregates) without ``viewerID``.
public struct SearchQueryLogEntry: Entity, Hashable {
    /// The store table name.
    public static let entityType: EntityType = "SearchQueryLogEntry"
    /// The longest query kept, in characters.
    public static let maximumQueryLength = 100
    /// The longest clicked item reference kept, in characters.
    public static let maximumItemLength = 200

    /// Indexed by site, time and whether the searcher is still known (`identified` is `yes`),
    /// so retention finds the entries it must scrub without reading every entry.
    public static let indexedFields: [IndexedField<SearchQueryLogEntry>] = [
        IndexedField("site") { .text($0.siteID ?? "") },
        IndexedField("at") { .dateTime($0.at) },
        IndexedField("identified") { $0.viewerID == nil ? nil : .text("yes") },
    ]

    /// The identifier.
    public var id: ID<SearchQueryLogEntry>
    /// The site searched, or `nil` for an engine-wide search.
    public var siteID: String?
    /// The query, trimmed, lowercased, inner whitespace collapsed, at most ``maximumQueryLength``.
    public var query: String
    /// How many results the search found.
    public var resultCount: Int
    /// Who searched (`nil` for guests, and for every entry older than the retention window).
    public var viewerID: ID<User>?
    /// When.
    public var at: Date
    /// The 1-based position of the first result followed from this search.
    public var clickedPosition: Int?
    /// When that result was followed.
    public var clickedAt: Date?
    /// The item followed, as `kind:id` (such as `article:ka-1`), when the link named it; click
    /// learning (``CommunityContent/ClickBoostModel``) learns from it.
    public var clickedItem: String?

    /// Creates an entry with a fresh id; `query` is normalised with ``normalize(_:)``.
    public init(siteID: String?, query: String, resultCount: Int, viewerID: ID<User>?, at: Date) {
        self.id = .generate(prefix: "sq")
        self.siteID = siteID
        self.query = Self.normalize(query)
        self.resultCount = max(0, resultCount)
        self.viewerID = viewerID
        self.at = at
    }

    /// The form a query is logged and counted in: trimmed, lowercased, runs of whitespace as
    /// one space, at most ``maximumQueryLength`` characters.
    public static func normalize(_ query: String) -> String {
        let words = query.lowercased().split(whereSeparator: { $0.isWhitespace || $0.isNewline })
        return String(words.joined(separator: " ").prefix(maximumQueryLength))
    }

    /// Checks the query (plain text, at most ``maximumQueryLength``), a non-negative result count
    /// and a click position of at least 1.
    public func validate() throws {
        try Check.text(query, field: "SearchQueryLogEntry.query", max: Self.maximumQueryLength, required: false)
        if let siteID { try Check.text(siteID, field: "SearchQueryLogEntry.siteID", max: 64) }
        guard resultCount >= 0 else {
            throw ValidationError(field: "SearchQueryLogEntry.resultCount", reason: .invalidValue("negative"))
        }
        try Check.optionalText(clickedItem, field: "SearchQueryLogEntry.clickedItem", max: Self.maximumItemLength)
        if let clickedPosition, clickedPosition < 1 {
            throw ValidationError(field: "SearchQueryLogEntry.clickedPosition", reason: .invalidValue("below 1"))
        }
    }
}
