import Foundation

/// `community.searchResults`: articles, questions, ideas, discussions and files matching the
/// `q` query parameter, as the viewer may see them, with a count per kind that filters by
/// kind (the `type` query parameter: `article`, `question`, `idea`, `discussion` or `file`)
/// and a form that chooses the kind. Without a discovery provider it lists articles only.
public struct SearchResultsComponent: SiteComponent {
    /// Properties.
    public struct Properties: Codable, Sendable {
        /// How many results.
        public var limit: Int
        /// The page showing one article.
        public var articlePage: String
        /// The page showing one question.
        public var questionPage: String
        /// The ideas page.
        public var ideaPage: String
    }

    public static let type: ComponentType = "community.searchResults"
    public static let propertySchema = PropertySchema([
        .init("limit", .integer, default: 10, range: 1...50, summary: "Results shown"),
        .init("articlePage", .string, default: "article", length: 1...64, pattern: .identifier, summary: "Id of the article page"),
        .init("questionPage", .string, default: "question", length: 1...64, pattern: .identifier, summary: "Id of the question page"),
        .init("ideaPage", .string, default: "ideas", length: 1...64, pattern: .identifier, summary: "Id of the ideas page"),
    ])

    let properties: Properties
    public init(properties: Properties) { self.properties = properties }

    public func render(in context: RenderContext) throws -> HTMLNode {
        let query = String((context.query["q"] ?? "").trimmingCharacters(in: .whitespaces).prefix(200))
        guard !query.isEmpty else { return .empty }
        let limit = Markup.clamp(properties.limit, to: 0...50)
        let title = context.text("search.resultsTitle", ["query": query])
        guard let discovery = context.service((any DiscoveryProvider).self) else {
            guard let knowledge = context.service((any KnowledgeProvider).self) else { return Markup.unavailable(context) }
            let results = try knowledge.search(query, locale: context.locale, viewer: context.viewer, limit: limit)
            guard !results.isEmpty else { return Markup.section(title, [Markup.empty(context)]) }
            return Markup.section(title, [ArticleListComponent.list(results, page: properties.articlePage, context: context)])
        }
        // An unknown type is no filter.
        let kind = context.query["type"].flatMap(SearchItemKind.init(rawValue:))
        let request = SiteSearchRequest(
            text: query, kinds: kind.map { [$0] } ?? [], locale: context.locale,
            articleLocales: Set(context.site.locales).union([context.locale]), limit: limit, site: context.site.id)
        let results = try discovery.search(request, viewer: context.viewer)
        // The query log (search KPIs): every search of the site, and the result followed.
        let entry = context.service((any SearchQueryLog).self)?.logSearch(
            query, resultCount: results.counts.values.reduce(0, +), site: context.site.id, viewer: context.viewer)
        let links = ResultLinks(articlePage: properties.articlePage, questionPage: properties.questionPage, ideaPage: properties.ideaPage)
        var children: [HTMLNode] = [facets(results, query: query, selected: kind, context: context), refine(query: query, selected: kind, context: context)]
        // With every kind listed together, each result says what it is.
        children.append(results.items.isEmpty ? Markup.empty(context) : links.list(results.items, context: context, searchEntry: entry, showKind: kind == nil))
        return Markup.section(title, children)
    }

    /// A GET form on this page that keeps the words and chooses the kind.
    private func refine(query: String, selected: SearchItemKind?, context: RenderContext) -> HTMLNode {
        let action = context.url(page: context.page.id) ?? SafeURL.path(["search"], prefix: context.site.urlPrefix)
        func option(_ value: String, _ label: String, selected: Bool) -> HTMLNode {
            var attributes = [HTMLAttribute("value", value)]
            if selected { attributes.append(HTMLAttribute("selected", "selected")) }
            return .el("option", attributes, text: label)
        }
        let options = [option("", SearchItemKind.allLabel(locale: context.locale), selected: selected == nil)]
            + SearchItemKind.allCases.map { option($0.rawValue, $0.label(locale: context.locale), selected: $0 == selected) }
        return .el("form", [.class("ck-refine ck-search-refine"), HTMLAttribute("method", "get"), HTMLAttribute("action", url: action)], [
            .el("input", [HTMLAttribute("type", "hidden"), HTMLAttribute("name", "q"), HTMLAttribute("value", query)]),
            .el("label", [HTMLAttribute("for", "ck-type")], text: SearchItemKind.filterLabel(locale: context.locale)),
            .el("select", [HTMLAttribute("id", "ck-type"), HTMLAttribute("name", "type")], options),
            .el("button", [.class("ck-button"), HTMLAttribute("type", "submit")], text: SearchItemKind.applyLabel(locale: context.locale)),
        ])
    }

    /// Links that filter by kind, each with its count, as a row of pills; the chosen one is
    /// marked current.
    private func facets(_ results: SiteSearchResults, query: String, selected: SearchItemKind?, context: RenderContext) -> HTMLNode {
        let base = context.url(page: context.page.id)?.string ?? SafeURL.path(["search"], prefix: context.site.urlPrefix).string
        func link(_ label: String, _ kind: SearchItemKind?) -> HTMLNode {
            var target = base + "?q=" + SafeURL.encodeSegment(query)
            if let kind { target += "&type=" + kind.rawValue }
            var attributes: [HTMLAttribute] = []
            if let url = SafeURL(target) { attributes.append(.href(url)) }
            if kind == selected { attributes.append(HTMLAttribute("aria-current", "true")) }
            return .el("a", attributes, text: label)
        }
        let all = results.counts.values.reduce(0, +)
        var items: [HTMLNode] = [link(SearchItemKind.allLabel(locale: context.locale) + " (\(all))", nil)]
        for kind in SearchItemKind.allCases {
            guard let count = results.counts[kind], count > 0 else { continue }
            items.append(link("\(kind.label(locale: context.locale)) (\(count))", kind))
        }
        let pills = HTMLNode.el("ul", [.class("ck-pills")], items.map { .el("li", [], [$0]) })
        return .el("nav", [.class("ck-facets"), HTMLAttribute("aria-label", context.text("search.resultTypes"))], [pills])
    }
}
