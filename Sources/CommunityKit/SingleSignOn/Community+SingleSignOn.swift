public import CommunityModel
public import CommunityIdentity
import CommunityRendering
import Foundation

/// Single sign-on with OpenID Connect providers: the host configures providers per site; the
/// site's sign-in page offers them; `<prefix>/_sso/start/<key>` sends the browser to the provider
/// and `<prefix>/_sso/callback` takes the ID token it posts back.
extension Community {
    /// The path segment of the single sign-on routes (`/partners/_sso/…`).
    static let singleSignOnSegment = "_sso"
    /// How long a sign-in sent to a provider may take.
    static let singleSignOnLifetime: TimeInterval = 600

    /// Sets the OpenID Connect providers `site` offers on its sign-in page, replacing any it had
    /// (an empty list turns single sign-on off). They are kept in the store, so every host serving
    /// the site offers them.
    ///
    /// ```swift
    /// try community.configureSingleSignOn(site: "partners", providers: [
    ///     OpenIDProvider(key: "northwind", displayName: "Northwind Identity", issuer: "https://id.northwind.example",
    ///                    clientID: "partner-central", authorizationEndpoint: "https://id.northwind.example/authorize",
    ///                    keySetJSON: jwks, mapping: ProvisioningMapping(allowsJustInTime: true, account: .fixed("acme"),
    ///                                                                  profileID: "partner", userKind: .partner)),
    /// ])
    /// ```
    ///
    /// - Throws: a ``SingleSignOnConfigurationError`` naming the first problem; nothing is stored then.
    public func configureSingleSignOn(site siteID: String, providers: [OpenIDProvider]) throws(SingleSignOnConfigurationError) {
        guard let site = site(siteID)?.site else { throw .unknownSite(siteID) }
        var keys = Set<String>()
        var issuers = Set<String>()
        var records: [OpenIDProviderRecord] = []
        for (position, provider) in providers.enumerated() {
            try Self.check(provider, site: site)
            guard keys.insert(provider.key).inserted else { throw .duplicateKey(provider.key) }
            guard issuers.insert(provider.issuer).inserted else { throw .duplicateIssuer(provider.issuer) }
            records.append(OpenIDProviderRecord(siteID: siteID, position: position, provider: provider))
        }
        let kept = Set(records.map(\.id))
        do {
            try store.write { tx in
                let existing = try tx.query(Query<OpenIDProviderRecord>().where("siteID", equals: .text(siteID)))
                for old in existing where !kept.contains(old.value.id) { try tx.delete(old.value.id) }
                for record in records { try tx.put(record) }
            }
        } catch {
            throw .storeFailure("\(error)")
        }
    }

    /// The providers `site` offers, in sign-in page order.
    public func singleSignOnProviders(site siteID: String) throws -> [OpenIDProvider] {
        try SingleSignOnDirectory.records(of: siteID, in: store).map(\.provider)
    }

    /// The provider identities linked to a user (for an account page, or an administrator).
    public func linkedIdentities(of user: ID<User>) throws -> [FederationLink] {
        try FederatedSignIn(store: store, clock: clock, providers: []).links(of: user).sorted { $0.createdAt < $1.createdAt }
    }

