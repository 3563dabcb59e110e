/// A full-text index that every layer feeds and every search goes through.
///
/// Conformers must filter by the viewer inside the query, so that pages are full and
/// counts exact; they must make an upsert visible to the next search and a removal
/// invisible at once. `MemorySearchIndex` is the built-in implementation; a host may plug
/// in its own (an external engine) by conforming to this protocol.
public protocol SearchIndex: Sendable {
    /// Adds documents or replaces those with the same keys.
    func upsert(_ documents: [SearchDocument]) throws
    /// Removes documents; unknown keys are ignored.
    func remove(_ keys: [SearchDocumentKey]) throws
    /// Searches as `viewer`: only documents the viewer may see are matched, counted and faceted.
    func search(_ query: SearchQuery, as viewer: SearchViewer) throws -> SearchResults
    /// The stored document with this key.
    func document(_ key: SearchDocumentKey) throws -> SearchDocument?
    /// How many documents are indexed.
    func count() throws -> Int
}

extension SearchIndex {
    /// Adds or replaces one document.
    public func upsert(_ document: SearchDocument) throws { try upsert([document]) }
    /// Removes one document.
    public func remove(_ key: SearchDocumentKey) throws { try remove([key]) }
}
