/// What a site answers: a status, headers, cookies to set and a body.
public struct SiteResponse: Sendable, Hashable {
    /// The HTTP status code.
    public var status: Int
    /// Response headers (one value each; cookies travel in ``setCookies``).
    public var headers: [String: String]
    /// `Set-Cookie` header values, one per cookie, for the host to send as separate headers.
    public var setCookies: [String]
    /// The body (HTML, XML or text).
    public var body: String
    /// A binary body (a downloaded file, an asset); when set, ``body`` is empty and the host
    /// sends these bytes instead.
    public var bodyBytes: [UInt8]?

    /// A response.
    public init(status: Int, headers: [String: String] = [:], setCookies: [String] = [], body: String = "", bodyBytes: [UInt8]? = nil) {
        self.bodyBytes = bodyBytes
        self.status = status
        self.headers = headers
        self.setCookies = setCookies
        self.body = body
    }

    /// The bytes to send: ``bodyBytes`` when set, else ``body`` as UTF-8.
    public var bytesToSend: [UInt8] { bodyBytes ?? Array(body.utf8) }

    /// The `Location` header of a redirect.
    public var location: String? { headers["Location"] }
}
