/// `community.ideaDetail`: the idea named by the page's parameter, with its comments and, for
/// members, a comment form (`commentOnIdea`: `idea`, `body`). Nothing for an idea the viewer
/// may not see.
public struct IdeaDetailComponent: SiteComponent {
    /// Properties.
    public struct Properties: Codable, Sendable {
        /// The page parameter that holds the idea id.
        public var parameter: String
    }

    /// The action that comments on an idea.
    public static let commentAction = "commentOnIdea"
    public static let type: ComponentType = "community.ideaDetail"
    public static let propertySchema = PropertySchema([
        .init("parameter", .string, default: "id", length: 1...64, pattern: .identifier, summary: "Page parameter with the idea id"),
    ])

    let properties: Properties
    public init(properties: Properties) { self.properties = properties }

    public func render(in context: RenderContext) throws -> HTMLNode {
        guard let provider = context.service((any IdeaWorkProvider).self) else { return Markup.unavailable(context) }
        guard let id = context.parameters[properties.parameter],
              let idea = try provider.idea(id: id, site: context.site, viewer: context.viewer) else { return .empty }
        var comments: [HTMLNode] = idea.comments.map { comment in
            .el("article", [.class("ck-comment")], [
                .el("p", [.class("ck-meta")], text: comment.author + " · " + Markup.date(comment.posted, locale: context.locale)),
                comment.body.node,
            ])
        }
        if comments.isEmpty { comments = [.el("p", [.class("ck-empty")], text: context.text("ideaDetail.noComments"))] }
        if !context.viewer.isGuest, context.site.isMember(context.viewer) {
            comments.append(Markup.form(Self.commentAction, context: context, [
                Markup.hidden("idea", idea.id),
                Markup.field("body", label: context.text("ideaDetail.comment"), action: Self.commentAction, context: context,
                             multiline: true, required: true),
            ], submit: context.text("ideaDetail.addComment")))
        }
        return .fragment([
            Markup.section(idea.title, [
                .el("div", [.class("ck-idea")], [
                    IdeaListComponent.voteBox(id: idea.id, title: idea.title, score: idea.score,
                                              canVote: !context.viewer.isGuest && context.site.isMember(context.viewer),
                                              voted: idea.viewerVoted, context: context),
                    .el("div", [.class("ck-idea-main")], [
                        .el("p", [.class("ck-meta")], [
                            .text(idea.author + " · " + Markup.date(idea.posted, locale: context.locale) + " "),
                            .el("span", [.class("ck-badge ck-status")], text: idea.status),
                        ]),
                        .el("div", [.class("ck-idea-body")], [idea.body.node]),
                    ]),
                ]),
            ]),
            Markup.section(context.text("ideaDetail.comments"), comments),
        ])
    }
}
