import CommunityModel
import Foundation

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
    /// The one answer to every failed sign-in, in English (other locales read `signIn.failed` of
    /// ``UIStrings``): it never says whether the user exists, the password was wrong or the account is locked.
    public static let failureMessage = UIStrings.standard.text("signIn.failed", locale: "en")

    let properties: Properties
    public init(properties: Properties) { self.properties = properties }

    public func render(in context: RenderContext) throws -> HTMLNode {
        var children: [HTMLNode] = []
        if let user = context.viewer.user, !context.viewer.isGuest {
            children.append(.el("p", [], [.text(context.text("signIn.signedInAs", ["name": user.name]) + " "), Markup.link(context.text("common.goHome"), context.site.homeURL)]))
        }
        if context.query["reset"] == "1" { children.append(Markup.notice(context.text("signIn.passwordChanged"))) }
        var fields: [HTMLNode] = [
            Markup.field("username", label: context.text("signIn.username"), action: Self.action, context: context, required: true,
                         autocomplete: "username"),
            Markup.secretField("password", label: context.text("signIn.password"), action: Self.action, context: context, autocomplete: "current-password"),
        ]
        if let target = context.site.returnTarget(Markup.value("return", action: Self.action, context: context)) {
            fields.append(Markup.hidden("return", target.string))
        }
        children.append(Markup.form(Self.action, context: context, fields, submit: context.text("signIn.submit")))
        let providers = context.services.get((any SingleSignOnChoices).self)?.choices(for: context.site) ?? []
        if !providers.isEmpty {
            let back = context.site.returnTarget(Markup.value("return", action: Self.action, context: context))
            let items: [HTMLNode] = providers.map { choice in
                var url = choice.start
                if let back, let encoded = back.string.addingPercentEncoding(withAllowedCharacters: Site.returnValueCharacters) {
                    url = SafeURL(url.string + "?return=" + encoded) ?? url
                }
                return .el("li", [], [Markup.link(context.text("signIn.withProvider", ["provider": choice.displayName]), url)])
            }
            children.append(.el("ul", [.class("ck-sso-providers")], items))
        }
        if let forgot = context.site.url(ofPageContaining: ForgotPasswordComponent.type) {
            children.append(.el("p", [], [Markup.link(context.text("signIn.forgot"), forgot)]))
        }
        return Markup.section(context.localized(properties.title, default: "signIn.title"), children)
    }
}
