/// The request line and header fields of one request, parsed and checked; the body follows.
struct RequestHead: Sendable, Hashable {
    var method: HTTPMethod
    var target: String
    var encodedPath: String
    var path: String
    var query: [String: String]
    var isHTTP11: Bool
    var headers: HTTPHeaders
    /// The body length from `Content-Length` (0 without one).
    var contentLength: Int
    /// Whether the client waits for `100 Continue` before sending the body.
    var expectsContinue: Bool
}
