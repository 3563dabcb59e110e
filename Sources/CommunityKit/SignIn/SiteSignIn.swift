public import CommunityIdentity
public import CommunityRendering

/// What the engine knows about signing in to one site: the site, the identity service's view
/// of it (membership and policies) and its session cookie.
public struct SiteSignIn: Sendable {
    /// The site as added.
    public let site: Site
    /// Membership, password and session policy, for ``IdentityService`` calls.
    public let signInSite: SignInSite
    /// The site's session cookie (name, `__Host-` prefix unless the engine serves local development).
    public let cookie: SessionCookie

    /// The sign-in view of a site. The session cookie is named after the engine's session
    /// policy and the site's id (`community_session-partners`), so the sites one host serves
    /// keep separate sessions; a site's ``SiteSignInSettings`` override the engine's lifetimes
    /// and minimum password length.
    ///
    /// - Throws: ``SiteError/invalidSignInSettings(_:)`` when the settings cannot work.
    public init(site: Site, sessionDefaults: SessionPolicy, cookies: CookiePolicy) throws(SiteError) {
        let settings = site.signIn ?? SiteSignInSettings()
        let passwordPolicy: PasswordPolicy
        let sessionPolicy: SessionPolicy
        do {
            passwordPolicy = try settings.minimumPasswordLength.map { try PasswordPolicy(minimumLength: $0) } ?? .standard
            let idle = settings.idleTimeout ?? sessionDefaults.idleTimeout
            let absolute = settings.absoluteTimeout ?? sessionDefaults.absoluteTimeout
            let touch = min(sessionDefaults.touchInterval, idle.isFinite && idle > 0 ? idle / 2 : 0)
            let named = sessionDefaults.cookieName + "-" + site.id
            do {
                sessionPolicy = try SessionPolicy(idleTimeout: idle, absoluteTimeout: absolute, touchInterval: touch, cookieName: named)
            } catch {
                // A site id that cannot be part of a cookie name shares the engine's cookie name.
                sessionPolicy = try SessionPolicy(
                    idleTimeout: idle, absoluteTimeout: absolute, touchInterval: touch, cookieName: sessionDefaults.cookieName)
            }
        } catch {
            throw .invalidSignInSettings("\(error)")
        }
        self.site = site
        signInSite = SignInSite(
            id: site.id, memberProfileIDs: site.memberProfileIDs, memberPermissionSetIDs: site.memberPermissionSetIDs,
            passwordPolicy: passwordPolicy, sessionPolicy: sessionPolicy)
        cookie = SessionCookie(policy: sessionPolicy, mode: cookies.secure ? .secure : .localDevelopment)
    }
}
