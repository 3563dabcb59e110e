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
    /// The one answer to every request, in English (other locales read `forgot.sent` of ``UIStrings``).
    public static let sentMessage = UIStrings.standard.text("forgot.sent", locale: "en")

    let properties: Properties
    public init(properties: Properties) { self.properties = properties }

    public func render(in context: RenderContext) throws -> HTMLNode {
        let title = context.localized(properties.title, default: "forgot.title")
        if context.query["sent"] == "1" { return Markup.section(title, [Markup.notice(context.text("forgot.sent"))]) }
        return Markup.section(title, [
            Markup.form(Self.action, context: context, [
                Markup.field("username", label: context.text("signIn.username"), action: Self.action, context: context, required: true,
                             help: context.text("forgot.help"), autocomplete: "username"),
            ], submit: context.text("forgot.submit")),
        ])
    }
}
