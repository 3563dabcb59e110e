import CommunityModel
public import CommunityRendering
import CommunityIdentity
import Foundation

/// The headless JSON API, served under each site at `<prefix>/api/v1/` by the same ``handle(_:)``
/// as the pages. Every request acts as its viewer — the session cookie's user, a bearer token's
/// user, or the site's guest — with the same access, field-level security and moderation.
extension Community {
    /// The API's root path of a site (`/partners/api/v1`).
    public static func apiPath(of site: Site) -> String { site.urlPrefix + "/api/v1" }

    /// The OpenAPI 3.1 document of a site's API (what `<prefix>/api/v1/openapi.json` serves).
    public func openAPIDocument(forSite id: String) -> JSONValue? {
        guard let site = site(id)?.site else { return nil }
        return OpenAPIDocument.document(
            router: api.router, schemas: APIResources.schemas, serverURL: Self.apiPath(of: site), title: site.name + " API",
            sessionCookie: signIn(forSite: id)?.cookie.name ?? "session")
    }

    /// Answers a request under `<prefix>/api/v1`, or `nil` when the path is not the API's.
    func apiResponse(_ request: SiteRequest, responder: SiteResponder) -> SiteResponse? {
        let root = Self.apiPath(of: responder.site)
        guard request.path == root || request.path.hasPrefix(root + "/") else { return nil }
        let relative = String(request.path.dropFirst(root.count))
        let cors = corsHeaders(request, site: responder.site)
        var response = apiDispatch(request, relative: relative.isEmpty ? "/" : relative, responder: responder, cors: cors)
        for (name, value) in cors { response.headers[name] = value }
        response.headers["Cache-Control"] = response.headers["Cache-Control"] ?? "no-store"
        response.headers["X-Content-Type-Options"] = "nosniff"
        if request.method == .head {
            response.body = ""
            if response.bodyBytes != nil { response.bodyBytes = [] }
        }
        return response
    }

    private func apiDispatch(_ request: SiteRequest, relative: String, responder: SiteResponder, cors: [String: String]) -> SiteResponse {
        let site = responder.site
        if request.method == .options {
            guard request.header("origin") != nil else { return Self.problemResponse(.methodNotAllowed(api.router.methods(for: relative) + ["OPTIONS"])) }
            guard !cors.isEmpty else { return Self.problemResponse(.forbidden("This origin may not call the API of \(site.id).")) }
            let methods = api.router.methods(for: relative)
            guard !methods.isEmpty else { return Self.problemResponse(.notFound("No API resource at \(relative).")) }
            return SiteResponse(status: 204, headers: [
                "Access-Control-Allow-Methods": (methods + ["OPTIONS"]).joined(separator: ", "),
                "Access-Control-Allow-Headers": "Authorization, Content-Type, If-Match, Idempotency-Key, X-CSRF-Token",
                "Access-Control-Max-Age": "600",
            ])
        }
        if relative == "/openapi.json" {
            guard request.method == .get || request.method == .head else { return Self.problemResponse(.methodNotAllowed(["GET", "HEAD"])) }
            return Self.jsonResponse(APIReply(openAPIDocument(forSite: site.id) ?? .null))
        }
        if relative == "/oauth/token" {
            guard request.method == .post else { return Self.problemResponse(.methodNotAllowed(["POST"])) }
            return clientCredentialsGrant(request, site: site)
        }
        do {
            try (site.limits ?? .standard).check(SiteRequest(request.method, request.path, query: request.query))
        } catch {
            return Self.problemResponse(.invalidRequest(error.description))
        }
        let endpoint: APIEndpoint, parameters: [String: String]
        switch api.router.match(request.method, relative) {
        case .endpoint(let e, let p): (endpoint, parameters) = (e, p)
        case .wrongMethod(let allowed): return Self.problemResponse(.methodNotAllowed(allowed))
        case .none: return Self.problemResponse(.notFound("No API resource at \(String(relative.prefix(200)))."))
        }
        do {
            let (viewer, principal) = try authenticate(request, site: site)
            try checkRateLimits(request, viewer: viewer, principal: principal)
            if let scope = endpoint.scope, !scope.isGranted(by: principal.scopes) { throw APIProblem.missingScope(scope) }
            if !endpoint.allowsGuest, viewer.isGuest {
                if principal == .guest { throw APIProblem.unauthenticated("Sign in or send a bearer token.", reason: "missing") }
                throw APIProblem.forbidden("The site's guest may not call \(endpoint.operationID).")
            }
            if principal == .session, !(request.method == .get || request.method == .head) {
                guard Self.isSameOrigin(request, site: site) || !cors.isEmpty else { throw APIProblem.forbidden("The request did not come from this site.") }
                guard csrf.verify(request.header("x-csrf-token"), for: viewer, site: site.id, at: clock.now()) else { throw APIProblem.csrfRequired() }
            }
            try validateParameters(endpoint, parameters: parameters, query: request.query)
            let body = try decodeBody(endpoint, request: request, site: site)
            let context = APIContext(
                community: self, site: responder, viewer: viewer, principal: principal, request: request, pathParameters: parameters, body: body)
            if request.method == .post, let key = request.header("idempotency-key") {
                return try idempotent(key, request: request, viewer: viewer, principal: principal, endpoint: endpoint) {
                    try run(endpoint, context)
                }
            }
            return try run(endpoint, context)
        } catch {
            let problem = APIProblem.from(error)
            if problem.status >= 500 {
                logger.log(LogEvent(.error, "api.failed", "an API request failed", metadata: [
                    "site": .text(site.id), "operation": .text(endpoint.operationID), "error": .text("\(type(of: error))"),
                ]))
            }
            return Self.problemResponse(problem)
        }
    }

