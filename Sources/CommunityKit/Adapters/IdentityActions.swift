import CommunityModel
import CommunityIdentity
import CommunityRendering
import Foundation

/// The form actions of the account pages: sign-in (with the second factor), sign-out, forgotten
/// and reset passwords, e-mail verification, password change and two-factor enrollment.
///
/// Every failed sign-in answers ``SignInComponent/failureMessage`` (in the page's locale) with 422, whatever the
/// reason. A sign-in issues a new session token and signs out the session the browser held.
/// The pending second factor travels in a short-lived `HttpOnly` cookie, never in the page.
///
/// A user who must use a second factor but has none is sent to the two-factor page with
/// `?enroll=1`: `beginSignInEnrollment` shows the new secret, `completeSignInEnrollment` with a
/// right first code turns it on, sets the session cookie, clears the pending one and shows the
/// recovery codes once, with a link on to the return path (or home).
enum IdentityActions {
    /// The pending second factor's cookie (``CookiePolicy/name(_:)`` adds `__Host-`).
    static let pendingCookie = "ck-pending"

    static func install(
        into actions: inout FormActionRegistry, identity: IdentityService, twoFactor: TwoFactorService, directory: SignInDirectory,
        cookies: CookiePolicy
    ) {
        actions.register(SignInComponent.action) { request in
            guard let entry = directory.entry(request.site.id) else { return .forbidden }
            let target = request.site.returnTarget(request.form["return"]) ?? request.site.homeURL
            let result: SignInResult
            do {
                result = try identity.signIn(
                    identifier: request.form["username"] ?? "", password: request.form["password"] ?? "", site: entry.signInSite,
                    clientAddress: client(request))
            } catch IdentityError.invalidCredentials {
                return .invalid(["": request.text("signIn.failed")])
            }
            switch result {
            case .signedIn(let issued):
                endPrevious(request, entry: entry, identity: identity)
                return .redirectSettingCookies(target, [entry.cookie.setCookie(for: issued)])
            case .secondFactorRequired(let pending), .enrollmentRequired(let pending):
                guard let page = request.site.url(ofPageContaining: TwoFactorChallengeComponent.type) else {
                    return .invalid(["": request.text("twoFactor.unavailable")])
                }
                var url = withReturn(page, target, site: request.site)
                if case .enrollmentRequired = result {
                    url = SafeURL(url.string + (url.string.contains("?") ? "&" : "?") + "enroll=1") ?? url
                }
                let lifetime = identity.configuration.pendingSignInLifetime  // clamped by the service to 60 s...7 days
                let maxAge = lifetime < 86_400 ? Int(lifetime.rounded(.up)) : 86_400  // trap-safe: the service clamps it to 60 s...7 days; NaN takes the 86,400 branch
                return .redirectSettingCookies(url, [cookies.setCookie(pendingCookie, value: pending.token, maxAge: maxAge)])
            }
        }
        actions.register(TwoFactorChallengeComponent.action) { request in
            guard let entry = directory.entry(request.site.id) else { return .forbidden }
            let target = request.site.returnTarget(request.form["return"]) ?? request.site.homeURL
            guard let pending = request.cookies[cookies.name(pendingCookie)] else { return .invalid(["": request.text("signIn.expired")]) }
            do {
                let issued = try identity.completeSecondFactor(pending, code: request.field("code") ?? "", clientAddress: client(request))
                let cleared = cookies.setCookie(pendingCookie, value: "", maxAge: 0)
                endPrevious(request, entry: entry, identity: identity)
                return .redirectSettingCookies(target, [cleared, entry.cookie.setCookie(for: issued)])
            } catch IdentityError.secondFactorRejected {
                return .invalid(["code": request.text("twoFactor.codeRejected")])
            } catch IdentityError.invalidOrExpiredToken {
                return .invalid(["": request.text("signIn.expired")])
            }
        }
        actions.register(TwoFactorChallengeComponent.beginEnrollmentAction) { request in
            let target = request.site.returnTarget(request.form["return"]) ?? request.site.homeURL
            guard let pending = request.cookies[cookies.name(pendingCookie)] else { return startAgain(request, target) }
            do {
                let setup = try identity.beginSecondFactorEnrollment(pending, using: twoFactor, clientAddress: client(request))
                var values = ["secret": setup.secret, "uri": setup.uri.text]
                if target != request.site.homeURL { values["return"] = target.string }
                return .show(values)
            } catch IdentityError.invalidOrExpiredToken {
                return .invalid(["": request.text("signIn.expired")])
            }
        }
        actions.register(TwoFactorChallengeComponent.completeEnrollmentAction) { request in
            guard let entry = directory.entry(request.site.id) else { return .forbidden }
            let target = request.site.returnTarget(request.form["return"]) ?? request.site.homeURL
            guard let pending = request.cookies[cookies.name(pendingCookie)] else { return startAgain(request, target) }
            do {
                let enrolled = try identity.completeSecondFactorEnrollment(
                    pending, code: request.field("code") ?? "", using: twoFactor, clientAddress: client(request))
                let cleared = cookies.setCookie(pendingCookie, value: "", maxAge: 0)
                endPrevious(request, entry: entry, identity: identity)
                return .showSettingCookies(
                    ["recoveryCodes": enrolled.recoveryCodes.joined(separator: " "), "return": target.string],
                    [cleared, entry.cookie.setCookie(for: enrolled.session)])
            } catch IdentityError.secondFactorRejected {
                return .invalid(["code": request.text("twoFactor.codeRejectedNow")])
            } catch IdentityError.invalidOrExpiredToken {
                return .invalid(["": request.text("signIn.expired")])
            }
        }
        actions.register(HeaderComponent.signOutAction) { request in
            guard let entry = directory.entry(request.site.id) else { return .forbidden }
            if let token = request.cookies[entry.cookie.name] { try identity.signOut(token) }
            return .redirectSettingCookies(request.site.homeURL, [entry.cookie.expiredCookie()])
        }
        actions.register(ForgotPasswordComponent.action) { request in
            guard let entry = directory.entry(request.site.id) else { return .forbidden }
            try identity.requestPasswordReset(identifier: request.form["username"] ?? "", site: entry.signInSite)
            let page = request.site.url(ofPageContaining: ForgotPasswordComponent.type) ?? request.site.homeURL
            return .redirect(SafeURL(page.string + "?sent=1") ?? page)
        }
        actions.register(ResetPasswordComponent.action) { request in
            guard let entry = directory.entry(request.site.id) else { return .forbidden }
            let password = request.form["password"] ?? ""
            guard password == request.form["confirm"] else { return .invalid(["confirm": request.text("password.mismatch")]) }
            do {
                try identity.resetPassword(token: request.form["token"] ?? "", newPassword: password, policy: entry.signInSite.passwordPolicy)
            } catch IdentityError.passwordRejected(let violation) {
                return .invalid(["password": message(violation, request)])
            } catch IdentityError.invalidOrExpiredToken {
                return .invalid(["": request.text("reset.invalidLink")])
            }
            let login = request.site.url(ofPageContaining: SignInComponent.type) ?? request.site.homeURL
            return .redirect(SafeURL(login.string + "?reset=1") ?? login)
        }
        actions.register(VerifyEmailComponent.action) { request in
            do {
                try identity.verifyEmail(token: request.form["token"] ?? "")
            } catch IdentityError.invalidOrExpiredToken {
                return .invalid(["": request.text("reset.invalidLink")])
            }
            let page = request.site.url(ofPageContaining: VerifyEmailComponent.type) ?? request.site.homeURL
            return .redirect(SafeURL(page.string + "?verified=1") ?? page)
        }
        actions.register(VerifyEmailComponent.sendAction) { request in
            guard let user = member(request), let entry = directory.entry(request.site.id) else { return .forbidden }
            try identity.startEmailVerification(for: user, site: entry.signInSite)
            let page = request.site.url(ofPageContaining: VerifyEmailComponent.type) ?? request.site.homeURL
            return .redirect(SafeURL(page.string + "?sent=1") ?? page)
        }
        actions.register(ChangePasswordComponent.action) { request in
            guard let user = member(request), let entry = directory.entry(request.site.id) else { return .forbidden }
            let new = request.form["password"] ?? ""
            guard new == request.form["confirm"] else { return .invalid(["confirm": request.text("password.mismatch")]) }
            do {
                try identity.changePassword(
                    for: user, current: request.form["current"] ?? "", new: new, policy: entry.signInSite.passwordPolicy,
                    keeping: try? ID<Session>(parsing: request.viewer.sessionID))
            } catch IdentityError.currentPasswordIncorrect {
                return .invalid(["current": request.text("password.currentWrong")])
            } catch IdentityError.passwordRejected(let violation) {
                return .invalid(["password": message(violation, request)])
            } catch IdentityError.noPasswordCredential {
                return .invalid(["": request.text("password.noCredential")])
            }
            let page = request.site.url(ofPageContaining: ChangePasswordComponent.type) ?? request.site.homeURL
            return .redirect(SafeURL(page.string + "?changed=1") ?? page)
        }
        actions.register(TwoFactorSetupComponent.beginAction) { request in
            guard let user = member(request) else { return .forbidden }
            do {
                let setup = try twoFactor.beginEnrollment(for: user)
                return .show(["secret": setup.secret, "uri": setup.uri.text])
            } catch TwoFactorError.alreadyEnrolled {
                return .invalid(["": request.text("twoFactor.alreadyOn")])
            }
        }
        actions.register(TwoFactorSetupComponent.confirmAction) { request in
            guard let user = member(request) else { return .forbidden }
            do {
                let codes = try twoFactor.confirmEnrollment(for: user, code: request.field("code") ?? "")
                return .show(["recoveryCodes": codes.joined(separator: " ")])
            } catch TwoFactorError.invalidCode {
                return .invalid(["code": request.text("twoFactor.codeRejectedNow")])
            } catch TwoFactorError.notEnrolled {
                return .invalid(["": request.text("twoFactor.setupExpired")])
            }
        }
    }

