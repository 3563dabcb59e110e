public import CommunityModel
import CommunityRendering
import CommunityIdentity
public import Foundation

/// Bearer tokens of the JSON API: personal access tokens a member creates for themself (the
/// site's `<prefix>/api-tokens` page, or these methods), and OAuth 2.0 client-credentials
/// tokens issued to registered ``APIClient``s. Tokens are random 256-bit secrets; only their
/// SHA-256 is stored. They expire, and they can be revoked.
extension Community {
    /// The prefix of personal access tokens.
    public static let personalTokenPrefix = "ckp_"
    /// The prefix of client-credentials tokens.
    public static let clientTokenPrefix = "ckc_"

    /// Creates a personal access token for a user, acting as them with at most `scopes`.
    ///
    /// - Parameter lifetime: seconds until it expires (the configuration's default when `nil`;
    ///   at most ``APIConfiguration/maxTokenLifetime``).
    /// - Throws: ``APIProblem`` (422) for an inactive user, an empty name or scope list, or a
    ///   lifetime out of range; a store error (nothing is written).
    public func createPersonalAccessToken(
        for user: ID<User>, name: String, scopes: Set<APIScope>, lifetime: TimeInterval? = nil
    ) throws -> IssuedAPIToken {
        let configuration = api.configuration
        let lifetime = lifetime ?? configuration.defaultTokenLifetime
        var issues: [APIProblem.InvalidField] = []
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty || trimmed.count > 100 { issues.append(.init("name", "must have 1 to 100 characters")) }
        if scopes.isEmpty { issues.append(.init("scopes", "choose at least one scope")) }
        if !(lifetime.isFinite && lifetime >= 60 && lifetime <= configuration.maxTokenLifetime) {
            issues.append(.init("lifetime", "must be from 60 seconds to \(Int(configuration.maxTokenLifetime / 86_400)) days"))
        }
        guard access.snapshot.user(user)?.isActive == true else { throw APIProblem.unprocessable("No active user \(user).") }
        guard issues.isEmpty else { throw APIProblem.unprocessable("The token cannot be created.", fields: issues) }
        return try issueToken(kind: .personal, name: trimmed, user: user, client: nil, scopes: scopes, lifetime: lifetime)
    }

    /// A user's tokens (active, expired and revoked), newest first.
    public func apiTokens(of user: ID<User>) throws -> [APIToken] {
        try store.snapshot().query(Query<APIToken>().where("userID", equals: .reference(user.rawValue)))
            .map(\.value).sorted { ($0.createdAt, $0.id.rawValue) > ($1.createdAt, $1.id.rawValue) }
    }

    /// Revokes a token: it stops working at once. Its owner may revoke it, and so may a
    /// holder of ``SystemPermission/manageCommunity``.
    ///
    /// - Throws: ``APIProblem`` 404 for an unknown token or one the user may not revoke.
    public func revokeAPIToken(_ id: ID<APIToken>, by user: ID<User>) throws {
        let isAdmin = access.snapshot.hasPermission(user, .manageCommunity)
        let now = clock.now()
        try store.write { tx in
            guard var token = try tx.value(id), token.userID == user || isAdmin else { throw APIProblem.notFound("No token \(id).") }
            guard token.revokedAt == nil else { return }
            token.revokedAt = now
            try tx.put(token)
        }
    }

    /// Registers an integration for the client-credentials grant, acting as `user` (an
    /// integration user, or a site's guest user for a guest token) with at most `scopes`.
    ///
    /// - Throws: ``APIProblem`` (422) for an unknown user, an empty name or no scopes.
    public func registerAPIClient(name: String, user: ID<User>, scopes: Set<APIScope>) throws -> IssuedAPIClient {
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, trimmed.count <= 100 else { throw APIProblem.unprocessable("A client needs a name of 1 to 100 characters.", fields: [.init("name", "1 to 100 characters")]) }
        guard !scopes.isEmpty else { throw APIProblem.unprocessable("A client needs at least one scope.", fields: [.init("scopes", "choose at least one")]) }
        guard access.snapshot.user(user)?.isActive == true else { throw APIProblem.unprocessable("No active user \(user).") }
        guard let secretBytes = SecureRandom.bytes(32), let idBytes = SecureRandom.bytes(9) else { throw APIProblem.internalError() }
        let secret = "cks_" + ByteEncoding.base64URL(secretBytes)
        let client = APIClient(
            id: ID(sanitizing: "client-" + ByteEncoding.hex(idBytes)), name: trimmed, userID: user,
            secretDigest: Self.digest(secret), scopes: scopes, tokenLifetime: api.configuration.clientTokenLifetime, createdAt: clock.now())
        try store.write { tx in try tx.put(client, expecting: .absent) }
        return IssuedAPIClient(secret: secret, client: client)
    }

