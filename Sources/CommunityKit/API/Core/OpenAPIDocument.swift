public import CommunityRendering

/// The OpenAPI 3.1 document of an ``APIRouter``, generated from the same endpoint values the
/// router dispatches on, served at `<prefix>/api/v1/openapi.json`.
public enum OpenAPIDocument {
    /// The problem-details schema every error answers with.
    static let problemSchema = APISchema.object([
        APIProperty("type", .string(maxLength: 200), required: true),
        APIProperty("title", .string(maxLength: 200), required: true),
        APIProperty("status", .integer(minimum: 100, maximum: 599), required: true),
        APIProperty("detail", .string(maxLength: 2000), required: true),
        APIProperty("invalidFields", .array(.object([
            APIProperty("name", .string(maxLength: 200), required: true),
            APIProperty("reason", .string(maxLength: 500), required: true),
        ]), maxItems: 100)),
    ])

    /// The document for a site's API at `serverURL` (`/partners/api/v1`).
    public static func document(
        router: APIRouter, schemas: [String: APISchema], serverURL: String, title: String, sessionCookie: String
    ) -> JSONValue {
        var paths: [String: [String: JSONValue]] = [:]
        for endpoint in router.endpoints {
            paths[endpoint.path, default: [:]][endpoint.method.rawValue.lowercased()] = operation(endpoint)
        }
        var componentSchemas = schemas.mapValues { $0.openAPI(closed: false) }
        componentSchemas["Problem"] = problemSchema.openAPI(closed: false)
        let scopes = JSONValue.object(Dictionary(uniqueKeysWithValues: APIScope.all.sorted().map {
            ($0.name, JSONValue.string("\($0.access == .read ? "Read" : "Write") \($0.area.rawValue)"))
        }))
        return .object([
            "openapi": .string("3.1.0"),
            "info": .object([
                "title": .string(title),
                "version": .string("1"),
                "description": .string("The CommunityKit JSON API. Every request acts as the authenticated viewer, with the same access, field-level security and moderation as the site's pages. Errors are RFC 9457 problem details."),
            ]),
            "servers": .array([.object(["url": .string(serverURL)])]),
            "paths": .object(paths.mapValues { .object($0) }),
            "components": .object([
                "schemas": .object(componentSchemas),
                "securitySchemes": .object([
                    "bearer": .object([
                        "type": .string("http"), "scheme": .string("bearer"),
                        "description": .string("A personal access token or a client-credentials token."),
                    ]),
                    "oauth": .object([
                        "type": .string("oauth2"),
                        "flows": .object(["clientCredentials": .object(["tokenUrl": .string(serverURL + "/oauth/token"), "scopes": scopes])]),
                    ]),
                    "session": .object([
                        "type": .string("apiKey"), "in": .string("cookie"), "name": .string(sessionCookie),
                        "description": .string("The site's session cookie; unsafe methods also need the X-CSRF-Token header (GET /me returns it)."),
                    ]),
                ]),
            ]),
        ])
    }

    private static func operation(_ endpoint: APIEndpoint) -> JSONValue {
        var operation: [String: JSONValue] = [
            "operationId": .string(endpoint.operationID),
            "summary": .string(endpoint.summary),
            "tags": .array([.string(endpoint.tag)]),
        ]
        var parameters = endpoint.parameters.map { parameter -> JSONValue in
            var p: [String: JSONValue] = [
                "name": .string(parameter.name), "in": .string(parameter.location.rawValue),
                "required": .bool(parameter.required), "schema": parameter.schema.openAPI(closed: true),
            ]
            if !parameter.summary.isEmpty { p["description"] = .string(parameter.summary) }
            return .object(p)
        }
        if endpoint.method == .post {
            parameters.append(.object([
                "name": .string("Idempotency-Key"), "in": .string("header"), "required": .bool(false),
                "schema": .object(["type": .string("string"), "pattern": .string("^[!-~]{1,200}$")]),
                "description": .string("Replays the first answer when the same key and body are sent again; a different body gets 422."),
            ]))
        }
        if endpoint.method == .put || endpoint.method == .patch || endpoint.method == .delete {
            parameters.append(.object([
                "name": .string("If-Match"), "in": .string("header"), "required": .bool(false),
                "schema": .object(["type": .string("string"), "maxLength": .number(200)]),
                "description": .string("The ETag last read; a stale one answers 412."),
            ]))
        }
        if !parameters.isEmpty { operation["parameters"] = .array(parameters) }
        if let body = endpoint.body {
            operation["requestBody"] = .object([
                "required": .bool(true),
                "content": .object(["application/json": .object(["schema": body.openAPI(closed: true)])]),
            ])
        }
        var responses: [String: JSONValue] = [:]
        if let response = endpoint.response {
            var success: [String: JSONValue] = [
                "description": .string("Success"),
                "content": .object(["application/json": .object(["schema": response.openAPI(closed: false)])]),
            ]
            if endpoint.method == .get || endpoint.method == .put || endpoint.method == .patch {
                success["headers"] = .object(["ETag": .object(["schema": .object(["type": .string("string")])])])
            }
            responses[String(endpoint.status)] = .object(success)
        } else if endpoint.binaryResponse {
            responses[String(endpoint.status)] = .object([
                "description": .string("The file, in the media type it was stored with"),
                "content": .object(["*/*": .object(["schema": .object(["type": .string("string"), "format": .string("binary")])])]),
                "headers": .object(["Content-Disposition": .object(["schema": .object(["type": .string("string")])])]),
            ])
        } else {
            responses[String(endpoint.status)] = .object(["description": .string("Done")])
        }
        let problem = JSONValue.object(["application/problem+json": .object(["schema": .object(["$ref": .string("#/components/schemas/Problem")])])])
        var statuses = [400, 401, 403, 404, 429]
        if endpoint.body != nil { statuses += [413, 415, 422] }
        if endpoint.method == .post { statuses += [409, 422] }
        if endpoint.method == .put || endpoint.method == .patch || endpoint.method == .delete { statuses += [409, 412, 422] }
        for status in Set(statuses).sorted() {
            responses[String(status)] = .object(["description": .string("Problem"), "content": problem])
        }
        // The host's HTTP server may refuse a malformed request (a header that is not UTF-8, an
        // unknown method) before the API sees it, in its own format.
        let front = JSONValue.object([
            "application/problem+json": .object(["schema": .object(["$ref": .string("#/components/schemas/Problem")])]),
            "text/plain": .object(["schema": .object(["type": .string("string")])]),
        ])
        responses["400"] = .object(["description": .string("Problem (or the host server's plain-text refusal)"), "content": front])
        responses["default"] = .object(["description": .string("Problem"), "content": front])
        operation["responses"] = .object(responses)
        if let scope = endpoint.scope {
            var security: [JSONValue] = [
                .object(["bearer": .array([])]),
                .object(["oauth": .array([.string(scope.name)])]),
                .object(["session": .array([])]),
            ]
            if endpoint.allowsGuest { security.append(.object([:])) }
            operation["security"] = .array(security)
        } else {
            operation["security"] = .array([.object([:])])
        }
        return .object(operation)
    }
}
