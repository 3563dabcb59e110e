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
        if context.query["changed"] == "1" { children.append(Markup.notice("Your password was changed. Other sessions were signed out.")) }
        children.append(Markup.form(Self.action, context: context, [
            Markup.secretField("current", label: "Current password", action: Self.action, context: context, autocomplete: "current-password"),
            Markup.secretField("password", label: "New password", action: Self.action, context: context, autocomplete: "new-password"),
            Markup.secretField("confirm", label: "New password again", action: Self.action, context: context, autocomplete: "new-password"),
        ], submit: "Change password"))
        return Markup.section(properties.title, children)
    }
}