    private func run(_ endpoint: APIEndpoint, _ context: APIContext) throws -> SiteResponse {
        let reply = try endpoint.handler(context)
        return Self.jsonResponse(reply)
    }

    // MARK: Authentication

    /// The viewer a request acts as and how it was authenticated: a bearer token (its user;
    /// the site's guest user stays a guest), else the viewer ``handle(_:)`` resolved from the
    /// session cookie, else the guest.
    func authenticate(_ request: SiteRequest, site: Site) throws(APIProblem) -> (Viewer, APIPrincipal) {
        if let header = request.header("authorization") {
            let parts = header.split(separator: " ", maxSplits: 1)
            guard parts.count == 2, parts[0].lowercased() == "bearer" else {
                throw .unauthenticated("The Authorization header must be 'Bearer <token>'.", reason: "malformed")
            }
            let token = try activeToken(String(parts[1]).trimmingCharacters(in: .whitespaces))
            let viewer: Viewer
            if token.userID == site.guestUserID {
                viewer = guestViewer(token.userID, sessionID: "")
            } else {
                viewer = self.viewer(token.userID)
                guard viewer.user != nil else { throw .unauthenticated("The token's user is no longer active.", reason: "inactive-user") }
                guard site.isMember(viewer) else { throw .forbidden("The token's user is not a member of \(site.id).") }
            }
            return (viewer, .token(id: token.id.rawValue, scopes: token.scopes))
        }
        if let user = request.viewer.user, user.kind != .guest { return (request.viewer, .session) }
        return (request.viewer, .guest)
    }

    private func checkRateLimits(_ request: SiteRequest, viewer: Viewer, principal: APIPrincipal) throws(APIProblem) {
        let now = clock.now()
        let configuration = api.configuration
        if case .token(let id, _) = principal, let wait = api.limiter.admit("token:" + id, limit: configuration.requestsPerToken, at: now) {
            throw .rateLimited(retryAfter: wait, limit: configuration.requestsPerToken, scope: "token")
        }
        let userKey = viewer.user.map { "user:" + $0.id.rawValue + (viewer.isGuest ? "@" + (request.clientAddress ?? "-") : "") }
            ?? "address:" + (request.clientAddress ?? "-")
        if let wait = api.limiter.admit(userKey, limit: configuration.requestsPerUser, at: now) {
            throw .rateLimited(retryAfter: wait, limit: configuration.requestsPerUser, scope: "user")
        }
    }

    // MARK: Input

