import CommunityModel
import CommunityContent
import Foundation

/// `community.searchPromotions`: the administrators' promoted search results — a table of every
/// ``SearchPromotion`` with an edit link and a delete button, a form that adds one or edits the
/// one chosen (`?promotion=<id>`), and the strongest boosts site search learned from the results
/// members followed. Shown only to viewers the ``ManagementConsoleProvider`` lets see KPIs.
///
/// Pinned items show with their titles. A picker finds articles by title without JavaScript: its
/// GET form (`?promoFind=<words>`) lists the matching articles as check boxes (`pick.N`) inside
/// the save form, and the save action pins the checked ones after the items typed as `kind:id`.
public struct SearchPromotionsComponent: SiteComponent {
    /// Properties.
    public struct Properties: Codable, Sendable {
        /// The heading.
        public var title: String
        /// How many learned boosts to list.
        public var learnedLimit: Int
    }

    /// The form action that adds or replaces a promotion.
    public static let saveAction = "saveSearchPromotion"
    /// The picker's query parameter: words of the titles to find.
    public static let findParameter = "promoFind"
    /// The prefix of the picker's check boxes (`pick.0`, `pick.1`, …), each valued `article:<id>`.
    public static let pickPrefix = "pick."
    /// The most articles the picker lists.
    public static let pickLimit = 10
    /// The form action that deletes a promotion.
    public static let deleteAction = "deleteSearchPromotion"
    public static let type: ComponentType = "community.searchPromotions"
    public static let propertySchema = PropertySchema([
        .init("title", .string, default: "Promoted results", length: 0...200, summary: "Heading"),
        .init("learnedLimit", .integer, default: 10, range: 0...50, summary: "Learned boosts listed"),
    ])

    let properties: Properties
    public init(properties: Properties) { self.properties = properties }

    public func render(in context: RenderContext) throws -> HTMLNode {
        guard let console = context.service((any ManagementConsoleProvider).self) else { return Markup.unavailable(context) }
        let title = context.localized(properties.title)
        guard console.mayView(viewer: context.viewer) else { return Markup.section(title, [.el("p", text: context.text("kpi.noAccess"))]) }
        let promotions = console.searchPromotions(viewer: context.viewer)
        let editing = context.query["promotion"].flatMap { id in promotions.first { $0.id.rawValue == id } }
        var children: [HTMLNode] = [.el("p", text: context.text("promo.explain"))]
        let pinned = Array(Set(promotions.flatMap(\.items)))
        let titles = pinned.isEmpty ? [:] : console.pinnedItemTitles(pinned, locale: context.locale, viewer: context.viewer)
        children.append(
            promotions.isEmpty
                ? .el("p", [.class("ck-empty")], text: context.text("promo.none")) : table(promotions, titles: titles, context: context))
        children.append(.el("h3", text: context.text(editing == nil ? "promo.new" : "promo.editing")))
        let find = String((context.query[Self.findParameter] ?? "").prefix(200)).trimmingCharacters(in: .whitespacesAndNewlines)
        children.append(picker(find, editing: editing, context: context))
        let found = find.isEmpty ? nil : console.promotableArticles(matching: find, locale: context.locale, viewer: context.viewer, limit: Self.pickLimit)
        children.append(form(editing, titles: titles, found: found, context: context))
        children.append(contentsOf: learned(console, context: context))
        return Markup.section(title, children)
    }

    private static func day(_ date: Date?) -> String {
        guard let date else { return "" }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let c = calendar.dateComponents([.year, .month, .day], from: date)
        guard let y = c.year, let m = c.month, let d = c.day else { return "" }
        return String(format: "%04d-%02d-%02d", y, m, d)
    }

    /// An item as the console names it: its title and reference, or the reference marked as not found.
    static func label(_ item: SearchPromotion.Item, titles: [SearchPromotion.Item: PromotionCandidate], context: RenderContext) -> String {
        guard let candidate = titles[item] else { return context.text("promo.item.missing", ["item": item.reference]) }
        return candidate.title + " (" + item.reference + ")"
    }

