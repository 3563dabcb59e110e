public import CommunityModel

extension KnowledgeSearchIndexer {
    /// The document keys of an article's published locales, `preferring` first (if published),
    /// then the others by locale; empty for an unknown article.
    public static func documentKeys(
        of articleID: ID<KnowledgeArticle>, preferring locale: String? = nil, in reader: any StoreReader
    ) throws -> [SearchDocumentKey] {
        let locales = Set(try KnowledgeService.versions(of: articleID, in: reader).filter { $0.status == .published }.map(\.locale))
        let ordered = locales.sorted { a, b in a == locale ? true : b == locale ? false : a < b }
        return ordered.map { documentKey(articleID, locale: $0) }
    }
}
