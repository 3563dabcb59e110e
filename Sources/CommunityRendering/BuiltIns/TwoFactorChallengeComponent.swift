/// `community.twoFactorChallenge`: the code entry after a correct password when the account
/// needs a second factor, posted to the `completeSignIn` action (which reads the pending
/// sign-in from its short-lived cookie). Accepts an authenticator code or a recovery code.
public struct TwoFactorChallengeComponent: SiteComponent {
    /// Properties.
    public struct Properties: Codable, Sendable {
        /// The heading.
        public var title: String
    }

    public static let type: ComponentType = "community.twoFactorChallenge"
    public static let propertySchema = PropertySchema([
        .init("title", .string, default: "Enter your verification code", length: 0...200, summary: "Heading"),
    ])

    /// The action the form posts to.
    public static let action = "completeSignIn"

    let properties: Properties
    public init(properties: Properties) { self.properties = properties }

    public func render(in context: RenderContext) throws -> HTMLNode {
        guard context.viewer.isGuest else {
            return Markup.section(properties.title, [.el("p", text: "You are signed in."), Markup.link("Go to the home page", context.site.homeURL)])
        }
        var fields: [HTMLNode] = [
            Markup.field("code", label: "Code from your authenticator app, or a recovery code", action: Self.action, context: context, required: true),
        ]
        if let target = context.site.returnTarget(Markup.value("return", action: Self.action, context: context)) {
            fields.append(Markup.hidden("return", target.string))
        }
        var children: [HTMLNode] = [Markup.form(Self.action, context: context, fields, submit: "Verify")]
        if let login = context.site.url(ofPageContaining: SignInComponent.type) {
            children.append(.el("p", [], [Markup.link("Start again", login)]))
        }
        return Markup.section(properties.title, children)
    }
}
