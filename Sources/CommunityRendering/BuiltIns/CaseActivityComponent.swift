/// `community.caseActivity`: below a case's detail, its comments with a form to add one, and
/// its attachments with download links and an upload form (`multipart/form-data`), for the
/// case named by the page's parameter. Shows nothing for a case the viewer may not read.
public struct CaseActivityComponent: SiteComponent {
    /// Properties.
    public struct Properties: Codable, Sendable {
        /// The page parameter that holds the case id.
        public var parameter: String
        /// Whether to offer the upload form.
        public var allowUploads: Bool
    }

    public static let type: ComponentType = "community.caseActivity"
    public static let propertySchema = PropertySchema([
        .init("parameter", .string, default: "id", length: 1...64, pattern: .identifier, summary: "Page parameter with the case id"),
        .init("allowUploads", .boolean, default: true, summary: "Offer the attachment upload form"),
    ])

    /// The action that adds a comment (`case`, `body`, optional `internal`).
    public static let commentAction = "addCaseComment"
    /// The action that attaches a file (`case`, file field `file`).
    public static let attachAction = "attachCaseFile"

    let properties: Properties
    public init(properties: Properties) { self.properties = properties }

    public func render(in context: RenderContext) throws -> HTMLNode {
        guard let provider = context.service((any CaseActivityProvider).self) else { return Markup.unavailable(context) }
        guard let caseID = context.parameters[properties.parameter],
              let activity = try provider.activity(caseID: caseID, viewer: context.viewer)
        else { return .empty }
        var commentNodes: [HTMLNode] = activity.comments.map { comment in
            var meta: [HTMLNode] = [.text(comment.author + " · "), Markup.moment(comment.posted, context: context)]
            if !comment.isPublic { meta.append(.text(" · " + context.text("caseActivity.internalTag"))) }
            return .el("article", [.class(comment.isPublic ? "ck-comment" : "ck-comment ck-internal")], [
                .el("p", [.class("ck-meta")], meta), .el("p", text: comment.body),
            ])
        }
        if commentNodes.isEmpty { commentNodes = [.el("p", [.class("ck-empty")], text: context.text("caseActivity.noComments"))] }
        if activity.canContribute {
            var fields: [HTMLNode] = [
                Markup.hidden("case", caseID),
                Markup.field("body", label: context.text("caseActivity.comment"), action: Self.commentAction, context: context, multiline: true, required: true),
            ]
            if activity.canCommentInternally {
                let checked = context.form.map { $0.action == Self.commentAction && $0.values["internal"] == "on" } ?? false
                fields.append(Markup.checkbox("internal", label: context.text("caseActivity.internal"), checked: checked, action: Self.commentAction))
            }
            commentNodes.append(Markup.form(Self.commentAction, context: context, fields, submit: context.text("caseActivity.addComment")))
        }
        var fileNodes: [HTMLNode] = []
        if activity.attachments.isEmpty {
            fileNodes.append(.el("p", [.class("ck-empty")], text: context.text("caseActivity.noAttachments")))
        } else {
            fileNodes.append(Markup.list(activity.attachments.map { file in
                .fragment([
                    .el("a", [.href(SiteFileRoute.url(fileID: file.id, site: context.site))], text: file.fileName),
                    .text(" (" + Markup.size(file.size) + ")"),
                ])
            }, label: context.text("caseActivity.attachments")))
        }
        if activity.canContribute, properties.allowUploads {
            let limits = context.site.limits ?? .standard
            fileNodes.append(Markup.uploadForm(Self.attachAction, context: context, [
                Markup.hidden("case", caseID),
                Markup.fileField("file", label: context.text("caseActivity.file", ["size": Markup.size(limits.maxUploadBytes)]), action: Self.attachAction,
                                 context: context, accept: limits.allowedUploadTypes),
            ], submit: context.text("caseActivity.attach")))
        }
        return .fragment([
            Markup.section(context.text("caseActivity.comments"), commentNodes),
            Markup.section(context.text("caseActivity.attachments"), fileNodes),
        ])
    }
}