    private func validateParameters(_ endpoint: APIEndpoint, parameters: [String: String], query: [String: String]) throws(APIProblem) {
        var issues: [APIProblem.InvalidField] = []
        let declared = Set(endpoint.parameters.filter { $0.location == .query }.map(\.name))
        for name in query.keys.sorted() where !declared.contains(name) {
            issues.append(.init(String(name.prefix(80)), "is not a parameter of this endpoint"))
        }
        for parameter in endpoint.parameters where parameter.location != .header {
            let raw = parameter.location == .path ? parameters[parameter.name] : query[parameter.name]
            guard let raw else {
                if parameter.required { issues.append(.init(parameter.name, "is required")) }
                continue
            }
            let value: JSONValue
            if case .integer = parameter.schema {
                guard raw.utf8.count <= 18, let n = Int(raw) else {
                    issues.append(.init(parameter.name, "expected an integer"))
                    continue
                }
                value = .number(Double(n))
            } else {
                value = .string(raw)
            }
            parameter.schema.validate(value, at: parameter.name, into: &issues)
        }
        guard issues.isEmpty else { throw .invalidRequest("A parameter is not valid.", fields: issues) }
    }

    private func decodeBody(_ endpoint: APIEndpoint, request: SiteRequest, site: Site) throws(APIProblem) -> JSONValue {
        let limits = site.limits ?? .standard
        var limit = min(api.configuration.maxBodyBytes, limits.maxBodyBytes)
        if endpoint.carriesFile { limit = APIResources.adding(limit, APIResources.base64Length(of: limits.maxUploadBytes)) }
        let size = max(request.body.count, request.bodyByteCount ?? 0)
        if size > limit { throw .bodyTooLarge(size, limit: limit) }
        guard let schema = endpoint.body else {
            guard request.body.isEmpty else { throw .invalidRequest("This endpoint takes no body.", fields: [.init("body", "must be empty")]) }
            return .null
        }
        let contentType = request.header("content-type")
        let media = contentType?.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        guard media == "application/json" else { throw .unsupportedMediaType(contentType) }
        return try Self.parseJSON(request.body, schema: schema)
    }

    /// Parses and validates a JSON body: malformed JSON, nesting deeper than
    /// ``APISchema/maximumDepth``, wrong types, unknown members and values over their limits are
    /// each a 400 problem naming the fields.
    static func parseJSON(_ bytes: [UInt8], schema: APISchema) throws(APIProblem) -> JSONValue {
        guard !bytes.isEmpty else { throw .invalidRequest("The body is empty; send a JSON object.", fields: [.init("body", "is required")]) }
        guard String(validating: bytes, as: UTF8.self) != nil else { throw .invalidRequest("The body is not UTF-8.", fields: [.init("body", "is not UTF-8")]) }
        var depth = 0, deepest = 0, inString = false, escaped = false
        for byte in bytes {
            if inString {
                if escaped { escaped = false } else if byte == 0x5C { escaped = true } else if byte == 0x22 { inString = false }
                continue
            }
            switch byte {
            case 0x22: inString = true
            case 0x7B, 0x5B: depth += 1; deepest = max(deepest, depth)
            case 0x7D, 0x5D: depth -= 1
            default: break
            }
        }
        guard deepest <= APISchema.maximumDepth else {
            throw .invalidRequest("The body nests \(deepest) levels; at most \(APISchema.maximumDepth) are accepted.", fields: [.init("body", "nested too deeply")])
        }
        let value: JSONValue
        do {
            value = try JSONDecoder().decode(JSONValue.self, from: Data(bytes))
        } catch {
            throw .invalidRequest("The body is not valid JSON.", fields: [.init("body", "malformed JSON")])
        }
        var issues: [APIProblem.InvalidField] = []
        schema.validate(value, at: "", named: APIResources.schemas, into: &issues)
        guard issues.isEmpty else {
            throw .invalidRequest(issues.count == 1 ? "\(issues[0].name.isEmpty ? "The body" : issues[0].name) \(issues[0].reason)." : "\(issues.count) fields are not valid.", fields: issues)
        }
        return value
    }

    // MARK: Idempotency

