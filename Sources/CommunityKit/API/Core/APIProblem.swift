public import CommunityRendering

/// An RFC 9457 problem: what the API answers instead of a result, as
/// `application/problem+json`, with the status, a stable `type`, a human `title` and
/// `detail`, the fields of the typed error (`extensions`) and the names of invalid fields.
///
/// Nothing is written when a problem is answered.
public struct APIProblem: Error, Sendable, Hashable, CustomStringConvertible {
    /// One field of the request that was not acceptable, and why.
    public struct InvalidField: Sendable, Hashable {
        /// The field's name (a JSON pointer-like path: `fields.Budget__c`, `limit`).
        public var name: String
        /// Why it was refused.
        public var reason: String

        /// An invalid field.
        public init(_ name: String, _ reason: String) {
            self.name = name
            self.reason = reason
        }
    }

    /// The HTTP status.
    public var status: Int
    /// A short stable identifier of the kind of problem (`invalid-body`, `missing-scope`); the
    /// document's `type` is `https://communitykit.dev/problems/<kind>`.
    public var kind: String
    /// A short human summary of the kind of problem.
    public var title: String
    /// What went wrong in this request.
    public var detail: String
    /// Fields of the request that were refused.
    public var invalidFields: [InvalidField]
    /// The typed error's own fields (`entity`, `id`, `expected`, `actual`, `scope`, …).
    public var extensions: [String: JSONValue]
    /// Extra response headers (`Retry-After`, `WWW-Authenticate`, `Allow`).
    public var headers: [String: String]

    /// A problem.
    public init(
        status: Int, kind: String, title: String, detail: String, invalidFields: [InvalidField] = [],
        extensions: [String: JSONValue] = [:], headers: [String: String] = [:]
    ) {
        self.status = status
        self.kind = kind
        self.title = title
        self.detail = detail
        self.invalidFields = invalidFields
        self.extensions = extensions
        self.headers = headers
    }

    public var description: String { "\(status) \(kind): \(detail)" }

    /// The base of every problem `type` URI.
    public static let typeBase = "https://communitykit.dev/problems/"

    /// The problem document.
    public var document: JSONValue {
        var object = extensions
        object["type"] = .string(Self.typeBase + kind)
        object["title"] = .string(title)
        object["status"] = .number(Double(status))
        object["detail"] = .string(detail)
        if !invalidFields.isEmpty {
            object["invalidFields"] = .array(invalidFields.map { .object(["name": .string($0.name), "reason": .string($0.reason)]) })
        }
        return .object(object)
    }
}

extension APIProblem {
    /// 400: the body or a parameter is not acceptable (malformed JSON, wrong types, unknown fields, values over limits).
    public static func invalidRequest(_ detail: String, fields: [InvalidField] = []) -> APIProblem {
        APIProblem(status: 400, kind: "invalid-request", title: "The request is not valid", detail: detail, invalidFields: fields)
    }

    /// 400: the cursor was not issued by this API for this listing.
    public static func invalidCursor(_ cursor: String) -> APIProblem {
        APIProblem(
            status: 400, kind: "invalid-cursor", title: "The cursor is not valid",
            detail: "The cursor was not issued for this listing, or has been altered; start again without a cursor.",
            invalidFields: [InvalidField("cursor", "not a cursor of this listing")],
            extensions: ["cursor": .string(String(cursor.prefix(200)))])
    }

    /// 401: no credentials, or credentials that are unknown, expired or revoked.
    public static func unauthenticated(_ detail: String, reason: String) -> APIProblem {
        APIProblem(
            status: 401, kind: "unauthenticated", title: "Authentication is required", detail: detail,
            extensions: ["reason": .string(reason)], headers: ["WWW-Authenticate": "Bearer realm=\"api\", error=\"invalid_token\""])
    }

    /// 403: the token lacks a scope the endpoint needs.
    public static func missingScope(_ scope: APIScope) -> APIProblem {
        APIProblem(
            status: 403, kind: "missing-scope", title: "The token lacks a scope",
            detail: "This endpoint needs the scope \(scope.name), which the token was not granted.",
            extensions: ["scope": .string(scope.name)],
            headers: ["WWW-Authenticate": "Bearer realm=\"api\", error=\"insufficient_scope\", scope=\"\(scope.name)\""])
    }

