import Foundation

/// `community.searchResults`: articles matching the `q` query parameter, as the viewer may see them.
public struct SearchResultsComponent: SiteComponent {
    /// Properties.
    public struct Properties: Codable, Sendable {
        /// How many results.
        public var limit: Int
        /// The page showing one article.
        public var articlePage: String
    }

    public static let type: ComponentType = "community.searchResults"
    public static let propertySchema = PropertySchema([
        .init("limit", .integer, default: 10, range: 1...50, summary: "Results shown"),
        .init("articlePage", .string, default: "article", length: 1...64, pattern: .identifier, summary: "Id of the article page"),
    ])

    let properties: Properties
    public init(properties: Properties) { self.properties = properties }

    public func render(in context: RenderContext) throws -> HTMLNode {
        let query = (context.query["q"] ?? "").trimmingCharacters(in: .whitespaces)
        guard !query.isEmpty else { return .empty }
        guard let knowledge = context.service((any KnowledgeProvider).self) else { return Markup.unavailable(context) }
        let results = try knowledge.search(String(query.prefix(200)), locale: context.locale, viewer: context.viewer, limit: Markup.clamp(properties.limit, to: 0...50))
        let title = context.text("search.resultsTitle", ["query": query])
        guard !results.isEmpty else { return Markup.section(title, [Markup.empty(context)]) }
        return Markup.section(title, [ArticleListComponent.list(results, page: properties.articlePage, context: context)])
    }
}