    /// Every registered client, oldest first (revoked ones too).
    public func apiClients() throws -> [APIClient] {
        try store.snapshot().all(APIClient.self).map(\.value).sorted { ($0.createdAt, $0.id) < ($1.createdAt, $1.id) }
    }

    /// Revokes a client: it gets no new tokens and the ones it has stop working.
    public func revokeAPIClient(_ id: ID<APIClient>) throws {
        let now = clock.now()
        try store.write { tx in
            guard var client = try tx.value(id) else { throw APIProblem.notFound("No client \(id).") }
            client.revokedAt = client.revokedAt ?? now
            try tx.put(client)
            for token in try tx.query(Query<APIToken>().where("userID", equals: .reference(client.userID.rawValue))).map(\.value)
            where token.clientID == id && token.revokedAt == nil {
                var revoked = token
                revoked.revokedAt = now
                try tx.put(revoked)
            }
        }
    }

    /// Exchanges a client's id and secret for a token (the client-credentials grant). `scopes`
    /// narrows the client's scopes; `nil` asks for all of them.
    ///
    /// - Throws: ``APIProblem`` 401 (`invalid_client`) for an unknown, revoked or wrong
    ///   secret, 400 (`invalid_scope`) for a scope the client was not given.
    public func issueClientToken(clientID: String, secret: String, scopes: Set<APIScope>? = nil) throws -> IssuedAPIToken {
        let invalid = APIProblem(
            status: 401, kind: "invalid-client", title: "Client authentication failed",
            detail: "The client id or secret is wrong, or the client was revoked.", extensions: ["error": .string("invalid_client")],
            headers: ["WWW-Authenticate": "Basic realm=\"api\""])
        guard let id = try? ID<APIClient>(parsing: clientID), let client = try store.snapshot().value(id), client.revokedAt == nil else { throw invalid }
        guard ConstantTime.equals(Array(Self.digest(secret).utf8), Array(client.secretDigest.utf8)) else { throw invalid }
        let granted = scopes ?? client.scopes
        let excess = granted.subtracting(client.scopes)
        guard excess.isEmpty, !granted.isEmpty else {
            throw APIProblem(
                status: 400, kind: "invalid-scope", title: "Scope not allowed",
                detail: "The client may not get \(excess.map(\.name).sorted().joined(separator: " ")).",
                invalidFields: [.init("scope", "not granted to this client")], extensions: ["error": .string("invalid_scope")])
        }
        return try issueToken(kind: .clientCredentials, name: client.name, user: client.userID, client: client.id, scopes: granted, lifetime: client.tokenLifetime)
    }

    private func issueToken(
        kind: APIToken.Kind, name: String, user: ID<User>, client: ID<APIClient>?, scopes: Set<APIScope>, lifetime: TimeInterval
    ) throws -> IssuedAPIToken {
        guard let secret = SecureRandom.bytes(32), let idBytes = SecureRandom.bytes(9) else { throw APIProblem.internalError() }
        let text = (kind == .personal ? Self.personalTokenPrefix : Self.clientTokenPrefix) + ByteEncoding.base64URL(secret)
        let now = clock.now()
        let token = APIToken(
            id: ID(sanitizing: "tok-" + ByteEncoding.hex(idBytes)), kind: kind, name: name, userID: user, clientID: client,
            digest: Self.digest(text), scopes: scopes, createdAt: now, expiresAt: now.addingTimeInterval(lifetime))
        try store.write { tx in try tx.put(token, expecting: .absent) }
        return IssuedAPIToken(text: text, token: token)
    }