    /// The picker's GET form: words of the titles to find (keeps the promotion being edited).
    private func picker(_ find: String, editing: SearchPromotion?, context: RenderContext) -> HTMLNode {
        let action = context.url(page: context.page.id) ?? context.site.homeURL
        var fields: [HTMLNode] = [
            .el("label", [HTMLAttribute("for", "ck-promo-find")], text: context.text("promo.picker.label")),
            .el("input", [HTMLAttribute("id", "ck-promo-find"), HTMLAttribute("type", "search"), HTMLAttribute("name", Self.findParameter),
                          HTMLAttribute("value", find), HTMLAttribute("maxlength", "200")]),
        ]
        if let editing {
            fields.append(.el("input", [HTMLAttribute("type", "hidden"), HTMLAttribute("name", "promotion"), HTMLAttribute("value", editing.id.rawValue)]))
        }
        fields.append(.el("button", [.class("ck-button"), HTMLAttribute("type", "submit")], text: context.text("promo.picker.find")))
        return .el("form", [.class("ck-refine ck-promo-picker"), HTMLAttribute("method", "get"), HTMLAttribute("action", url: action)], fields)
    }

    private func table(_ promotions: [SearchPromotion], titles: [SearchPromotion.Item: PromotionCandidate], context: RenderContext) -> HTMLNode {
        func th(_ key: UIStringKey) -> HTMLNode { .el("th", [HTMLAttribute("scope", "col")], text: context.text(key)) }
        let base = context.url(page: context.page.id)?.string ?? context.currentPath
        let rows = promotions.map { promotion -> HTMLNode in
            let dates = [Self.day(promotion.startsAt), Self.day(promotion.endsAt)]
            let edit = SafeURL(base + "?promotion=" + SafeURL.encodeSegment(promotion.id.rawValue))
            let delete = Markup.form(Self.deleteAction, context: context, [
                .el("input", [HTMLAttribute("type", "hidden"), HTMLAttribute("name", "id"), HTMLAttribute("value", promotion.id.rawValue)]),
            ], submit: context.text("promo.delete"))
            return .el("tr", [], [
                .el("th", [HTMLAttribute("scope", "row")], text: promotion.keywords.joined(separator: ", ")),
                .el("td", text: promotion.locale ?? context.text("promo.locale.all")),
                .el("td", [], [.el("ol", [.class("ck-promo-items")], promotion.items.map { .el("li", text: Self.label($0, titles: titles, context: context)) })]),
                .el("td", text: dates.allSatisfy(\.isEmpty) ? context.text("promo.always") : dates.joined(separator: " – ")),
                .el("td", [], [Markup.link(context.text("promo.edit"), edit), delete]),
            ])
        }
        return .el("table", [.class("ck-table")], [
            .el("thead", [], [.el("tr", [], [th("promo.keywords"), th("promo.locale"), th("promo.items"), th("promo.dates"), th("promo.actions")])]),
            .el("tbody", [], rows),
        ])
    }

    private func form(
        _ editing: SearchPromotion?, titles: [SearchPromotion.Item: PromotionCandidate], found: [PromotionCandidate]?, context: RenderContext
    ) -> HTMLNode {
        let action = Self.saveAction
        var fields: [HTMLNode] = []
        if let editing {
            fields.append(.el("input", [HTMLAttribute("type", "hidden"), HTMLAttribute("name", "id"), HTMLAttribute("value", editing.id.rawValue)]))
        }
        fields += [
            Markup.field("keywords", label: context.text("promo.keywords"), action: action, context: context, required: true,
                         defaultValue: editing?.keywords.joined(separator: ", ") ?? "", help: context.text("promo.keywords.help"), maxLength: 2000),
            Markup.field("locale", label: context.text("promo.locale"), action: action, context: context,
                         defaultValue: editing?.locale ?? "", help: context.text("promo.locale.help"), maxLength: 16),
            Markup.field("items", label: context.text("promo.items"), action: action, context: context, multiline: true,
                         defaultValue: editing?.items.map(\.reference).joined(separator: "\n") ?? "", help: context.text("promo.items.help")),
            Markup.field("startsAt", label: context.text("promo.startsAt"), action: action, context: context, type: "date",
                         defaultValue: Self.day(editing?.startsAt), help: context.text("promo.dates.help")),
            Markup.field("endsAt", label: context.text("promo.endsAt"), action: action, context: context, type: "date",
                         defaultValue: Self.day(editing?.endsAt)),
        ]
        if let editing, !editing.items.isEmpty {
            fields.append(.el("p", text: context.text("promo.pinned")))
            fields.append(.el("ol", [.class("ck-promo-items")], editing.items.map { .el("li", text: Self.label($0, titles: titles, context: context)) }))
        }
        if let found {
            fields.append(pickList(found, already: Set(editing?.items ?? []), context: context))
        }
        return Markup.form(action, context: context, fields, submit: context.text("promo.save"))
    }

