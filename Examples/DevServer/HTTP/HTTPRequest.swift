/// A request parsed into typed values: every part has been checked and decoded.
public struct HTTPRequest: Sendable, Hashable {
    /// The method.
    public var method: HTTPMethod
    /// The target exactly as sent (origin-form: path and optional query, percent-encoded).
    public var target: String
    /// The path part of the target as sent, still percent-encoded (known to decode).
    public var encodedPath: String
    /// The path, percent-decoded (valid UTF-8).
    public var path: String
    /// Query parameters, percent-decoded, `+` read as a space; the first of a repeated name wins.
    public var query: [String: String]
    /// Whether the client spoke HTTP/1.1 (otherwise HTTP/1.0).
    public var isHTTP11: Bool
    /// The header fields.
    public var headers: HTTPHeaders
    /// Cookies from the `Cookie` header; malformed pieces are left out.
    public var cookies: [String: String]
    /// The body bytes (empty without `Content-Length`).
    public var body: [UInt8]
    /// Fields of an `application/x-www-form-urlencoded` body, decoded like the query.
    public var form: [String: String]
    /// The client's address (`127.0.0.1`), when known.
    public var clientAddress: String?

    /// A request (the server builds these; tests may too).
    public init(
        method: HTTPMethod, target: String, encodedPath: String, path: String, query: [String: String] = [:],
        isHTTP11: Bool = true, headers: HTTPHeaders = HTTPHeaders(), cookies: [String: String] = [:], body: [UInt8] = [],
        form: [String: String] = [:], clientAddress: String? = nil
    ) {
        self.method = method
        self.target = target
        self.encodedPath = encodedPath
        self.path = path
        self.query = query
        self.isHTTP11 = isHTTP11
        self.headers = headers
        self.cookies = cookies
        self.body = body
        self.form = form
        self.clientAddress = clientAddress
    }

    /// Whether the client wants the connection kept open after this request
    /// (HTTP/1.1 unless `Connection: close`; HTTP/1.0 only with `Connection: keep-alive`).
    public var wantsKeepAlive: Bool {
        let tokens = headers.values("Connection").flatMap { $0.split(separator: ",") }
            .map { $0.trimmingSpaces().lowercased() }
        if tokens.contains("close") { return false }
        return isHTTP11 || tokens.contains("keep-alive")
    }
}

extension Substring {
    func trimmingSpaces() -> String {
        var s = self[...]
        while let first = s.first, first == " " || first == "\t" { s = s.dropFirst() }
        while let last = s.last, last == " " || last == "\t" { s = s.dropLast() }
        return String(s)
    }
}
