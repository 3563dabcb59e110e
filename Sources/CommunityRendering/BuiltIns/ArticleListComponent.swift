import Foundation

/// `community.articleList`: recent articles (optionally of a topic, or of the page's topic
/// parameter), or with `order: "popular"` the most viewed ones, in the viewer's language, only
/// those the viewer may read.
public struct ArticleListComponent: SiteComponent {
    /// Properties.
    public struct Properties: Codable, Sendable {
        /// The heading.
        public var title: String
        /// A fixed topic; empty to use the page's `name` parameter, if any.
        public var topic: String
        /// How many.
        public var limit: Int
        /// The page showing one article.
        public var articlePage: String
        /// `recent` (newest first) or `popular` (most viewed first; a topic list stays recent).
        public var order: String
    }

    public static let type: ComponentType = "community.articleList"
    public static let propertySchema = PropertySchema([
        .init("title", .string, default: "", length: 0...200, summary: "Heading"),
        .init("topic", .string, default: "", length: 0...100, summary: "Topic name"),
        .init("limit", .integer, default: 5, range: 1...50, summary: "Articles shown"),
        .init("articlePage", .string, default: "article", length: 1...64, pattern: .identifier, summary: "Id of the article page"),
        .init("order", .string, default: "recent", allowed: ["recent", "popular"], summary: "Newest or most viewed first"),
    ])

    let properties: Properties
    public init(properties: Properties) { self.properties = properties }

    public func render(in context: RenderContext) throws -> HTMLNode {
        guard let knowledge = context.service((any KnowledgeProvider).self) else { return Markup.unavailable(context) }
        let topic = properties.topic.isEmpty ? context.parameters["name"] : properties.topic
        let limit = Markup.clamp(properties.limit, to: 0...50)
        let articles = properties.order == "popular" && topic == nil
            ? try knowledge.popularArticles(locale: context.locale, viewer: context.viewer, limit: limit)
            : try knowledge.articles(topic: topic, locale: context.locale, viewer: context.viewer, limit: limit)
        return Markup.section(context.localized(properties.title), articles.isEmpty ? [Markup.empty(context)] : [Self.list(articles, page: properties.articlePage, context: context)])
    }

    static func list(_ articles: [ArticleCard], page: String, context: RenderContext) -> HTMLNode {
        let pageLanguage = context.locale.prefix { $0 != "_" && $0 != "-" }.lowercased()
        return Markup.list(articles.map { article in
            let content: [HTMLNode] = [
                .el("h3", [], [Markup.link(article.title, context.url(page: page, parameter: article.slug))]),
                .el("p", text: article.summary),
            ]
            // An article shown in another language than the page's (no translation yet) says so,
            // so screen readers pronounce it in its own language.
            let language = article.locale.prefix { $0 != "_" && $0 != "-" }.lowercased()
            guard !language.isEmpty, language != pageLanguage else { return .fragment(content) }
            return .el("div", [HTMLAttribute("lang", article.locale.replacingOccurrences(of: "_", with: "-"))], content)
        })
    }
}
