public import CommunityContent
public import Foundation

/// One document of the benchmark's corpus JSON format.
///
/// `popularity` (a number ≥ 0, default 0) and `updatedAt` (ISO 8601, default the benchmark's
/// epoch) feed the ranking's popularity and recency boosts; a document's position in the file
/// never does. `visibleTo` restricts the document to viewers holding any of its keys.
public struct CorpusEntry: Codable, Sendable, Hashable {
    /// The document id queries judge.
    public var id: String
    /// Its locale (`en_US`, `de_DE`, `ko_KR`, …).
    public var locale: String
    /// Its title.
    public var title: String
    /// Its summary.
    public var summary: String?
    /// Its body.
    public var body: String?
    /// Its category ids.
    public var categories: [String]?
    /// How popular it is (views, votes; any scale ≥ 0).
    public var popularity: Double?
    /// When it last changed, ISO 8601.
    public var updatedAt: String?
    /// Access keys of which a viewer must hold one (nil: everyone sees it).
    public var visibleTo: [String]?

    /// Creates an entry.
    public init(
        id: String, locale: String, title: String, summary: String? = nil, body: String? = nil,
        categories: [String]? = nil, popularity: Double? = nil, updatedAt: String? = nil, visibleTo: [String]? = nil
    ) {
        self.id = id
        self.locale = locale
        self.title = title
        self.summary = summary
        self.body = body
        self.categories = categories
        self.popularity = popularity
        self.updatedAt = updatedAt
        self.visibleTo = visibleTo
    }

    /// The search document for this entry, or a typed error naming the entry's bad field.
    /// Documents without `updatedAt` were last changed at `epoch`.
    public func searchDocument(epoch: Date) throws(BenchmarkInputError) -> SearchDocument {
        let popularity = self.popularity ?? 0
        guard popularity.isFinite, popularity >= 0 else { throw .invalidPopularity(documentID: id) }
        var changed = epoch
        if let text = updatedAt {
            guard let date = Self.parseDate(text) else { throw .invalidUpdatedAt(documentID: id, value: text) }
            changed = date
        }
        return SearchDocument(
            type: .article, id: id, locale: locale, title: title, summary: summary ?? "", body: body ?? "",
            categories: categories ?? [], visibility: visibleTo.map { .anyOf($0) } ?? .everyone,
            createdAt: changed, updatedAt: changed, popularity: popularity)
    }

    /// Parses an ISO 8601 date and time, with or without fractional seconds, or a plain date.
    static func parseDate(_ text: String) -> Date? {
        if let date = try? Date(text, strategy: .iso8601) { return date }
        if let date = try? Date(text, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true)) {
            return date
        }
        return try? Date(text, strategy: Date.ISO8601FormatStyle().year().month().day())
    }
}
