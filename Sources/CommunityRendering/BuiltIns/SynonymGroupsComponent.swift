import CommunityModel
import CommunityContent

/// `community.synonymGroups`: the search synonym groups an administrator manages, listed per
/// locale (two-way groups and one-way replacements), with a form that adds a group or edits
/// the one chosen (`?synonymGroup=<id>`, the `saveSynonymGroup` action) and a delete button
/// per group (`deleteSynonymGroup`). Changes apply to the next search without reindexing.
/// Shown only to viewers the ``SynonymGroupProvider`` lets manage them.
public struct SynonymGroupsComponent: SiteComponent {
    /// Properties.
    public struct Properties: Codable, Sendable {
        /// The heading.
        public var title: String
    }

    /// The form action that adds or replaces a group.
    public static let saveAction = "saveSynonymGroup"
    /// The form action that deletes a group.
    public static let deleteAction = "deleteSynonymGroup"
    /// The query parameter naming the group the form edits.
    public static let editParameter = "synonymGroup"
    /// The locales the form offers besides the site's (the starter groups' languages).
    public static let standardLocales = ["en", "de", "ko"]
    public static let type: ComponentType = "community.synonymGroups"
    public static let propertySchema = PropertySchema([
        .init("title", .string, default: "Search synonyms", length: 0...200, summary: "Heading"),
    ])

    let properties: Properties
    public init(properties: Properties) { self.properties = properties }

    public func render(in context: RenderContext) throws -> HTMLNode {
        guard let provider = context.service((any SynonymGroupProvider).self) else { return Markup.unavailable(context) }
        guard provider.mayManage(viewer: context.viewer) else {
            return Markup.section(properties.title, [.el("p", text: context.text("synonyms.noAccess"))])
        }
        let groups = try provider.groups(viewer: context.viewer)
        var children: [HTMLNode] = [.el("p", text: context.text("synonyms.explain"))]
        let byLocale = Dictionary(grouping: groups) { $0.locale ?? "" }
        if groups.isEmpty { children.append(.el("p", text: context.text("synonyms.none"))) }
        for locale in byLocale.keys.sorted() {
            children.append(.el("h3", text: Self.localeName(locale, context: context)))
            children.append(table(byLocale[locale] ?? [], context: context))
        }
        let editing = context.query[Self.editParameter].flatMap { id in groups.first { $0.id.rawValue == id } }
        children.append(.el("h3", text: context.text(editing == nil ? "synonyms.add" : "synonyms.edit")))
        children.append(form(editing, context: context))
        return Markup.section(properties.title, children)
    }

    private func table(_ groups: [SynonymGroup], context: RenderContext) -> HTMLNode {
        let header = ["synonyms.terms", "synonyms.kind", "synonyms.targets", "synonyms.actions"].map {
            HTMLNode.el("th", [HTMLAttribute("scope", "col")], text: context.text(UIStringKey($0)))
        }
        let rows = groups.map { group -> HTMLNode in
            var actions: [HTMLNode] = []
            if let edit = SafeURL(context.currentPath + "?\(Self.editParameter)=\(group.id.rawValue)") {
                actions.append(.el("a", [.href(edit)], text: context.text("synonyms.editLink")))
            }
            actions += [
                Markup.buttonForm(Self.deleteAction, context: context, hidden: [("id", group.id.rawValue)], submit: context.text("synonyms.delete")),
            ]
            if let error = Markup.itemError(action: Self.deleteAction, item: group.id.rawValue, itemField: "id", context: context) {
                actions.append(error)
            }
            return .el("tr", [], [
                .el("th", [HTMLAttribute("scope", "row")], text: group.terms.joined(separator: ", ")),
                .el("td", text: context.text(group.kind == .twoWay ? "synonyms.kind.twoWay" : "synonyms.kind.oneWay")),
                .el("td", text: group.targets.joined(separator: ", ")),
                .el("td", [], actions),
            ])
        }
        return .el("table", [.class("ck-table")], [.el("thead", [], [.el("tr", [], header)]), .el("tbody", [], rows)])
    }

    private func form(_ editing: SynonymGroup?, context: RenderContext) -> HTMLNode {
        let action = Self.saveAction
        var locales = [""] + Self.standardLocales
        for locale in context.site.locales where !locales.contains(locale) { locales.append(locale) }
        if let locale = editing?.locale, !locales.contains(locale) { locales.append(locale) }
        var labels: [String: String] = [:]
        for locale in locales { labels[locale] = Self.localeName(locale, context: context) }
        var fields: [HTMLNode] = []
        if let editing { fields.append(Markup.hidden("id", editing.id.rawValue)) }
        fields += [
            Markup.field("locale", label: context.text("synonyms.locale"), action: action, context: context, options: locales,
                         defaultValue: editing?.locale ?? "", labels: labels),
            Markup.field("kind", label: context.text("synonyms.kind"), action: action, context: context, required: true,
                         options: SynonymGroup.Kind.allCases.map(\.rawValue), defaultValue: (editing?.kind ?? .twoWay).rawValue,
                         labels: ["twoWay": context.text("synonyms.kind.twoWay"), "oneWay": context.text("synonyms.kind.oneWay")]),
            Markup.field("terms", label: context.text("synonyms.terms"), action: action, context: context, multiline: true, required: true,
                         defaultValue: editing?.terms.joined(separator: "\n") ?? "", help: context.text("synonyms.terms.help")),
            Markup.field("targets", label: context.text("synonyms.targets"), action: action, context: context, multiline: true,
                         defaultValue: editing?.targets.joined(separator: "\n") ?? "", help: context.text("synonyms.targets.help")),
        ]
        return Markup.form(action, context: context, fields, submit: context.text("synonyms.save"))
    }

    /// "All languages" for the empty locale, else the language's own name (as the language
    /// switcher names it) and the locale.
    static func localeName(_ locale: String, context: RenderContext) -> String {
        guard !locale.isEmpty else { return context.text("synonyms.allLocales") }
        let language = String(locale.prefix { $0 != "_" && $0 != "-" }.lowercased())
        guard standardLocales.contains(language) else { return locale }
        return context.strings.text("language.name", locale: language) + " (\(locale))"
    }
}
