/// `community.moderationQueue`: the open moderation queue with approve, remove (with a reason)
/// and edit forms per item, and the latest audit log entries. Moderators only: anyone else
/// gets a 403 page.
public struct ModerationQueueComponent: SiteComponent {
    /// Properties.
    public struct Properties: Codable, Sendable {
        /// How many audit log entries to show.
        public var logLimit: Int
    }

    public static let type: ComponentType = "community.moderationQueue"
    public static let propertySchema = PropertySchema([
        .init("logLimit", .integer, default: 20, range: 0...100, summary: "Audit log entries shown"),
    ])

    /// The action that approves queued content (`case`).
    public static let approveAction = "moderationApprove"
    /// The action that removes queued content (`case`, `reason`).
    public static let removeAction = "moderationRemove"
    /// The action that edits and publishes queued content (`case`, `body`).
    public static let editAction = "moderationEdit"

    let properties: Properties
    public init(properties: Properties) { self.properties = properties }

    public func render(in context: RenderContext) throws -> HTMLNode {
        guard let provider = context.service((any ModerationProvider).self) else { return Markup.unavailable(context) }
        guard let queue = try provider.moderationQueue(viewer: context.viewer) else {
            context.head.setStatus(403)
            return .el("p", [.class("ck-error"), HTMLAttribute("role", "alert")], text: context.text("moderation.onlyModerators"))
        }
        context.head.setTitle(context.text("moderation.title"))
        var items: [HTMLNode] = []
        if queue.isEmpty { items.append(.el("p", [.class("ck-empty")], text: context.text("moderation.empty"))) }
        for item in queue {
            let heading = context.text("moderation.item", ["kind": Self.kind(item.kind, context: context), "author": item.author])
            var children: [HTMLNode] = [
                .el("h3", text: heading),
                .el("p", [.class("ck-meta")], [.text(context.text("moderation.queued") + " "), Markup.moment(item.opened, context: context),
                    .text(item.reasons.isEmpty ? "" : " · " + item.reasons.map { Self.reason($0, context: context) }.joined(separator: "; "))]),
                .el("blockquote", text: item.text),
            ]
            for action in [Self.approveAction, Self.removeAction, Self.editAction] {
                if let error = Markup.itemError(action: action, item: item.id, itemField: "case", context: context) { children.append(error) }
            }
            children.append(Markup.buttonForm(Self.approveAction, context: context, hidden: [("case", item.id)], submit: context.text("moderation.approve")))
            children.append(Markup.buttonForm(Self.removeAction, context: context, hidden: [("case", item.id)], extra: [
                Markup.itemField("reason", label: context.text("moderation.reason"), action: Self.removeAction, item: item.id, itemField: "case",
                                 context: context, required: true),
            ], submit: context.text("moderation.remove")))
            children.append(Markup.buttonForm(Self.editAction, context: context, hidden: [("case", item.id)], extra: [
                Markup.itemField("body", label: context.text("moderation.editedText"), action: Self.editAction, item: item.id, itemField: "case",
                                 context: context, multiline: true, initial: item.text, required: true),
            ], submit: context.text("moderation.saveEdit")))
            items.append(.el("article", [.class("ck-moderation-item"), HTMLAttribute("aria-label", heading)], children))
        }
        var nodes = [Markup.section(context.text("moderation.title"), items)]
        let limit = Markup.clamp(properties.logLimit, to: 0...100)
        if limit > 0 {
            let log = try provider.moderationLog(viewer: context.viewer, limit: limit)
            let rows: [HTMLNode] = log.map { line in
                .el("tr", [], [
                    .el("td", text: Markup.date(line.at, locale: context.locale)), .el("td", text: line.actor.isEmpty ? context.text("moderation.automatic") : line.actor), .el("td", text: context.strings.textIfPresent(UIStringKey("moderation.log." + line.action), locale: context.locale) ?? line.action),
                    .el("td", text: Self.subject(line.subject, context: context)), .el("td", text: line.detail),
                ])
            }
            let table: HTMLNode = rows.isEmpty ? Markup.empty(context) : .el("table", [.class("ck-table")], [
                .el("caption", text: context.text("moderation.latest")),
                .el("thead", [], [.el("tr", [], ["moderation.when", "moderation.who", "moderation.action", "moderation.content", "moderation.detail"].map { .el("th", [HTMLAttribute("scope", "col")], text: context.text(UIStringKey($0))) })]),
                .el("tbody", [], rows),
            ])
            nodes.append(Markup.section(context.text("moderation.audit"), [rows.isEmpty ? table : Markup.scrollable(table, label: context.text("moderation.latest"))]))
        }
        return .fragment(nodes)
    }

    /// What was queued (`post`, `comment`…) in the viewer's language, capitalised as stored when unknown.
    static func kind(_ raw: String, context: RenderContext) -> String {
        context.strings.textIfPresent(UIStringKey("moderation.kind." + raw), locale: context.locale)
            ?? raw.prefix(1).uppercased() + raw.dropFirst()
    }

    /// Why an entry is queued: a built-in reason code (`keywordRule`) or a member's flag
    /// (`flagged: <their words>`) in the viewer's language; anything else as stored.
    static func reason(_ raw: String, context: RenderContext) -> String {
        let flagged = "flagged: "
        if raw.hasPrefix(flagged) { return context.text("moderation.reason.flagged", ["reason": String(raw.dropFirst(flagged.count))]) }
        return context.strings.textIfPresent(UIStringKey("moderation.reason." + raw), locale: context.locale) ?? raw
    }

    /// What an audit line is about (`answer:ans_81…`) as its kind in the viewer's language; the
    /// internal id is for the log, not for people. Anything else is shown as stored.
    static func subject(_ raw: String, context: RenderContext) -> String {
        guard let colon = raw.firstIndex(of: ":") else { return raw }
        let prefix = String(raw[..<colon])
        return context.strings.textIfPresent(UIStringKey("moderation.kind." + (prefix == "item" ? "post" : prefix)), locale: context.locale) ?? raw
    }
}