    /// 403: the viewer may not do this.
    public static func forbidden(_ detail: String) -> APIProblem {
        APIProblem(status: 403, kind: "forbidden", title: "Not allowed", detail: detail)
    }

    /// 403: a cookie-authenticated unsafe request without a valid CSRF token.
    public static func csrfRequired() -> APIProblem {
        APIProblem(
            status: 403, kind: "csrf-required", title: "A CSRF token is required",
            detail: "Requests authenticated by the session cookie must send the X-CSRF-Token header (GET /api/v1/me returns one).")
    }

    /// 404: nothing there, or nothing the viewer may see.
    public static func notFound(_ detail: String) -> APIProblem {
        APIProblem(status: 404, kind: "not-found", title: "Not found", detail: detail)
    }

    /// 405: the path exists, the method does not.
    public static func methodNotAllowed(_ allowed: [String]) -> APIProblem {
        APIProblem(
            status: 405, kind: "method-not-allowed", title: "Method not allowed",
            detail: "This path accepts \(allowed.joined(separator: ", ")).", headers: ["Allow": allowed.joined(separator: ", ")])
    }

    /// 412: `If-Match` names a version that is no longer current.
    public static func preconditionFailed(entity: String, id: String, expected: String, actual: Int) -> APIProblem {
        APIProblem(
            status: 412, kind: "precondition-failed", title: "The resource has changed",
            detail: "\(entity) \(id) is at version \(actual); the request expected \(expected). Read it again and retry.",
            extensions: ["entity": .string(entity), "id": .string(id), "expected": .string(expected), "actual": .number(Double(actual))])
    }

    /// 409: a write conflicted with another.
    public static func conflict(_ detail: String) -> APIProblem {
        APIProblem(status: 409, kind: "conflict", title: "Conflict", detail: detail)
    }

    /// 413: the body is larger than the API accepts.
    public static func bodyTooLarge(_ size: Int, limit: Int) -> APIProblem {
        APIProblem(
            status: 413, kind: "body-too-large", title: "The request body is too large",
            detail: "The body has \(size) bytes; at most \(limit) are accepted.",
            extensions: ["size": .number(Double(size)), "limit": .number(Double(limit))])
    }

    /// 415: the body is not JSON.
    public static func unsupportedMediaType(_ given: String?) -> APIProblem {
        APIProblem(
            status: 415, kind: "unsupported-media-type", title: "The body must be JSON",
            detail: "Send the body as application/json (got \(given.map { "'\(String($0.prefix(100)))'" } ?? "no Content-Type")).")
    }

    /// 422: the request is well formed but the service refused it (a validation rule).
    public static func unprocessable(_ detail: String, fields: [InvalidField] = [], extensions: [String: JSONValue] = [:]) -> APIProblem {
        APIProblem(status: 422, kind: "unprocessable", title: "The request was refused", detail: detail, invalidFields: fields, extensions: extensions)
    }

    /// 422: an `Idempotency-Key` reused with a different body.
    public static func idempotencyKeyReused(_ key: String) -> APIProblem {
        APIProblem(
            status: 422, kind: "idempotency-key-reused", title: "The idempotency key was used for another request",
            detail: "The Idempotency-Key was first sent with a different body; use a new key for a new request.",
            invalidFields: [InvalidField("Idempotency-Key", "already used with a different body")],
            extensions: ["idempotencyKey": .string(String(key.prefix(100)))])
    }

    /// 429: a rate limit was passed.
    public static func rateLimited(retryAfter seconds: Int, limit: Int, scope: String) -> APIProblem {
        APIProblem(
            status: 429, kind: "rate-limited", title: "Too many requests",
            detail: "More than \(limit) requests per window for this \(scope); retry after \(seconds) s.",
            extensions: ["retryAfter": .number(Double(seconds)), "limit": .number(Double(limit)), "limitedBy": .string(scope)],
            headers: ["Retry-After": String(seconds)])
    }

    /// 500: something failed that the client cannot fix (logged; no internals in the answer).
    public static func internalError() -> APIProblem {
        APIProblem(status: 500, kind: "internal", title: "Internal error", detail: "The request failed on the server; it was logged.")
    }
}
