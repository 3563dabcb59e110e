/// `community.twoFactorChallenge`: the code entry after a correct password when the account
/// needs a second factor, posted to the `completeSignIn` action (which reads the pending
/// sign-in from its short-lived cookie). Accepts an authenticator code or a recovery code.
///
/// When the site requires a second factor the user has not enrolled, sign-in sends them here
/// with `?enroll=1`: a button (`beginSignInEnrollment`) shows the `otpauth://` URI and the
/// secret as text, the first code (`completeSignInEnrollment`) turns the factor on and signs
/// the user in, and the recovery codes are shown once with a link on to the return path.
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
    /// The action that starts enrolling a second factor during sign-in.
    public static let beginEnrollmentAction = "beginSignInEnrollment"
    /// The action that confirms that enrollment with a first code and completes the sign-in.
    public static let completeEnrollmentAction = "completeSignInEnrollment"

    let properties: Properties
    public init(properties: Properties) { self.properties = properties }

    public func render(in context: RenderContext) throws -> HTMLNode {
        let title = context.localized(properties.title, default: "twoFactor.challengeTitle")
        let state = context.form
        // Shown while the viewer is still the one the form was posted as: the new session applies from the next request.
        if state?.action == Self.completeEnrollmentAction, let codes = state?.values["recoveryCodes"], !codes.isEmpty {
            let target = context.site.returnTarget(state?.values["return"]) ?? context.site.homeURL
            return Markup.section(title, [
                Markup.notice(context.text("twoFactor.onAndSignedIn")),
                .el("p", text: context.text("twoFactor.recoveryIntro")),
                Markup.list(codes.split(separator: " ").map { .el("code", text: String($0)) }, label: context.text("twoFactor.recoveryCodes")),
                .el("p", [], [Markup.link(context.text("twoFactor.savedContinue"), target)]),
            ])
        }
        guard context.viewer.isGuest else {
            return Markup.section(title, [.el("p", text: context.text("twoFactor.signedIn")), Markup.link(context.text("common.goHome"), context.site.homeURL)])
        }
        let startAgain: [HTMLNode] = context.site.url(ofPageContaining: SignInComponent.type).map { [.el("p", [], [Markup.link(context.text("twoFactor.startAgain"), $0)])] } ?? []
        if state?.action == Self.completeEnrollmentAction, let error = state?.errors[""] {
            return Markup.section(title, [.el("p", [.class("ck-error"), HTMLAttribute("role", "alert")], text: error)] + startAgain)
        }
        let returnField: [HTMLNode] = context.site.returnTarget(state?.values["return"] ?? context.query["return"]).map { [Markup.hidden("return", $0.string)] } ?? []
        if state?.action == Self.beginEnrollmentAction || state?.action == Self.completeEnrollmentAction,
           let secret = state?.values["secret"], let uri = state?.values["uri"], !secret.isEmpty {
            return Markup.section(title, [
                .el("p", text: context.text("twoFactor.requiredEnrollIntro")),
                .el("p", [], [.text(context.text("twoFactor.link") + " "), .el("code", [.class("ck-otpauth")], text: uri)]),
                .el("p", [], [.text(context.text("twoFactor.key") + " "), .el("code", [.class("ck-secret")], text: secret)]),
                Markup.form(Self.completeEnrollmentAction, context: context, [
                    Markup.hidden("secret", secret), Markup.hidden("uri", uri),
                    Markup.field("code", label: context.text("twoFactor.code"), action: Self.completeEnrollmentAction, context: context, required: true,
                                 type: "text", help: context.text("twoFactor.codeHelp"), autocomplete: "one-time-code"),
                ] + returnField, submit: context.text("twoFactor.turnOnAndSignIn")),
            ] + startAgain)
        }
        if state?.action == Self.beginEnrollmentAction || context.query["enroll"] == "1" {
            return Markup.section(title, [
                .el("p", text: context.text("twoFactor.requiredNotEnrolled")),
                Markup.form(Self.beginEnrollmentAction, context: context, returnField, submit: context.text("twoFactor.setUp")),
            ] + startAgain)
        }
        var fields: [HTMLNode] = [
            Markup.field("code", label: context.text("twoFactor.challengeCode"), action: Self.action, context: context, required: true,
                         autocomplete: "one-time-code"),
        ]
        if let target = context.site.returnTarget(Markup.value("return", action: Self.action, context: context)) {
            fields.append(Markup.hidden("return", target.string))
        }
        return Markup.section(title, [Markup.form(Self.action, context: context, fields, submit: context.text("twoFactor.verify"))] + startAgain)
    }
}
