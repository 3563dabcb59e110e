/// What a site answers: a status, headers and a body.
public struct SiteResponse: Sendable, Hashable {
    /// The HTTP status code.
    public var status: Int
    /// Response headers.
    public var headers: [String: String]
    /// The body (HTML, XML or text).
    public var body: String

    /// A response.
    public init(status: Int, headers: [String: String] = [:], body: String = "") {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// The `Location` header of a redirect.
    public var location: String? { headers["Location"] }
}
