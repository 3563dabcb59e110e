/// `community.registrationQueue`: the site's self-registrations waiting for review, oldest
/// first, each with Approve and Turn down buttons (`reviewRegistration`, `decision` = `approve`
/// or `reject`). Shown only to members who may review registrations.
public struct RegistrationQueueComponent: SiteComponent {
    /// Properties.
    public struct Properties: Codable, Sendable {
        /// The heading.
        public var title: String
        /// How many registrations to list.
        public var limit: Int
    }

    /// The action that approves or rejects a registration (`registration`, `decision`).
    public static let action = "reviewRegistration"
    public static let type: ComponentType = "community.registrationQueue"
    public static let propertySchema = PropertySchema([
        .init("title", .string, default: "Registrations waiting for review", length: 0...200, summary: "Heading"),
        .init("limit", .integer, default: 20, range: 1...100, summary: "Registrations shown"),
    ])

    let properties: Properties
    public init(properties: Properties) { self.properties = properties }

    public func render(in context: RenderContext) throws -> HTMLNode {
        guard !context.viewer.isGuest, context.site.isMember(context.viewer) else { return .empty }
        guard let provider = context.service((any RegistrationReviewProvider).self) else { return Markup.unavailable(context) }
        guard provider.mayReview(site: context.site, viewer: context.viewer) else { return .empty }
        let title = context.localized(properties.title, default: "registrations.title")
        let pending = try provider.pendingRegistrations(site: context.site, viewer: context.viewer, limit: Markup.clamp(properties.limit, to: 0...100))
        var top: [HTMLNode] = []
        if let state = context.form, state.action == Self.action, let error = state.errors[""] {
            top.append(.el("p", [.class("ck-error"), HTMLAttribute("role", "alert")], text: error))
        }
        guard !pending.isEmpty else { return Markup.section(title, top + [Markup.empty(context.text("registrations.empty"))]) }
        return Markup.section(title, top + [Markup.list(pending.map { registration in
            .el("article", [.class("ck-registration")], [
                .el("h3", text: registration.name),
                .el("p", [.class("ck-meta")], text: registration.email + " · " + Markup.date(registration.requested, locale: context.locale)),
                .el("form", [HTMLAttribute("method", "post"), HTMLAttribute("action", url: context.actionURL(Self.action))], [
                    Markup.hidden("_csrf", context.csrfToken), Markup.hidden("_return", context.currentPath),
                    Markup.hidden("registration", registration.id),
                    .el("button", [.class("ck-button"), HTMLAttribute("type", "submit"), HTMLAttribute("name", "decision"),
                                   HTMLAttribute("value", "approve")], text: context.text("registrations.approve")),
                    .el("button", [.class("ck-button"), HTMLAttribute("type", "submit"), HTMLAttribute("name", "decision"),
                                   HTMLAttribute("value", "reject")], text: context.text("registrations.reject")),
                ]),
            ])
        }, label: title)])
    }
}