    /// Why a new password was refused, in the request's locale.
    static func message(_ violation: PasswordPolicyViolation, _ request: ActionRequest) -> String {
        switch violation {
        case .tooShort(let minimum): request.text("password.tooShort", ["count": "\(minimum)"])
        case .tooLong(let maximum): request.text("password.tooLong", ["count": "\(maximum)"])
        case .common: request.text("password.common")
        case .matchesIdentity: request.text("password.matchesIdentity")
        }
    }

    /// Back to the sign-in page (keeping the return path) when there is no pending sign-in.
    static func startAgain(_ request: ActionRequest, _ target: SafeURL) -> ActionResult {
        guard let login = request.site.url(ofPageContaining: SignInComponent.type) else { return .forbidden }
        return .redirect(withReturn(login, target, site: request.site))
    }

    /// The signed-in member of the request's site.
    static func member(_ request: ActionRequest) -> ID<User>? {
        guard let user = request.viewer.user, !request.viewer.isGuest, request.site.isMember(request.viewer) else { return nil }
        return user.id
    }

    /// The client address sign-in backoff counts against (`unknown` when the host passed none,
    /// so such clients share one count).
    static func client(_ request: ActionRequest) -> String { request.clientAddress ?? "unknown" }

    /// Ends the session the browser held before signing in again (no session fixation); the
    /// new cookie replaces the old one, so nothing needs clearing.
    static func endPrevious(_ request: ActionRequest, entry: SiteSignIn, identity: IdentityService) {
        if let token = request.cookies[entry.cookie.name] { try? identity.signOut(token) }
    }

    /// `page?return=<target>`, or the page alone when the target is the home page.
    static func withReturn(_ page: SafeURL, _ target: SafeURL, site: Site) -> SafeURL {
        guard target != site.homeURL,
              let encoded = target.string.addingPercentEncoding(withAllowedCharacters: returnValueCharacters)
        else { return page }
        return SafeURL(page.string + "?return=" + encoded) ?? page
    }

    private static let returnValueCharacters = CharacterSet(
        charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~/")
}
