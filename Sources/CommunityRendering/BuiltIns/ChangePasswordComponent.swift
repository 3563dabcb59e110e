/// `community.changePassword`: a signed-in member's password change, which needs the current
/// password; posted to `changePassword`. Signs the member out everywhere else.
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
        children.append(Markup.form(Self.action, context: context, [
            Markup.secretField("current", label: context.text("password.current"), action: Self.action, context: context, autocomplete: "current-password"),
            Markup.secretField("password", label: context.text("password.new"), action: Self.action, context: context, autocomplete: "new-password",
                               help: context.text("password.help")),
            Markup.secretField("confirm", label: context.text("password.confirm"), action: Self.action, context: context, autocomplete: "new-password"),
        ], submit: context.text("changePassword.submit")))
        return Markup.section(context.localized(properties.title, default: "changePassword.title"), children)
    }
}
