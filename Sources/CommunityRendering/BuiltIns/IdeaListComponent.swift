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
            .el("div", [.class("ck-idea")], [
                Self.voteBox(id: idea.id, title: idea.title, score: idea.score, canVote: member, voted: idea.viewerVoted, context: context),
                .el("div", [.class("ck-idea-main")], [
                    .el("strong", [.class("ck-idea-title")], [Markup.link(idea.title, context.url(objectType: "Idea", id: idea.id))]),
                    .text(" "), .el("span", [.class("ck-badge ck-status")], text: idea.status),
                ]),
            ])
        })])
    }

    /// An idea's score with, for a member, the vote button (named "Vote for …"), or "Voted"
    /// once they have voted: shared by the list and the idea page.
    static func voteBox(id: String, title: String, score: Int, canVote: Bool, voted: Bool, context: RenderContext) -> HTMLNode {
        var nodes: [HTMLNode] = [
            .el("span", [.class("ck-score"), HTMLAttribute("aria-label", context.text("ideas.points", count: score))], text: "\(score)"),
        ]
        if canVote && voted {
            nodes.append(.el("span", [.class("ck-voted")], text: context.text("ideas.voted")))
        } else if canVote {
            nodes.append(Markup.form("voteIdea", context: context, [Markup.hidden("idea", id)],
                                     submit: "▲", submitName: context.text("ideas.vote", ["title": title])))
        }
        return .el("div", [.class("ck-vote")], nodes)
    }
}
