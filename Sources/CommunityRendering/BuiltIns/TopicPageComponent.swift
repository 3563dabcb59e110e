/// `community.topicPage`: the topic named by the page's `name` parameter (any case) with its
/// articles, questions, ideas, discussions and files, each kind with its exact count, and its
/// experts, as the viewer may see them. An unknown topic answers 404.
public struct TopicPageComponent: SiteComponent {
    /// Properties.
    public struct Properties: Codable, Sendable {
        /// How many of each.
        public var limit: Int
        /// The article page.
        public var articlePage: String
        /// The question page.
        public var questionPage: String
        /// The ideas page (an idea links there).
        public var ideaPage: String
    }

    public static let type: ComponentType = "community.topicPage"
    public static let propertySchema = PropertySchema([
        .init("limit", .integer, default: 10, range: 1...50, summary: "Items shown"),
        .init("articlePage", .string, default: "article", length: 1...64, pattern: .identifier, summary: "Id of the article page"),
        .init("questionPage", .string, default: "question", length: 1...64, pattern: .identifier, summary: "Id of the question page"),
        .init("ideaPage", .string, default: "ideas", length: 1...64, pattern: .identifier, summary: "Id of the ideas page"),
    ])

    let properties: Properties
    public init(properties: Properties) { self.properties = properties }

    public func render(in context: RenderContext) throws -> HTMLNode {
        guard let name = context.parameters["name"] else { return Markup.empty(context) }
        let limit = Markup.clamp(properties.limit, to: 1...50)
        guard let discovery = context.service((any DiscoveryProvider).self) else { return try legacy(name, limit: limit, context) }
        let locales = Set(context.site.locales).union([context.locale])
        guard let topic = try discovery.topic(named: name, locale: context.locale, articleLocales: locales, site: context.site.id, viewer: context.viewer, limit: limit)
        else {
            context.head.setStatus(404)
            return .el("p", text: context.text("page.notFound"))
        }
        context.head.setTitle(topic.name)
        var children: [HTMLNode] = [.el("h1", text: topic.name)]
        if !topic.description.isEmpty { children.append(.el("p", text: topic.description)) }
        let links = ResultLinks(articlePage: properties.articlePage, questionPage: properties.questionPage, ideaPage: properties.ideaPage)
        for kind in SearchItemKind.allCases {
            guard let count = topic.counts[kind], count > 0, let items = topic.items[kind], !items.isEmpty else { continue }
            let heading = "\(kind.label(locale: context.locale)) (\(count))"
            children.append(.el("section", [.class("ck-card ck-topic-\(kind.rawValue)"), HTMLAttribute("aria-label", heading)],
                                [.el("h2", text: heading), links.list(items, context: context)]))
        }
        if !topic.experts.isEmpty {
            children.append(Markup.section(context.text("topic.experts"), [Markup.list(topic.experts.map { .text("\($0.name) · \($0.points)") })]))
        }
        if children.count == 1 || (children.count == 2 && !topic.description.isEmpty) { children.append(Markup.empty(context)) }
        return .el("div", [.class("ck-topic")], children)
    }

    /// Without a discovery provider: the articles and questions the knowledge and engagement
    /// providers list for the name.
    private func legacy(_ name: String, limit: Int, _ context: RenderContext) throws -> HTMLNode {
        context.head.setTitle(name)
        var children: [HTMLNode] = [.el("h1", text: name)]
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
