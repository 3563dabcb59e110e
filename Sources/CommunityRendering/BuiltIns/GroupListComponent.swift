/// `community.groupList`: groups the viewer may see (private groups only to their members).
public struct GroupListComponent: SiteComponent {
    /// Properties.
    public struct Properties: Codable, Sendable {
        /// The heading.
        public var title: String
        /// How many.
        public var limit: Int
    }

    public static let type: ComponentType = "community.groupList"
    public static let propertySchema = PropertySchema([
        .init("title", .string, default: "Groups", length: 0...200, summary: "Heading"),
        .init("limit", .integer, default: 10, range: 1...50, summary: "Groups shown"),
    ])

    let properties: Properties
    public init(properties: Properties) { self.properties = properties }

    public func render(in context: RenderContext) throws -> HTMLNode {
        guard let engagement = context.service((any EngagementProvider).self) else { return Markup.unavailable(context) }
        let groups = try engagement.groups(viewer: context.viewer, limit: Markup.clamp(properties.limit, to: 0...50))
        return Markup.section(context.localized(properties.title, default: "groups.title"), groups.isEmpty ? [Markup.empty(context)] : [Markup.list(groups.map { g in
            .fragment([.el("strong", text: g.name), .el("span", [.class("ck-meta")], text: " · " + context.text("groups.members", count: g.memberCount) + " · \(g.access)")])
        })])
    }
}
