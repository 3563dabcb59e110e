/// `community.resetPassword`: the page a reset link opens (`?token=…`): a new password, typed
/// twice, posted with the token to the `resetPassword` action.
public struct ResetPasswordComponent: SiteComponent {
    /// Properties.
    public struct Properties: Codable, Sendable {
        /// The heading.
        public var title: String
    }

    public static let type: ComponentType = "community.resetPassword"
    public static let propertySchema = PropertySchema([
        .init("title", .string, default: "Choose a new password", length: 0...200, summary: "Heading"),
    ])

    /// The action the form posts to.
    public static let action = "resetPassword"

    let properties: Properties
    public init(properties: Properties) { self.properties = properties }

    public func render(in context: RenderContext) throws -> HTMLNode {
        let title = context.localized(properties.title, default: "reset.title")
        guard let token = Markup.value("token", action: Self.action, context: context) else {
            var children: [HTMLNode] = [.el("p", text: context.text("reset.invalidLink"))]
            if let forgot = context.site.url(ofPageContaining: ForgotPasswordComponent.type) {
                children.append(.el("p", [], [Markup.link(context.text("reset.requestNew"), forgot)]))
            }
            return Markup.section(title, children)
        }
        return Markup.section(title, [
            Markup.form(Self.action, context: context, [
                Markup.hidden("token", token),
                Markup.secretField("password", label: context.text("password.new"), action: Self.action, context: context, autocomplete: "new-password",
                                   help: context.text("password.help")),
                Markup.secretField("confirm", label: context.text("password.confirm"), action: Self.action, context: context, autocomplete: "new-password"),
            ], submit: context.text("reset.submit")),
        ])
    }
}
