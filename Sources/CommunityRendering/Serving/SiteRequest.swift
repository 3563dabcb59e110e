/// A request to a site, as the host's HTTP server saw it, with the viewer it authenticated.
///
/// The host parses the raw request into these typed values (method, decoded path, query and
/// form fields, cookies, headers); ``SiteResponder/handle(_:)`` then checks them against the
/// site's ``SiteLimits`` before any component or action sees them.
public struct SiteRequest: Sendable, Hashable {
    /// The HTTP method.
    public enum Method: String, Sendable, Hashable {
        /// Reads a page.
        case get = "GET"
        /// Reads headers only.
        case head = "HEAD"
        /// Submits a form action (or creates through the JSON API).
        case post = "POST"
        /// Replaces a resource (JSON API only; pages answer 405).
        case put = "PUT"
        /// Changes part of a resource (JSON API only; pages answer 405).
        case patch = "PATCH"
        /// Deletes a resource (JSON API only; pages answer 405).
        case delete = "DELETE"
        /// Asks which methods and headers a cross-origin request may use (JSON API only; pages answer 405).
        case options = "OPTIONS"

        /// Whether pages and form actions serve this method (GET, HEAD and POST).
        public var isPageMethod: Bool { self == .get || self == .head || self == .post }
    }

    /// The method.
    public var method: Method
    /// The absolute path, without the query (`/partners/leads`).
    public var path: String
    /// Query parameters.
    public var query: [String: String]
    /// Form fields of a POST.
    public var form: [String: String]
    /// Who is asking.
    public var viewer: Viewer
    /// Cookies the client sent, by name.
    public var cookies: [String: String]
    /// Request headers, by lower-case name (`origin`, `accept-language`, `sec-fetch-site`, …).
    public var headers: [String: String]
    /// The client's network address as the host saw it (for per-address limits), if known.
    public var clientAddress: String?
    /// The size of the request body in bytes as received, if the host knows it (checked against
    /// ``SiteLimits/maxBodyBytes``; the form's own size is checked either way).
    public var bodyByteCount: Int?
    /// The raw request body, for a `multipart/form-data` post (`Content-Type` in ``headers``):
    /// ``SiteResponder/handle(_:)`` parses it strictly into ``form`` and ``files``. A host that
    /// parses URL-encoded forms itself may leave it empty.
    public var body: [UInt8]
    /// Files of a `multipart/form-data` post, by field name (filled from ``body`` by the responder).
    public var files: [String: UploadedFile]

    /// A request.
    public init(
        _ method: Method = .get, _ path: String, query: [String: String] = [:], form: [String: String] = [:],
        viewer: Viewer = .guest, cookies: [String: String] = [:], headers: [String: String] = [:],
        clientAddress: String? = nil, bodyByteCount: Int? = nil, body: [UInt8] = []
    ) {
        self.body = body
        self.files = [:]
        self.method = method
        self.path = path
        self.query = query
        self.form = form
        self.viewer = viewer
        self.cookies = cookies
        var lowered: [String: String] = [:]
        for (name, value) in headers { lowered[name.lowercased()] = value }
        self.headers = lowered
        self.clientAddress = clientAddress
        self.bodyByteCount = bodyByteCount
    }

    /// A header's value by case-insensitive name.
    public func header(_ name: String) -> String? { headers[name.lowercased()] ?? headers[name] }
}
