import CommunityIdentity
import CommunityModel

/// `community.twoFactorSetup`: a signed-in member turns on two-factor sign-in. A button starts
/// enrollment (`beginTwoFactor`); the page then shows the `otpauth://` URI and the secret as
/// text, and a code confirms it (`confirmTwoFactor`), after which the recovery codes are shown
/// once. Reads ``TwoFactorService`` from the render services to say whether it is already on.
public struct TwoFactorSetupComponent: SiteComponent {
    /// Properties.
    public struct Properties: Codable, Sendable {
        /// The heading.
        public var title: String
    }

    public static let type: ComponentType = "community.twoFactorSetup"
    public static let propertySchema = PropertySchema([
        .init("title", .string, default: "Two-factor sign-in", length: 0...200, summary: "Heading"),
    ])

    /// The action that starts enrollment.
    public static let beginAction = "beginTwoFactor"
    /// The action that confirms enrollment with a first code.
    public static let confirmAction = "confirmTwoFactor"

    let properties: Properties
    public init(properties: Properties) { self.properties = properties }

    public func render(in context: RenderContext) throws -> HTMLNode {
        let title = context.localized(properties.title, default: "twoFactor.setupTitle")
        guard let user = context.viewer.user, !context.viewer.isGuest else { return .empty }
        let state = context.form
        if state?.action == Self.confirmAction, let codes = state?.values["recoveryCodes"], !codes.isEmpty {
            return Markup.section(title, [
                Markup.notice(context.text("twoFactor.on")),
                .el("p", text: context.text("twoFactor.recoveryIntro")),
                Markup.list(codes.split(separator: " ").map { .el("code", text: String($0)) }, label: context.text("twoFactor.recoveryCodes")),
            ])
        }
        if state?.action == Self.beginAction || state?.action == Self.confirmAction,
           let secret = state?.values["secret"], let uri = state?.values["uri"], !secret.isEmpty {
            return Markup.section(title, [
                .el("p", text: context.text("twoFactor.enrollIntro")),
                .el("p", [], [.text(context.text("twoFactor.link") + " "), .el("code", [.class("ck-otpauth")], text: uri)]),
                .el("p", [], [.text(context.text("twoFactor.key") + " "), .el("code", [.class("ck-secret")], text: secret)]),
                Markup.form(Self.confirmAction, context: context, [
                    Markup.hidden("secret", secret), Markup.hidden("uri", uri),
                    Markup.field("code", label: context.text("twoFactor.code"), action: Self.confirmAction, context: context, required: true,
                                 type: "text", help: context.text("twoFactor.codeHelp"), autocomplete: "one-time-code"),
                ], submit: context.text("twoFactor.turnOn")),
            ])
        }
        if context.service(TwoFactorService.self)?.isEnrolled(user.id) == true {
            return Markup.section(title, [.el("p", text: context.text("twoFactor.on"))])
        }
        return Markup.section(title, [
            .el("p", text: context.text("twoFactor.protect")),
            Markup.form(Self.beginAction, context: context, [], submit: context.text("twoFactor.setUp")),
        ])
    }
}
