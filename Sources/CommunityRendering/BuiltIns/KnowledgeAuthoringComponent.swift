/// `community.knowledgeAuthoring`: for members who may manage knowledge, a form that drafts a
/// new article (`createArticle`), and each article's latest version with forms to edit it
/// (`saveArticleDraft`: a published article gets a new draft version while the old one stays
/// live), publish the draft or archive the published version (`changeArticleStatus`), and set its
/// channels and data category (`updateArticleSettings`).
public struct KnowledgeAuthoringComponent: SiteComponent {
    /// Properties.
    public struct Properties: Codable, Sendable {
        /// The heading.
        public var title: String
        /// How many articles to list.
        public var limit: Int
    }

    /// The action that drafts a new article (`locale`, `title`, `summary`, `body`, channel check boxes, `category`).
    public static let createAction = "createArticle"
    /// The action that saves an article's draft (`article`, `title`, `summary`, `body`).
    public static let draftAction = "saveArticleDraft"
    /// The action that publishes the draft or archives the published version (`article`, `decision`).
    public static let statusAction = "changeArticleStatus"
    /// The action that sets the channels and category (`article`, channel check boxes, `category`).
    public static let settingsAction = "updateArticleSettings"
    /// The channels, in the order the check boxes show them (each box is named `channel-<name>`).
    public static let channels = ["internal", "partner", "customer", "public"]
    public static let type: ComponentType = "community.knowledgeAuthoring"
    public static let propertySchema = PropertySchema([
        .init("title", .string, default: "Knowledge authoring", length: 0...200, summary: "Heading"),
        .init("limit", .integer, default: 20, range: 1...100, summary: "Articles shown"),
    ])

    let properties: Properties
    public init(properties: Properties) { self.properties = properties }

    public func render(in context: RenderContext) throws -> HTMLNode {
        guard !context.viewer.isGuest, context.site.isMember(context.viewer) else { return .empty }
        guard let provider = context.service((any KnowledgeAuthoringProvider).self) else { return Markup.unavailable(context) }
        guard provider.mayAuthor(viewer: context.viewer) else { return .empty }
        let title = context.localized(properties.title, default: "knowledgeAuthoring.title")
        let categories = try provider.articleCategories(viewer: context.viewer)
        let articles = try provider.authoredArticles(viewer: context.viewer, limit: Markup.clamp(properties.limit, to: 0...100))
        let locales = context.site.locales.isEmpty ? [context.locale] : context.site.locales
        var newFields: [HTMLNode] = [
            Markup.field("locale", label: context.text("knowledgeAuthoring.locale"), action: Self.createAction, context: context,
                         required: true, options: locales, defaultValue: locales.contains(context.locale) ? context.locale : locales[0]),
            Markup.field("title", label: context.text("knowledgeAuthoring.articleTitle"), action: Self.createAction, context: context,
                         required: true, maxLength: 255),
            Markup.field("summary", label: context.text("knowledgeAuthoring.summary"), action: Self.createAction, context: context, maxLength: 1000),
            Markup.field("body", label: context.text("knowledgeAuthoring.body"), action: Self.createAction, context: context, multiline: true),
        ]
        newFields.append(channelBoxes(action: Self.createAction, item: nil, chosen: ["internal"], context: context))
        if !categories.isEmpty { newFields.append(categoryField(action: Self.createAction, item: nil, chosen: nil, categories: categories, context: context)) }
        var children: [HTMLNode] = [
            .el("h3", text: context.text("knowledgeAuthoring.new")),
            Markup.form(Self.createAction, context: context, newFields, submit: context.text("knowledgeAuthoring.create")),
        ]
        // A form-level error about an article no longer listed goes on top of the list.
        for action in [Self.draftAction, Self.statusAction, Self.settingsAction] {
            if let state = context.form, state.action == action, let error = state.errors[""],
               !articles.contains(where: { $0.id == state.values["article"] }) {
                children.append(.el("p", [.class("ck-error"), HTMLAttribute("role", "alert")], text: error))
            }
        }
        children.append(articles.isEmpty ? Markup.empty(context.text("knowledgeAuthoring.empty"))
            : Markup.list(articles.map { article(for: $0, categories: categories, context: context) }, label: title))
        return Markup.section(title, children)
    }