    private func idempotent(
        _ key: String, request: SiteRequest, viewer: Viewer, principal: APIPrincipal, endpoint: APIEndpoint, _ body: () throws -> SiteResponse
    ) throws -> SiteResponse {
        guard !key.isEmpty, key.utf8.count <= 200, key.unicodeScalars.allSatisfy({ $0.value >= 0x21 && $0.value < 0x7F }) else {
            throw APIProblem.invalidRequest("The Idempotency-Key must be 1 to 200 visible ASCII characters.", fields: [.init("Idempotency-Key", "malformed")])
        }
        let caller: String
        if case .token(let id, _) = principal { caller = "token:" + id } else { caller = "viewer:" + viewer.key + "|" + viewer.sessionID }
        let id = APIIdempotencyRecord.id(caller: caller, operation: endpoint.operationID, path: request.path, key: key)
        let digest = ByteEncoding.hex(Digest.sha256(request.body))
        let now = clock.now()
        let claim = APIIdempotencyRecord(
            id: id, caller: caller, key: key, operation: endpoint.operationID, bodyDigest: digest, createdAt: now,
            expiresAt: now.addingTimeInterval(max(1, api.configuration.idempotencyLifetime)))
        let existing: APIIdempotencyRecord?
        do {
            existing = try store.write { tx -> APIIdempotencyRecord? in
                if let record = try tx.value(id), record.expiresAt > now {
                    // A claim whose request never finished (its host died) is taken over after a minute.
                    if record.isComplete || now.timeIntervalSince(record.createdAt) < Self.abandonedClaimAge || record.bodyDigest != digest { return record }
                }
                try tx.put(claim)
                return nil
            }
        } catch let error as StoreError {
            guard case .conflict = error else { throw error }
            throw APIProblem.conflict("A request with this Idempotency-Key is being processed; retry later.")
        }
        if let existing {
            guard existing.bodyDigest == digest else { throw APIProblem.idempotencyKeyReused(key) }
            guard existing.isComplete else { throw APIProblem.conflict("A request with this Idempotency-Key is being processed; retry later.") }
            var headers = existing.headers
            headers["Idempotent-Replayed"] = "true"
            return SiteResponse(status: existing.status, headers: headers, body: existing.body)
        }
        let response: SiteResponse
        do {
            response = try body()
        } catch {
            // Nothing was written: forget the claim so a retry runs again.
            _ = try? store.write { tx in try tx.delete(id) }
            throw error
        }
        var answer = claim
        answer.isComplete = true
        answer.status = response.status
        answer.headers = response.headers
        answer.body = response.body
        do {
            try store.write { tx in try tx.put(answer) }
        } catch {
            _ = try? store.write { tx in try tx.delete(id) }
            logger.log(LogEvent(.error, "api.idempotency", "an idempotent answer could not be stored", metadata: [
                "operation": .text(endpoint.operationID), "error": .text("\(type(of: error))"),
            ]))
        }
        return response
    }

    /// How long a claim may stay unfinished before another request takes it over, in seconds.
    static let abandonedClaimAge: TimeInterval = 60

    // MARK: CORS

    private func corsHeaders(_ request: SiteRequest, site: Site) -> [String: String] {
        guard let origin = request.header("origin")?.lowercased(), api.configuration.allowedOrigins[site.id]?.contains(origin) == true else { return [:] }
        return [
            "Access-Control-Allow-Origin": origin, "Vary": "Origin",
            "Access-Control-Expose-Headers": "ETag, Retry-After, Location, Idempotent-Replayed",
        ]
    }

    // MARK: Responses

    static func jsonResponse(_ reply: APIReply) -> SiteResponse {
        var headers = reply.headers
        if let etag = reply.etag { headers["ETag"] = etag }
        if let bytes = reply.bytes { return SiteResponse(status: reply.status, headers: headers, bodyBytes: bytes) }
        guard let body = reply.body else { return SiteResponse(status: reply.status, headers: headers) }
        headers["Content-Type"] = "application/json"
        return SiteResponse(status: reply.status, headers: headers, body: encode(body))
    }

    static func problemResponse(_ problem: APIProblem) -> SiteResponse {
        var headers = problem.headers
        headers["Content-Type"] = "application/problem+json"
        return SiteResponse(status: problem.status, headers: headers, body: encode(problem.document))
    }

    static func encode(_ value: JSONValue) -> String { value.compactText ?? "null" }
}
