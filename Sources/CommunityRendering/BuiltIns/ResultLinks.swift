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
        case .idea: context.site.pages.contains { $0.id == ideaPage } ? context.url(page: ideaPage) : nil
        case .discussion, .file: nil
        }
    }

    /// A list of items: the title (linked where it can be) and a short passage.
    func list(_ items: [SearchResultItem], context: RenderContext) -> HTMLNode {
        Markup.list(items.map { item in
            var nodes: [HTMLNode] = [Markup.link(item.title, url(item, context: context))]
            if !item.snippet.isEmpty { nodes.append(.el("p", [.class("ck-meta")], text: String(item.snippet.prefix(200)))) }
            return .fragment(nodes)
        })
    }
}
