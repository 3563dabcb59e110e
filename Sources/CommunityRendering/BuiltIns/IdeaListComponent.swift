/// `community.ideaList`: ideas by score, by the stored trending ranking or newest first, with a
/// vote button for members who have not voted.
public struct IdeaListComponent: SiteComponent {
    /// Properties.
    public struct Properties: Codable, Sendable {
        /// The heading.
        public var title: String
        /// How many.
        public var limit: Int
        /// The order: `top`, `trending` or `recent` (see ``IdeaListOrder``); anything else reads as `top`.
        public var order: String
    }

    public static let type: ComponentType = "community.ideaList"
    public static let propertySchema = PropertySchema([
        .init("title", .string, default: "Ideas", length: 0...200, summary: "Heading"),
        .init("limit", .integer, default: 10, range: 1...50, summary: "Ideas shown"),
        .init("order", .string, default: "top", allowed: ["top", "trending", "recent"],
              summary: "Order: top (votes), trending (recent votes weigh more) or recent"),
    ])

    let properties: Properties
    public init(properties: Properties) { self.properties = properties }

    public func render(in context: RenderContext) throws -> HTMLNode {
        guard let engagement = context.service((any EngagementProvider).self) else { return Markup.unavailable(context) }
        let ideas = try engagement.ideas(viewer: context.viewer, limit: Markup.clamp(properties.limit, to: 0...50), order: IdeaListOrder(rawValue: properties.order) ?? .top)
        let member = !context.viewer.isGuest && context.site.isMember(context.viewer)
        return Markup.section(context.localized(properties.title, default: "ideas.title"), ideas.isEmpty ? [Markup.empty(context)] : [Markup.list(ideas.map { idea in
            var nodes: [HTMLNode] = [
                .el("span", [.class("ck-score"), HTMLAttribute("aria-label", context.text("ideas.points", ["count": "\(idea.score)"]))], text: "\(idea.score)"),
                .text(" "), .el("strong", [], [Markup.link(idea.title, context.url(objectType: "Idea", id: idea.id))]), .el("span", [.class("ck-meta")], text: " · " + idea.status),
            ]
            if member && !idea.viewerVoted {
                nodes.append(Markup.form("voteIdea", context: context, [
                    .el("input", [HTMLAttribute("type", "hidden"), HTMLAttribute("name", "idea"), HTMLAttribute("value", idea.id)]),
                ], submit: "▲"))
            }
            return .fragment(nodes)
        })])
    }
}