    /// The stored token a bearer text names, when it is active.
    ///
    /// - Throws: ``APIProblem`` 401 naming why: unknown, expired or revoked.
    func activeToken(_ text: String) throws(APIProblem) -> APIToken {
        guard text.utf8.count <= 200, text.hasPrefix(Self.personalTokenPrefix) || text.hasPrefix(Self.clientTokenPrefix) else {
            throw .unauthenticated("The bearer token is not one this API issued.", reason: "unknown")
        }
        let digest = Self.digest(text)
        let found: APIToken?
        do {
            found = try store.snapshot().query(Query<APIToken>().where("digest", equals: .text(digest))).first?.value
        } catch {
            throw .internalError()
        }
        guard let token = found else { throw .unauthenticated("The bearer token is not one this API issued.", reason: "unknown") }
        let now = clock.now()
        if token.revokedAt != nil { throw .unauthenticated("The bearer token was revoked.", reason: "revoked") }
        if now >= token.expiresAt { throw .unauthenticated("The bearer token expired.", reason: "expired") }
        if let clientID = token.clientID, (try? store.snapshot().value(clientID))?.revokedAt != nil {
            throw .unauthenticated("The client of this token was revoked.", reason: "revoked")
        }
        return token
    }

    static func digest(_ secret: String) -> String { ByteEncoding.hex(Digest.sha256(Array(secret.utf8))) }

    /// `POST <prefix>/api/v1/oauth/token`: the client-credentials grant (RFC 6749 §4.4), with
    /// the client's id and secret as form fields or HTTP Basic.
    func clientCredentialsGrant(_ request: SiteRequest, site: Site) -> SiteResponse {
        var form = request.form
        if form.isEmpty, !request.body.isEmpty, let text = String(validating: request.body, as: UTF8.self) {
            for pair in text.split(separator: "&") {
                let parts = pair.split(separator: "=", maxSplits: 1).map { String($0).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? "" }
                if parts.count == 2 { form[parts[0]] = parts[1] }
            }
        }
        if let header = request.header("authorization"), header.lowercased().hasPrefix("basic "),
           let decoded = Data(base64Encoded: String(header.dropFirst(6)).trimmingCharacters(in: .whitespaces)),
           let pair = String(data: decoded, encoding: .utf8), let colon = pair.firstIndex(of: ":") {
            form["client_id"] = String(pair[..<colon])
            form["client_secret"] = String(pair[pair.index(after: colon)...])
        }
        do {
            guard form["grant_type"] == "client_credentials" else {
                throw APIProblem(
                    status: 400, kind: "unsupported-grant-type", title: "Unsupported grant type",
                    detail: "Only grant_type=client_credentials is supported.", invalidFields: [.init("grant_type", "must be client_credentials")],
                    extensions: ["error": .string("unsupported_grant_type")])
            }
            guard let id = form["client_id"], let secret = form["client_secret"] else {
                throw APIProblem(
                    status: 401, kind: "invalid-client", title: "Client authentication failed", detail: "Send client_id and client_secret.",
                    extensions: ["error": .string("invalid_client")])
            }
            let scopes = try form["scope"].map { text throws(APIProblem) in try APIScope.parseList(text, field: "scope") }
            let issued = try issueClientToken(clientID: id, secret: secret, scopes: scopes)
            if let user = access.snapshot.user(issued.token.userID), user.id != site.guestUserID, !site.isMember(viewer(user.id)) {
                try revokeAPIToken(issued.token.id, by: user.id)
                throw APIProblem.forbidden("The client's user is not a member of \(site.id).")
            }
            return Self.jsonResponse(APIReply(.object([
                "access_token": .string(issued.text), "token_type": .string("Bearer"),
                "expires_in": .number(issued.token.expiresAt.timeIntervalSince(issued.token.createdAt).rounded()),
                "scope": .string(issued.token.scopeNames.joined(separator: " ")),
            ])))
        } catch {
            return Self.problemResponse(APIProblem.from(error))
        }
    }
}
