/// `community.forgotPassword`: asks for an e-mail address or user name and posts it to the
/// `requestPasswordReset` action, which always answers the same ("if an account exists, a
/// link is on its way"), so the form cannot be used to find out who has an account.
public struct ForgotPasswordComponent: SiteComponent {
    /// Properties.
    public struct Properties: Codable, Sendable {
        /// The heading.
        public var title: String
    }

    public static let type: ComponentType = "community.forgotPassword"
    public static let propertySchema = PropertySchema([
        .init("title", .string, default: "Reset your password", length: 0...200, summary: "Heading"),
    ])

    /// The action the form posts to.
    public static let action = "requestPasswordReset"
    /// The one answer to every request.
    public static let sentMessage = "If an account with that address or user name exists, we have sent it a link to reset the password. The link works for a short time only."

    let properties: Properties
    public init(properties: Properties) { self.properties = properties }

    public func render(in context: RenderContext) throws -> HTMLNode {
        if context.query["sent"] == "1" { return Markup.section(properties.title, [Markup.notice(Self.sentMessage)]) }
        return Markup.section(properties.title, [
            Markup.form(Self.action, context: context, [
                Markup.field("username", label: "E-mail address or user name", action: Self.action, context: context, required: true),
            ], submit: "Send me a link"),
        ])
    }
}