    private static func check(_ provider: OpenIDProvider, site: Site) throws(SingleSignOnConfigurationError) {
        let key = provider.key
        guard (1...40).contains(key.utf8.count),
              key.utf8.allSatisfy({ ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D })
        else { throw .invalidKey(key) }
        for (field, value) in [("displayName", provider.displayName), ("issuer", provider.issuer), ("clientID", provider.clientID)] {
            guard !value.trimmingCharacters(in: .whitespaces).isEmpty, value.utf8.count <= 500,
                  !value.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F })
            else { throw .invalidField(provider: key, field: field) }
        }
        guard isAcceptableEndpoint(provider.authorizationEndpoint) else {
            throw .invalidAuthorizationEndpoint(provider: key, provider.authorizationEndpoint)
        }
        if let url = provider.keySetURL, url.hasPrefix("/") || !isAcceptableEndpoint(url) {
            throw .invalidKeySetURL(provider: key, url)
        }
        let keySet: JSONWebKeySet
        do {
            keySet = try JSONWebKeySet(json: Data(provider.keySetJSON.utf8))
        } catch {
            throw .invalidKeySet(provider: key, error)
        }
        guard !keySet.keys.isEmpty else { throw .emptyKeySet(provider: key) }
        let mapping = provider.mapping
        if mapping.allowsJustInTime, site.memberPermissionSetIDs.isEmpty, !site.memberProfileIDs.contains(mapping.profileID) {
            throw .profileNotMember(provider: key, profile: mapping.profileID.rawValue)
        }
    }

    /// An `https` URL with a host, an `http` URL on `localhost` or `127.0.0.1`, or a local path;
    /// no spaces, controls, quotes or fragments.
    static func isAcceptableEndpoint(_ url: String) -> Bool {
        guard !url.isEmpty, url.utf8.count <= 2000,
              !url.unicodeScalars.contains(where: { $0.value <= 0x20 || $0.value >= 0x7F || "\"'<>\\#`".unicodeScalars.contains($0) })
        else { return false }
        if url.hasPrefix("/") { return !url.hasPrefix("//") }
        guard let components = URLComponents(string: url), let host = components.host, !host.isEmpty,
              components.user == nil, components.password == nil
        else { return false }
        switch components.scheme?.lowercased() {
        case "https": return true
        case "http": return host == "localhost" || host == "127.0.0.1"
        default: return false
        }
    }

    // MARK: Routes

    /// Answers `<prefix>/_sso/start/<key>` and `<prefix>/_sso/callback`; `nil` for other paths.
    func singleSignOnResponse(_ request: SiteRequest, responder: SiteResponder) -> SiteResponse? {
        let site = responder.site
        let base = site.urlPrefix + "/" + Self.singleSignOnSegment + "/"
        guard request.path.hasPrefix(base) else { return nil }
        let rest = String(request.path.dropFirst(base.count))
        if rest == "callback" {
            guard request.method == .post else { return Self.methodNotAllowed("POST") }
            return singleSignOnCallback(request, responder: responder)
        }
        guard rest.hasPrefix("start/") else { return nil }
        guard request.method == .get || request.method == .head else { return Self.methodNotAllowed("GET, HEAD") }
        return startSingleSignOn(String(rest.dropFirst("start/".count)), request: request, responder: responder)
    }

    private func startSingleSignOn(_ key: String, request: SiteRequest, responder: SiteResponder) -> SiteResponse {
        let site = responder.site
        let record: OpenIDProviderRecord?
        do {
            record = try SingleSignOnDirectory.records(of: site.id, in: store).first { $0.key == key }
        } catch {
            return singleSignOnFailure(request, responder: responder, key: "sso.unavailable", status: 503, reason: "store")
        }
        guard let record else {
            return singleSignOnFailure(request, responder: responder, key: "sso.unknownProvider", status: 404, reason: "unknownProvider")
        }
        // The browser keeps its binding across sign-ins it starts in several tabs; a new one otherwise.
        guard let state = SecureRandom.bytes(32).map(ByteEncoding.base64URL),
              let nonce = SecureRandom.bytes(32).map(ByteEncoding.base64URL),
              let binding = SingleSignOnBrowserBinding.carried(in: request.cookies, policy: cookies) ?? SingleSignOnBrowserBinding.random()
        else { return singleSignOnFailure(request, responder: responder, key: "sso.unavailable", status: 503, reason: "randomness") }
        let now = clock.now()
        let pending = SingleSignOnRequest(
            state: state, siteID: site.id, providerKey: record.key, nonce: nonce, browserBinding: binding.digest,
            returnPath: site.returnTarget(request.query["return"])?.string, createdAt: now,
            expiresAt: now.addingTimeInterval(Self.singleSignOnLifetime))
        do {
            try store.write { tx in
                // Forget a few answers that never came, so abandoned sign-ins do not pile up.
                let stale = try tx.query(
                    Query<SingleSignOnRequest>().filter("expiresAt", .range(lower: nil, upper: .dateTime(now))).page(limit: 20))
                for old in stale { try tx.delete(old.value.id) }
                try tx.put(pending, expecting: .absent)
            }
        } catch {
            return singleSignOnFailure(request, responder: responder, key: "sso.unavailable", status: 503, reason: "store")
        }
        let parameters = [
            ("response_type", "id_token"), ("response_mode", "form_post"), ("client_id", record.clientID),
            ("redirect_uri", callbackURL(site: site, request: request)), ("scope", "openid email profile"), ("state", state),
            ("nonce", nonce),
        ]
        let query = parameters.map { name, value in
            name + "=" + (value.addingPercentEncoding(withAllowedCharacters: Self.queryValueCharacters) ?? "")
        }.joined(separator: "&")
        let separator = record.authorizationEndpoint.contains("?") ? "&" : "?"
        return SiteResponse(
            status: 303, headers: ["Location": record.authorizationEndpoint + separator + query, "Cache-Control": "no-store"],
            setCookies: [binding.setCookie(policy: cookies, maxAge: Int(Self.singleSignOnLifetime))])
    }

    private func singleSignOnCallback(_ request: SiteRequest, responder: SiteResponder) -> SiteResponse {
        let site = responder.site
        guard let state = request.form["state"], !state.isEmpty, state.utf8.count <= 200 else {
            return singleSignOnFailure(request, responder: responder, key: "sso.expired", status: 400, reason: "noState")
        }
        // Used once: the request is deleted before anything else is checked.
        let pending: SingleSignOnRequest?
        do {
            pending = try store.write { tx -> SingleSignOnRequest? in
                let id = SingleSignOnRequest.id(state: state)
                guard let found = try tx.value(id) else { return nil }
                try tx.delete(id)
                return found
            }
        } catch {
            return singleSignOnFailure(request, responder: responder, key: "sso.unavailable", status: 503, reason: "store")
        }
        let now = clock.now()
        guard let pending, pending.siteID == site.id, pending.expiresAt > now else {
            return singleSignOnFailure(request, responder: responder, key: "sso.expired", status: 400, reason: "unknownState")
        }
        // Only the browser that started the sign-in may finish it (no login CSRF). Its cookie is
        // left alone when it does not match: it may belong to a sign-in of its own still under way.
        guard let binding = SingleSignOnBrowserBinding.carried(in: request.cookies, policy: cookies), binding.matches(pending.browserBinding) else {
            return singleSignOnFailure(request, responder: responder, key: "sso.otherBrowser", status: 403, reason: "browserMismatch")
        }
        let cleared = SingleSignOnBrowserBinding.clearedCookie(policy: cookies)
        var response = finishSingleSignOn(request, pending: pending, responder: responder, at: now)
        response.setCookies.append(cleared)
        return response
    }

    /// The rest of the callback, once the request is known to be this browser's: the provider's
    /// answer, the token, the user and the session.
    private func finishSingleSignOn(_ request: SiteRequest, pending: SingleSignOnRequest, responder: SiteResponder, at now: Date) -> SiteResponse {
        let site = responder.site
        if request.form["error"] != nil {
            return singleSignOnFailure(request, responder: responder, key: "sso.refused", status: 403, reason: "providerError")
        }
        let record: OpenIDProviderRecord?
        do {
            record = try SingleSignOnDirectory.records(of: site.id, in: store).first { $0.key == pending.providerKey }
        } catch {
            return singleSignOnFailure(request, responder: responder, key: "sso.unavailable", status: 503, reason: "store")
        }
        guard let record else {
            return singleSignOnFailure(request, responder: responder, key: "sso.unknownProvider", status: 404, reason: "unknownProvider")
        }
        let claims: IDTokenClaims
        do {
            claims = try verifiedClaims(request.form["id_token"] ?? "", record: record, nonce: pending.nonce, at: now)
        } catch {
            return singleSignOnFailure(request, responder: responder, key: "sso.rejected", status: 401, reason: "\(error)")
        }
        guard let entry = signIn(forSite: site.id) else {
            return singleSignOnFailure(request, responder: responder, key: "sso.unavailable", status: 503, reason: "noSignIn")
        }
        let issued: IssuedSession
        do {
            let federated = FederatedSignIn(store: store, clock: clock, providers: [IdentityProvider(issuer: record.issuer, mapping: record.mapping)])
            let result = try federated.signIn(FederatedAssertion(claims: claims), site: site.id)
            issued = try identity.signInAuthenticated(result.userID, site: entry.signInSite, clientAddress: request.clientAddress ?? "unknown")
        } catch let error as SingleSignOnError {
            return singleSignOnFailure(request, responder: responder, key: "sso.refused", status: 403, reason: "\(error)")
        } catch IdentityError.invalidCredentials {
            return singleSignOnFailure(request, responder: responder, key: "sso.refused", status: 403, reason: "notAMember")
        } catch {
            return singleSignOnFailure(request, responder: responder, key: "sso.unavailable", status: 503, reason: "\(type(of: error))")
        }
        // A new session replaces the one the browser held (no session fixation).
        if let token = request.cookies[entry.cookie.name] { try? identity.signOut(token) }
        let target = site.returnTarget(pending.returnPath) ?? site.homeURL
        return SiteResponse(status: 303, headers: ["Location": target.string, "Cache-Control": "no-store"], setCookies: [entry.cookie.setCookie(for: issued)])
    }

    /// The absolute callback URL the provider posts to: on the site's base URL, or, when the
    /// engine serves local development, on the host the request came to.
    private func callbackURL(site: Site, request: SiteRequest) -> String {
        let path = site.urlPrefix + "/" + Self.singleSignOnSegment + "/callback"
        if !cookies.secure, let host = request.header("host"), !host.isEmpty,
           host.unicodeScalars.allSatisfy({ CharacterSet.urlHostAllowed.contains($0) }) {
            return "http://" + host + path
        }
        return site.baseURL + path
    }

    /// The sign-in page with a translated message and a 4xx or 503 status; the reason goes to the log only.
    private func singleSignOnFailure(_ request: SiteRequest, responder: SiteResponder, key: UIStringKey, status: Int, reason: String) -> SiteResponse {
        logger.log(LogEvent(.warning, "sso.failed", "a single sign-on was refused", metadata: [
            "site": .text(responder.site.id), "reason": .text(reason), "status": .integer(Int64(status)),
        ]))
        let strings = services.get(UIStrings.self) ?? .standard
        let message = strings.text(key, locale: responder.locale(for: request))
        guard let login = responder.site.url(ofPageContaining: SignInComponent.type) else {
            return SiteResponse(status: status, headers: ["Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store"], body: message)
        }
        return responder.page(request, path: login.string, form: FormState(action: SignInComponent.action, values: [:], errors: ["": message]), status: status)
    }

    private static func methodNotAllowed(_ allow: String) -> SiteResponse {
        SiteResponse(status: 405, headers: ["Allow": allow, "Content-Type": "text/plain; charset=utf-8"], body: "Method Not Allowed")
    }

    private static let queryValueCharacters = CharacterSet(
        charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")
}
