public import CommunityRendering

/// What a handler answers: a status, a JSON body and an entity tag.
public struct APIReply: Sendable, Hashable {
    /// The status (200, 201, 204).
    public var status: Int
    /// The JSON body, or `nil` for none.
    public var body: JSONValue?
    /// The entity tag, from the store version of what the body shows.
    public var etag: String?
    /// Extra headers (`Location`).
    public var headers: [String: String]

    /// A reply.
    public init(status: Int = 200, _ body: JSONValue?, etag: String? = nil, headers: [String: String] = [:]) {
        self.status = status
        self.body = body
        self.etag = etag
        self.headers = headers
    }

    /// The entity tag of a stored version (`"7"`).
    public static func etag(version: Int) -> String { "\"\(version)\"" }
}
