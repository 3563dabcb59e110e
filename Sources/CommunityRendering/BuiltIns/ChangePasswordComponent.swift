import CommunityModel

/// `community.changePassword`: a signed-in member's password change, which needs the current
/// password; posted to `changePassword`. Signs the member out everywhere else. Lists the
/// identity providers the member signs in with (single sign-on), if any.
public struct ChangePasswordComponent: SiteComponent {
    /// Properties.
    public struct Properties: Codable, Sendable {
        /// The heading.
        public var title: String
    }

    public static let type: ComponentType = "community.changePassword"
    public static let propertySchema = PropertySchema([
        .init("title", .string, default: "Change your password", length: 0...200, summary: "Heading"),
    ])

    /// The action the form posts to.
    public static let action = "changePassword"

    let properties: Properties
    public init(properties: Properties) { self.properties = properties }

    public func render(in context: RenderContext) throws -> HTMLNode {
        guard !context.viewer.isGuest else { return .empty }
        var children: [HTMLNode] = []
        if context.query["changed"] == "1" { children.append(Markup.notice(context.text("changePassword.changed"))) }
        if let user = context.viewer.user,
           let linked = context.services.get((any SingleSignOnChoices).self)?.linkedProviders(of: user.id, site: context.site), !linked.isEmpty {
            children.append(.el("p", [.class("ck-linked-providers")], [
                .text(context.text("account.linkedProviders", ["providers": linked.joined(separator: ", ")])),
            ]))
        }
        children.append(Markup.form(Self.action, context: context, [
            Markup.secretField("current", label: context.text("password.current"), action: Self.action, context: context, autocomplete: "current-password"),
            Markup.secretField("password", label: context.text("password.new"), action: Self.action, context: context, autocomplete: "new-password",
                               help: context.text("password.help")),
            Markup.secretField("confirm", label: context.text("password.confirm"), action: Self.action, context: context, autocomplete: "new-password"),
        ], submit: context.text("changePassword.submit")))
        return Markup.section(context.localized(properties.title, default: "changePassword.title"), children)
    }
}
