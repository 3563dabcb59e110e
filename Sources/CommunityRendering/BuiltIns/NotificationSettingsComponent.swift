/// `community.notificationSettings`: the signed-in member chooses, per kind of notice, whether
/// it reaches their inbox and how often it is e-mailed (never, at once, daily, weekly).
public struct NotificationSettingsComponent: SiteComponent {
    /// Properties.
    public struct Properties: Codable, Sendable {
        /// The heading.
        public var title: String
    }

    public static let type: ComponentType = "community.notificationSettings"
    public static let propertySchema = PropertySchema([
        .init("title", .string, default: "Notifications", length: 0...200, summary: "Heading"),
    ])

    /// The action that saves the settings (`inApp.<kind>` check boxes, `email.<kind>` choices).
    public static let action = "updateNotificationPreferences"

    let properties: Properties
    public init(properties: Properties) { self.properties = properties }

    public func render(in context: RenderContext) throws -> HTMLNode {
        guard let provider = context.service((any MemberSettingsProvider).self) else { return Markup.unavailable(context) }
        guard let settings = try provider.notificationSettings(viewer: context.viewer) else { return .empty }
        var children: [HTMLNode] = []
        if context.query["saved"] == "1" { children.append(Markup.notice(context.text("notifications.saved"))) }
        let state = context.form?.action == Self.action ? context.form : nil
        var rows: [HTMLNode] = []
        for row in settings.rows {
            let inAppName = "inApp." + row.kind, emailName = "email." + row.kind
            let inApp = state.map { $0.values[inAppName] == "on" } ?? row.inApp
            let email = state?.values[emailName] ?? row.email
            let selectID = "f-\(Self.action)-\(emailName)"
            let error = state?.errors[emailName]
            var selectAttributes: [HTMLAttribute] = [HTMLAttribute("id", selectID), HTMLAttribute("name", emailName)]
            if error != nil {
                selectAttributes.append(HTMLAttribute("aria-invalid", "true"))
                selectAttributes.append(HTMLAttribute("aria-describedby", selectID + "-error"))
            }
            var emailCell: [HTMLNode] = [
                .el("label", [HTMLAttribute("for", selectID)], text: context.text("notifications.email")),
                .el("select", selectAttributes, NotificationSettings.frequencies.map { option in
                    var attributes = [HTMLAttribute("value", option)]
                    if option == email { attributes.append(HTMLAttribute(flag: "selected")) }
                    return .el("option", attributes, text: context.strings.textIfPresent(UIStringKey("notifications.frequency." + option), locale: context.locale) ?? option)
                }),
            ]
            if let error { emailCell.append(.el("p", [.class("ck-error"), HTMLAttribute("id", selectID + "-error")], text: error)) }
            rows.append(.el("tr", [], [
                .el("th", [HTMLAttribute("scope", "row")], text: context.strings.textIfPresent(UIStringKey("notifications.kind." + row.kind), locale: context.locale) ?? row.label),
                .el("td", [], [Markup.checkbox(inAppName, label: context.text("notifications.inApp"), checked: inApp, action: Self.action)]),
                .el("td", [], emailCell),
            ]))
        }
        let table: HTMLNode = .el("table", [.class("ck-table")], [
            .el("caption", text: context.text("notifications.caption")),
            .el("thead", [], [.el("tr", [], ["notifications.notice", "notifications.inbox", "notifications.email"].map { .el("th", [HTMLAttribute("scope", "col")], text: context.text(UIStringKey($0))) })]),
            .el("tbody", [], rows),
        ])
        children.append(Markup.form(Self.action, context: context, [Markup.scrollable(table, label: context.text("notifications.caption"))],
                                    submit: context.text("notifications.save")))
        return Markup.section(context.localized(properties.title, default: "notifications.title"), children)
    }
}
