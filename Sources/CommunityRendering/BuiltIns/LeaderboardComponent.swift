import CommunityModel

/// `community.leaderboard`: members by reputation points.
public struct LeaderboardComponent: SiteComponent {
    /// Properties.
    public struct Properties: Codable, Sendable {
        /// The heading.
        public var title: String
        /// How many.
        public var limit: Int
    }

    public static let type: ComponentType = "community.leaderboard"
    public static let propertySchema = PropertySchema([
        .init("title", .string, default: "Top members", length: 0...200, summary: "Heading"),
        .init("limit", .integer, default: 10, range: 1...50, summary: "Members shown"),
    ])

    let properties: Properties
    public init(properties: Properties) { self.properties = properties }

    public func render(in context: RenderContext) throws -> HTMLNode {
        // Member names are not for guests unless the site says so.
        guard context.site.mayShowMembers(to: context.viewer) else { return Markup.nothing }
        guard let engagement = context.service((any EngagementProvider).self) else { return Markup.unavailable(context) }
        let leaders = try engagement.leaderboard(viewer: context.viewer, limit: Markup.clamp(properties.limit, to: 0...50))
        let title = context.localized(properties.title, default: "leaderboard.title")
        guard !leaders.isEmpty else { return Markup.section(title, [Markup.empty(context)]) }
        let rows: [HTMLNode] = leaders.enumerated().map { i, entry in
            // The level goes under the name, so three narrow columns fit a sidebar or a phone.
            let level = Self.level(entry.level, context: context)
            let member: [HTMLNode] = level.isEmpty ? [.text(entry.name)] : [
                .text(entry.name), .el("br", []),
                .el("small", [.class("ck-meta")], text: context.text("leaderboard.levelOf", ["level": level])),
            ]
            return .el("tr", [], [.el("td", [.class("ck-num")], text: "\(i + 1)"), .el("td", [], member),
                                  .el("td", [.class("ck-num")], text: context.presenter.formatter.number(Double(entry.points)))])
        }
        return Markup.section(title, [Markup.scrollable(.el("table", [.class("ck-leaderboard")], [
            .el("thead", [], [.el("tr", [], ["leaderboard.rank", "leaderboard.member", "leaderboard.points"].map { key -> HTMLNode in
                .el("th", [HTMLAttribute("scope", "col")] + (key == "leaderboard.member" ? [] : [.class("ck-num")]), text: context.text(UIStringKey(key)))
            })]),
            .el("tbody", [], rows),
        ]), label: title)])
    }

    /// A reputation level's name in the viewer's language: the built-in levels (`Newcomer`…)
    /// from the tables, a host's own through the site's translations.
    static func level(_ name: String, context: RenderContext) -> String {
        context.strings.textIfPresent(UIStringKey("reputation.level." + name), locale: context.locale) ?? context.localized(name)
    }
}
