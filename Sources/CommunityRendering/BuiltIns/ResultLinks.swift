/// Where a listed search or topic item links, by its kind; `nil` (plain text) when the site
/// has no page for it, so a list never links to a page that does not answer.
struct ResultLinks: Sendable {
    var articlePage: String
    var questionPage: String
    var ideaPage: String

    func url(_ item: SearchResultItem, context: RenderContext) -> SafeURL? {
        switch item.kind {
        case .article: context.url(page: articlePage, parameter: item.slug ?? item.id)
        case .question: context.url(page: questionPage, parameter: item.id)
        // The idea's own page when the site has one (a page showing `Idea` objects), else the ideas list.
        case .idea: context.url(objectType: "Idea", id: item.id)
            ?? (context.site.pages.contains { $0.id == ideaPage } ? context.url(page: ideaPage) : nil)
        case .discussion, .file: nil
        }
    }

    /// A list of items: the title (linked where it can be) and a short passage. With a logged
    /// search's entry id, each link goes through the click-tracking link, which records the
    /// result's position before redirecting to it. With `showKind`, each item is headed by
    /// its kind (Article, Question, …), for lists that mix kinds.
    func list(_ items: [SearchResultItem], context: RenderContext, searchEntry: String? = nil, showKind: Bool = false) -> HTMLNode {
        Markup.list(items.enumerated().map { index, item in
            var target = url(item, context: context)
            if let searchEntry, let direct = target {
                target = SiteResponder.searchClickURL(
                    site: context.site, entry: searchEntry, position: index + 1, target: direct, item: item.reference)
            }
            var nodes: [HTMLNode] = []
            if showKind { nodes.append(.el("span", [.class("ck-kind")], text: item.kind.singularLabel(locale: context.locale))) }
            nodes.append(.el("span", [.class("ck-result-title")], [Markup.link(item.title, target)]))
            if item.isPromoted { nodes.append(.el("span", [.class("ck-badge ck-promoted")], text: context.text("search.promoted"))) }
            if !item.snippet.isEmpty { nodes.append(.el("p", [.class("ck-meta")], text: String(item.snippet.prefix(200)))) }
            return .fragment(nodes)
        })
    }
}
