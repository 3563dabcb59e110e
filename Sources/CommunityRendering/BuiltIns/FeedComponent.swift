/// `community.feed`: the viewer's feed of posts.
public struct FeedComponent: SiteComponent {
    /// Properties.
    public struct Properties: Codable, Sendable {
        /// The heading.
        public var title: String
        /// How many posts.
        public var limit: Int
    }

    public static let type: ComponentType = "community.feed"
    public static let propertySchema = PropertySchema([
        .init("title", .string, default: "Feed", length: 0...200, summary: "Heading"),
        .init("limit", .integer, default: 10, range: 1...50, summary: "Posts shown"),
    ])

    let properties: Properties
    public init(properties: Properties) { self.properties = properties }

    public func render(in context: RenderContext) throws -> HTMLNode {
        // A guest has no feed: the card would always be empty.
        guard !context.viewer.isGuest else { return Markup.nothing }
        guard let engagement = context.service((any EngagementProvider).self) else { return Markup.unavailable(context) }
        let items = try engagement.feed(viewer: context.viewer, limit: Markup.clamp(properties.limit, to: 0...50))
        return Markup.section(context.localized(properties.title, default: "feed.title"), items.isEmpty ? [Markup.empty(context.text("empty.noPosts"))] : [Markup.list(items.map { item in
            .fragment([.el("p", [.class("ck-meta")], item.posted == nil ? [.text(item.author)] : [.text(item.author + " · "), Markup.moment(item.posted, context: context)]), item.body.node])
        })])
    }
}