    /// The articles the picker found, as check boxes inside the save form.
    private func pickList(_ found: [PromotionCandidate], already: Set<SearchPromotion.Item>, context: RenderContext) -> HTMLNode {
        var children: [HTMLNode] = [.el("legend", text: context.text("promo.picker.results"))]
        let candidates = found.filter { !already.contains($0.item) }
        if candidates.isEmpty {
            children.append(.el("p", [.class("ck-empty")], text: context.text("promo.picker.none")))
        }
        let submitted = context.form.flatMap { $0.action == Self.saveAction ? $0.values : nil } ?? [:]
        for (n, candidate) in candidates.enumerated() {
            let name = Self.pickPrefix + String(n)
            let id = "f-\(Self.saveAction)-\(name)"
            var attributes: [HTMLAttribute] = [
                HTMLAttribute("id", id), HTMLAttribute("name", name), HTMLAttribute("type", "checkbox"),
                HTMLAttribute("value", candidate.item.reference),
            ]
            if submitted[name] == candidate.item.reference { attributes.append(HTMLAttribute(flag: "checked")) }
            let locale = candidate.locale.map { " · " + $0 } ?? ""
            children.append(.el("div", [.class("ck-field ck-check")], [
                .el("input", attributes),
                .el("label", [HTMLAttribute("for", id)], text: candidate.title + " (" + candidate.item.reference + locale + ")"),
            ]))
        }
        return .el("fieldset", [.class("ck-promo-picks")], children)
    }

    /// A fraction as whole percent ("0.25" → "25"), without trapping on odd values.
    static func percent(_ fraction: Double) -> String {
        guard fraction.isFinite else { return "—" }
        return String(format: "%.0f", fraction * 100)
    }

    private func learned(_ console: any ManagementConsoleProvider, context: RenderContext) -> [HTMLNode] {
        let options = console.clickLearning
        var nodes: [HTMLNode] = [
            .el("h3", text: context.text("promo.learned.title")),
            .el("p", text: context.text("promo.learned.explain", [
                "members": String(options.minimumMembers),
                "days": String(format: "%g", options.halfLifeDays),
                "percent": Self.percent(options.maxBoost),
            ])),
        ]
        let boosts = console.learnedSearchBoosts(viewer: context.viewer, limit: Markup.clamp(properties.learnedLimit, to: 0...50))
        guard !boosts.isEmpty else { return nodes + [.el("p", [.class("ck-empty")], text: context.text("promo.learned.none"))] }
        func th(_ key: UIStringKey) -> HTMLNode { .el("th", [HTMLAttribute("scope", "col")], text: context.text(key)) }
        let rows = boosts.map { boost -> HTMLNode in
            .el("tr", [], [
                .el("th", [HTMLAttribute("scope", "row")], text: boost.query),
                .el("td", text: boost.item),
                .el("td", text: String(boost.members)),
                .el("td", text: "+" + Self.percent(boost.factor - 1) + " %"),
            ])
        }
        nodes.append(.el("table", [.class("ck-table")], [
            .el("thead", [], [.el("tr", [], [th("promo.learned.query"), th("promo.learned.item"), th("promo.learned.members"), th("promo.learned.boost")])]),
            .el("tbody", [], rows),
        ]))
        return nodes
    }
}
