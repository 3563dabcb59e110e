/// A query's type, locale, category and topic filters, translated into one segment's
/// interned value ids so that checking a document is a few array reads.
struct SegmentFilter {
    private let allowed: [Bool]
    private let types: Bool, locales: Bool, categories: Bool, topics: Bool

    init(query: SearchQuery, segment: IndexSegment) {
        var allowed = [Bool](repeating: false, count: segment.valueNames.count)
        func allow(_ prefix: String, _ values: Set<String>?) -> Bool {
            guard let values else { return false }
            for v in values { if let id = segment.values[prefix + v] { allowed[Int(id)] = true } }
            return true
        }
        types = allow("t:", query.types.map { Set($0.map(\.name)) })
        locales = allow("l:", query.locales)
        categories = allow("c:", query.categories)
        topics = allow("p:", query.topics)
        self.allowed = allowed
    }

    /// Whether the query has no type, locale, category or topic filter (every document passes).
    var admitsEverything: Bool { !types && !locales && !categories && !topics }

    func admits(_ d: Int, _ segment: IndexSegment) -> Bool {
        if types, !allowed[Int(segment.typeOf[d])] { return false }
        if locales, !allowed[Int(segment.localeOf[d])] { return false }
        if categories, !segment.categoriesOf[d].contains(where: { allowed[Int($0)] }) { return false }
        if topics, !segment.topicsOf[d].contains(where: { allowed[Int($0)] }) { return false }
        return true
    }
}
