import Foundation

/// `community.articleDetail`: the article named by the page's `slug` parameter, with
/// "was this helpful" buttons, an Article JSON-LD block and the page title set; each rendering
/// counts a view (``KnowledgeProvider/recordView(articleID:viewer:)``). An article the viewer may
/// not read answers 404, as if it did not exist.
public struct ArticleDetailComponent: SiteComponent {
    /// Properties.
    public struct Properties: Codable, Sendable {
        /// Whether to show the vote buttons.
        public var showHelpful: Bool
    }

    public static let type: ComponentType = "community.articleDetail"
    public static let propertySchema = PropertySchema([
        .init("showHelpful", .boolean, default: true, summary: "Show “was this helpful”"),
    ])

    let properties: Properties
    public init(properties: Properties) { self.properties = properties }

    /// The article a slug names: in the viewer's locale first, then in the site's other locales,
    /// because article lists also show (and link) articles written in another language.
    static func find(_ slug: String, knowledge: any KnowledgeProvider, context: RenderContext) throws -> ArticleDisplay? {
        if let article = try knowledge.article(slug: slug, locale: context.locale, viewer: context.viewer) { return article }
        for locale in context.site.locales where locale != context.locale {
            if let article = try knowledge.article(slug: slug, locale: locale, viewer: context.viewer) { return article }
        }
        return nil
    }

    public func render(in context: RenderContext) throws -> HTMLNode {
        guard let knowledge = context.service((any KnowledgeProvider).self) else { return Markup.unavailable(context) }
        guard let slug = context.parameters["slug"], let article = try Self.find(slug, knowledge: knowledge, context: context) else {
            context.head.setStatus(404)
            return .el("p", text: context.text("page.notFound"))
        }
        let summary = article.summary
        // A failed count never hides the article.
        try? knowledge.recordView(articleID: summary.id, viewer: context.viewer)
        context.head.setTitle(summary.title)
        context.head.setDescription(summary.summary)
        context.head.setOpenGraphType("article")
        context.head.addStructuredData(StructuredData.article(
            headline: summary.title, summary: summary.summary, url: context.site.baseURL + context.currentPath,
            language: summary.locale.replacingOccurrences(of: "_", with: "-"), modified: nil))
        var children: [HTMLNode] = [.el("h1", text: summary.title), .el("div", [.class("ck-article-body")], [article.body.node])]
        if properties.showHelpful {
            let label = context.text("article.helpful")
            children.append(.el("div", [.class("ck-helpful"), HTMLAttribute("role", "group"), HTMLAttribute("aria-label", label)], [
                .el("p", text: label),
                Markup.form("articleVote", context: context, [
                    .el("input", [HTMLAttribute("type", "hidden"), HTMLAttribute("name", "article"), HTMLAttribute("value", summary.id)]),
                    .el("input", [HTMLAttribute("type", "hidden"), HTMLAttribute("name", "helpful"), HTMLAttribute("value", "yes")]),
                ], submit: context.text("article.helpfulYes", ["count": "\(article.helpfulYes)"])),
                Markup.form("articleVote", context: context, [
                    .el("input", [HTMLAttribute("type", "hidden"), HTMLAttribute("name", "article"), HTMLAttribute("value", summary.id)]),
                    .el("input", [HTMLAttribute("type", "hidden"), HTMLAttribute("name", "helpful"), HTMLAttribute("value", "no")]),
                ], submit: context.text("article.helpfulNo", ["count": "\(article.helpfulNo)"])),
            ]))
        }
        return .el("article", [HTMLAttribute("lang", summary.locale.replacingOccurrences(of: "_", with: "-"))], children)
    }
}
