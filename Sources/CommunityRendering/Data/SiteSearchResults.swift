/// What site search found: a page of items of every kind, best first, with exact counts per kind.
public struct SiteSearchResults: Sendable, Hashable {
    /// The items shown, best first.
    public var items: [SearchResultItem]
    /// How many items of each kind the viewer may see match, for the whole query (the kind
    /// filter aside, so every kind's count can be shown as a facet).
    public var counts: [SearchItemKind: Int]
    /// How many visible items match within the chosen kinds.
    public var totalCount: Int

    /// Creates results.
    public init(items: [SearchResultItem], counts: [SearchItemKind: Int], totalCount: Int) {
        self.items = items
        self.counts = counts
        self.totalCount = totalCount
    }

    /// Nothing found.
    public static let empty = SiteSearchResults(items: [], counts: [:], totalCount: 0)
}
