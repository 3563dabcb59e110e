public import CommunityRendering

/// One operation of the JSON API: its method and path template, the scope a token needs, its
/// parameters and body schema, what it answers, and the handler. ``APIRouter`` dispatches on
/// these values and ``OpenAPIDocument`` is generated from them, so the two cannot drift.
public struct APIEndpoint: Sendable {
    /// Runs the operation for a request whose parameters and body have been validated.
    public typealias Handler = @Sendable (APIContext) throws -> APIReply

    /// A unique name (`listRecords`), the OpenAPI `operationId`.
    public var operationID: String
    /// The method.
    public var method: SiteRequest.Method
    /// The path under `<prefix>/api/v1`, with `{name}` segments (`/records/{object}/{id}`).
    public var path: String
    /// One line on what it does.
    public var summary: String
    /// The OpenAPI tag (`records`, `cases`).
    public var tag: String
    /// The scope a bearer token needs; `nil` when any authenticated caller may call it.
    public var scope: APIScope?
    /// Path and query parameters.
    public var parameters: [APIParameter]
    /// The request body's schema (JSON), or `nil` for none.
    public var body: APISchema?
    /// The success status.
    public var status: Int
    /// The success body's schema, or `nil` for an empty body (204).
    public var response: APISchema?
    /// Whether the endpoint may be called without any credentials (as the site's guest).
    public var allowsGuest: Bool
    /// Whether the body carries a base64 file: its size limit is the API's plus the site's
    /// `maxUploadBytes` in base64.
    public var carriesFile: Bool
    /// Whether the success body is a file in its own media type (a download) instead of JSON.
    public var binaryResponse: Bool
    /// The handler.
    public var handler: Handler

    /// An endpoint.
    public init(
        _ operationID: String, _ method: SiteRequest.Method, _ path: String, summary: String, tag: String, scope: APIScope?,
        parameters: [APIParameter] = [], body: APISchema? = nil, status: Int = 200, response: APISchema?,
        allowsGuest: Bool = true, carriesFile: Bool = false, binaryResponse: Bool = false, handler: @escaping Handler
    ) {
        self.operationID = operationID
        self.method = method
        self.path = path
        self.summary = summary
        self.tag = tag
        self.scope = scope
        self.parameters = parameters
        self.body = body
        self.status = status
        self.response = response
        self.allowsGuest = allowsGuest
        self.carriesFile = carriesFile
        self.binaryResponse = binaryResponse
        self.handler = handler
    }

    /// The path's segments (`{name}` kept as written).
    var segments: [Substring] { path.split(separator: "/") }
}
