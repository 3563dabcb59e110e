import CommunityModel

/// `community.signIn`: the sign-in form (fields `username` and `password`, and a hidden
/// `return` path), posted to the `signIn` action; a signed-in viewer is told who they are, and
/// may sign in as someone else (which ends their current session).
public struct SignInComponent: SiteComponent {
    /// Properties.
    public struct Properties: Codable, Sendable {
        /// The heading.
        public var title: String
    }

    public static let type: ComponentType = "community.signIn"
    public static let propertySchema = PropertySchema([.init("title", .string, default: "Sign in", length: 0...200, summary: "Heading")])

    /// The action the form posts to.
    public static let action = "signIn"
    /// The one answer to every failed sign-in: it never says whether the user exists, the
    /// password was wrong or the account is locked.
    public static let failureMessage = "The user name or password is wrong, or the account is locked. Try again later."

    let properties: Properties
    public init(properties: Properties) { self.properties = properties }

    public func render(in context: RenderContext) throws -> HTMLNode {
        var children: [HTMLNode] = []
        if let user = context.viewer.user, !context.viewer.isGuest {
            children.append(.el("p", [], [.text("You are signed in as \(user.name). "), Markup.link("Go to the home page", context.site.homeURL)]))
        }
        if context.query["reset"] == "1" { children.append(Markup.notice("Your password was changed. Sign in with the new one.")) }
        var fields: [HTMLNode] = [
            Markup.field("username", label: "E-mail address or user name", action: Self.action, context: context, required: true),
            Markup.secretField("password", label: "Password", action: Self.action, context: context, autocomplete: "current-password"),
        ]
        if let target = context.site.returnTarget(Markup.value("return", action: Self.action, context: context)) {
            fields.append(Markup.hidden("return", target.string))
        }
        children.append(Markup.form(Self.action, context: context, fields, submit: "Sign in"))
        if let forgot = context.site.url(ofPageContaining: ForgotPasswordComponent.type) {
            children.append(.el("p", [], [Markup.link("Forgot your password?", forgot)]))
        }
        return Markup.section(properties.title, children)
    }
}
