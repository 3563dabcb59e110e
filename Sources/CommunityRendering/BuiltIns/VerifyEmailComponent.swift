import CommunityModel

/// `community.verifyEmail`: the page a verification link opens (`?token=…`), which confirms
/// the address with a button (a POST to `verifyEmail`, so link scanners that fetch the page do
/// not use the token up). A signed-in member without a token may ask for a link
/// (`sendEmailVerification`).
public struct VerifyEmailComponent: SiteComponent {
    /// Properties.
    public struct Properties: Codable, Sendable {
        /// The heading.
        public var title: String
    }

    public static let type: ComponentType = "community.verifyEmail"
    public static let propertySchema = PropertySchema([
        .init("title", .string, default: "Verify your e-mail address", length: 0...200, summary: "Heading"),
    ])

    /// The action that confirms an address with a token.
    public static let action = "verifyEmail"
    /// The action that sends the signed-in member a link.
    public static let sendAction = "sendEmailVerification"

    let properties: Properties
    public init(properties: Properties) { self.properties = properties }

    public func render(in context: RenderContext) throws -> HTMLNode {
        let title = context.localized(properties.title, default: "verify.title")
        if context.query["verified"] == "1" { return Markup.section(title, [Markup.notice(context.text("verify.verified"))]) }
        if let token = Markup.value("token", action: Self.action, context: context) {
            return Markup.section(title, [
                Markup.form(Self.action, context: context, [Markup.hidden("token", token)], submit: context.text("verify.confirm")),
            ])
        }
        guard let user = context.viewer.user, !context.viewer.isGuest else {
            return Markup.section(title, [.el("p", text: context.text("verify.invalidLink"))])
        }
        var children: [HTMLNode] = []
        if context.query["sent"] == "1" { children.append(Markup.notice(context.text("verify.sent", ["email": user.email]))) }
        children.append(Markup.form(Self.sendAction, context: context, [], submit: context.text("verify.send")))
        return Markup.section(title, children)
    }
}
