/// `community.topicPage`: the topic named by the page's `name` parameter with its articles
/// and questions, as the viewer may see them.
public struct TopicPageComponent: SiteComponent {
    /// Properties.
    public struct Properties: Codable, Sendable {
        /// How many of each.
        public var limit: Int
        /// The article page.
        public var articlePage: String
        /// The question page.
        public var questionPage: String
    }

    public static let type: ComponentType = "community.topicPage"
    public static let propertySchema = PropertySchema([
        .init("limit", .integer, default: 10, range: 1...50, summary: "Items shown"),
        .init("articlePage", .string, default: "article", length: 1...64, pattern: .identifier, summary: "Id of the article page"),
        .init("questionPage", .string, default: "question", length: 1...64, pattern: .identifier, summary: "Id of the question page"),
    ])

    let properties: Properties
    public init(properties: Properties) { self.properties = properties }

    public func render(in context: RenderContext) throws -> HTMLNode {
        guard let name = context.parameters["name"] else { return Markup.empty(context) }
        context.head.setTitle(name)
        var children: [HTMLNode] = [.el("h1", text: name)]
        let limit = Markup.clamp(properties.limit, to: 0...50)
        if let knowledge = context.service((any KnowledgeProvider).self) {
            let articles = try knowledge.articles(topic: name, locale: context.locale, viewer: context.viewer, limit: limit)
            if !articles.isEmpty { children.append(ArticleListComponent.list(articles, page: properties.articlePage, context: context)) }
        }
        if let engagement = context.service((any EngagementProvider).self) {
            let questions = try engagement.questions(topic: name, viewer: context.viewer, limit: limit)
            if !questions.isEmpty { children.append(QuestionListComponent.list(questions, page: properties.questionPage, context: context)) }
        }
        if children.count == 1 { children.append(Markup.empty(context)) }
        return .el("div", [.class("ck-topic")], children)
    }
}