    private func article(for article: AuthoredArticle, categories: [ArticleCategoryOption], context: RenderContext) -> HTMLNode {
        let status = context.text(UIStringKey("knowledgeAuthoring.status." + article.status))
        var children: [HTMLNode] = [
            .el("h4", text: article.title),
            .el("p", [.class("ck-meta")], text: "\(article.number) · \(article.locale) · "
                + context.text("knowledgeAuthoring.version", ["number": "\(article.version)", "status": status])),
        ]
        for action in [Self.draftAction, Self.statusAction, Self.settingsAction] {
            if let error = Markup.itemError(action: action, item: article.id, itemField: "article", context: context) { children.append(error) }
        }
        children.append(itemForm(Self.draftAction, article: article.id, context: context, [
            Markup.itemField("title", label: context.text("knowledgeAuthoring.articleTitle"), action: Self.draftAction, item: article.id,
                             itemField: "article", context: context, initial: article.title, required: true),
            Markup.itemField("summary", label: context.text("knowledgeAuthoring.summary"), action: Self.draftAction, item: article.id,
                             itemField: "article", context: context, initial: article.summary),
            Markup.itemField("body", label: context.text("knowledgeAuthoring.body"), action: Self.draftAction, item: article.id,
                             itemField: "article", context: context, multiline: true, initial: article.body),
        ], submit: context.text("knowledgeAuthoring.saveDraft")))
        switch article.status {
        case "draft":
            children.append(Markup.buttonForm(Self.statusAction, context: context, hidden: [("article", article.id), ("decision", "publish")],
                                              submit: context.text("knowledgeAuthoring.publish")))
        case "published":
            children.append(Markup.buttonForm(Self.statusAction, context: context, hidden: [("article", article.id), ("decision", "archive")],
                                              submit: context.text("knowledgeAuthoring.archive")))
        default:
            break
        }
        var settings: [HTMLNode] = [channelBoxes(action: Self.settingsAction, item: article.id, chosen: Set(article.channels), context: context)]
        if !categories.isEmpty {
            settings.append(categoryField(action: Self.settingsAction, item: article.id, chosen: article.category, categories: categories, context: context))
        }
        children.append(itemForm(Self.settingsAction, article: article.id, context: context, settings, submit: context.text("knowledgeAuthoring.saveSettings")))
        return .el("article", [.class("ck-authored-article")], children)
    }

    private func itemForm(_ action: String, article: String, context: RenderContext, _ fields: [HTMLNode], submit: String) -> HTMLNode {
        .el("form", [HTMLAttribute("method", "post"), HTMLAttribute("action", url: context.actionURL(action))],
            [Markup.hidden("_csrf", context.csrfToken), Markup.hidden("_return", context.currentPath), Markup.hidden("article", article)]
                + fields + [.el("button", [.class("ck-button"), HTMLAttribute("type", "submit")], text: submit)])
    }

    /// The channel check boxes in a `fieldset` (ids unique per article), showing the submitted
    /// choice after a failed submission and the channels error, if any.
    private func channelBoxes(action: String, item: String?, chosen: Set<String>, context: RenderContext) -> HTMLNode {
        let state = context.form.flatMap { $0.action == action && $0.values["article"] == item ? $0 : nil }
        var nodes: [HTMLNode] = Self.channels.map { channel in
            let id = "f-\(action)-\(item ?? "new")-channel-\(channel)"
            var attributes: [HTMLAttribute] = [HTMLAttribute("id", id), HTMLAttribute("name", "channel-\(channel)"),
                                               HTMLAttribute("type", "checkbox"), HTMLAttribute("value", "on")]
            if state.map({ $0.values["channel-\(channel)"] == "on" }) ?? chosen.contains(channel) { attributes.append(HTMLAttribute(flag: "checked")) }
            return .el("div", [.class("ck-field ck-check")], [
                .el("input", attributes),
                .el("label", [HTMLAttribute("for", id)], text: context.text(UIStringKey("knowledgeAuthoring.channel." + channel))),
            ])
        }
        if let error = state?.errors["channels"] { nodes.append(.el("p", [.class("ck-error"), HTMLAttribute("role", "alert")], text: error)) }
        return Markup.group(context.text("knowledgeAuthoring.channels"), nodes)
    }

    private func categoryField(action: String, item: String?, chosen: String?, categories: [ArticleCategoryOption], context: RenderContext) -> HTMLNode {
        let id = "f-\(action)-\(item ?? "new")-category"
        let state = context.form.flatMap { $0.action == action && $0.values["article"] == item ? $0 : nil }
        let selected = state?.values["category"] ?? chosen ?? ""
        let error = state?.errors["category"]
        let described = Markup.description(id: id, help: nil, error: error)
        let options: [HTMLNode] = [.el("option", [HTMLAttribute("value", "")], text: context.text("knowledgeAuthoring.noCategory"))]
            + categories.map { category in
                var attributes = [HTMLAttribute("value", category.id)]
                if category.id == selected { attributes.append(HTMLAttribute(flag: "selected")) }
                return .el("option", attributes, text: category.name)
            }
        return .el("div", [.class("ck-field")], [Markup.label(context.text("knowledgeAuthoring.category"), for: id, required: false)]
            + described.nodes + [.el("select", [HTMLAttribute("id", id), HTMLAttribute("name", "category")] + described.attributes, options)])
    }
}
