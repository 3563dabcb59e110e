/// `community.topicCatalog`: every topic the viewer may browse, linking to topic pages, each
/// with how many items the viewer may see carry it.
public struct TopicCatalogComponent: SiteComponent {
    /// Properties.
    public struct Properties: Codable, Sendable {
        /// The heading.
        public var title: String
        /// The topic page.
        public var topicPage: String
    }

    public static let type: ComponentType = "community.topicCatalog"
    public static let propertySchema = PropertySchema([
        .init("title", .string, default: "Topics", length: 0...200, summary: "Heading"),
        .init("topicPage", .string, default: "topic", length: 1...64, pattern: .identifier, summary: "Id of the topic page"),
    ])

    let properties: Properties
    public init(properties: Properties) { self.properties = properties }

    public func render(in context: RenderContext) throws -> HTMLNode {
        let topics: [TopicSummary]
        if let discovery = context.service((any DiscoveryProvider).self) {
            topics = try discovery.topics(articleLocales: Set(context.site.locales).union([context.locale]), site: context.site.id, viewer: context.viewer)
        } else if let knowledge = context.service((any KnowledgeProvider).self) {
            topics = try knowledge.topics(viewer: context.viewer)
        } else {
            return Markup.unavailable(context)
        }
        return Markup.section(context.localized(properties.title, default: "topics.title"), topics.isEmpty ? [Markup.empty(context)] : [Markup.list(topics.map { topic in
            .fragment([Markup.link(topic.name, context.url(page: properties.topicPage, parameter: topic.name)),
                       .text(" (\(topic.itemCount))")])
        })])
    }
}
