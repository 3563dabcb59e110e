/// What the server sends back: a status, header fields and a body.
///
/// The server adds `Content-Length` and `Connection` itself; fields whose name or value
/// holds a line break are dropped rather than sent.
public struct HTTPResponse: Sendable, Hashable {
    /// The status code.
    public var status: Int
    /// Header fields, in order.
    public var headers: [HeaderField]
    /// The body bytes.
    public var body: [UInt8]

    /// One header field.
    public struct HeaderField: Sendable, Hashable {
        /// The field name.
        public var name: String
        /// The field value.
        public var value: String

        /// A field.
        public init(_ name: String, _ value: String) {
            self.name = name
            self.value = value
        }
    }

    /// A response with a byte body.
    public init(status: Int, headers: [HeaderField] = [], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// A response with a text body.
    public init(status: Int, headers: [HeaderField] = [], text: String) {
        self.init(status: status, headers: headers, body: Array(text.utf8))
    }

    /// A plain-text response (`text/plain; charset=utf-8`).
    public static func plain(_ status: Int, _ text: String) -> HTTPResponse {
        HTTPResponse(status: status, headers: [HeaderField("Content-Type", "text/plain; charset=utf-8")], text: text + "\n")
    }

    /// The response's bytes on the wire, with `Content-Length` and `Connection` set, and no
    /// body when `omitBody` (a HEAD request).
    func serialized(keepAlive: Bool, omitBody: Bool) -> [UInt8] {
        var head = "HTTP/1.1 \(status) \(HTTPResponse.reasonPhrase(status))\r\n"
        for field in headers {
            let lower = field.name.lowercased()
            guard lower != "content-length", lower != "connection", lower != "transfer-encoding",
                  !field.name.isEmpty, Self.isSafe(field.name), Self.isSafe(field.value) else { continue }
            head += field.name + ": " + field.value + "\r\n"
        }
        head += "Content-Length: \(body.count)\r\n"
        head += keepAlive ? "Connection: keep-alive\r\n\r\n" : "Connection: close\r\n\r\n"
        var out = Array(head.utf8)
        if !omitBody { out += body }
        return out
    }

    private static func isSafe(_ text: String) -> Bool {
        !text.utf8.contains { $0 == 13 || $0 == 10 || $0 == 0 }
    }

    /// The standard reason phrase of a status code.
    public static func reasonPhrase(_ status: Int) -> String {
        switch status {
        case 100: "Continue"
        case 200: "OK"
        case 201: "Created"
        case 204: "No Content"
        case 301: "Moved Permanently"
        case 302: "Found"
        case 303: "See Other"
        case 304: "Not Modified"
        case 307: "Temporary Redirect"
        case 308: "Permanent Redirect"
        case 400: "Bad Request"
        case 401: "Unauthorized"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 405: "Method Not Allowed"
        case 408: "Request Timeout"
        case 411: "Length Required"
        case 413: "Content Too Large"
        case 414: "URI Too Long"
        case 415: "Unsupported Media Type"
        case 422: "Unprocessable Content"
        case 429: "Too Many Requests"
        case 431: "Request Header Fields Too Large"
        case 500: "Internal Server Error"
        case 501: "Not Implemented"
        case 503: "Service Unavailable"
        case 505: "HTTP Version Not Supported"
        default: "Status"
        }
    }
}
