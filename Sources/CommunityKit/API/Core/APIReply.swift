public import CommunityRendering

/// What a handler answers: a status, a JSON body and an entity tag.
public struct APIReply: Sendable, Hashable {
    /// The status (200, 201, 204).
    public var status: Int
    /// The JSON body, or `nil` for none.
    public var body: JSONValue?
    /// The entity tag, from the store version of what the body shows.
    public var etag: String?
    /// Extra headers (`Location`; a download's `Content-Type` and `Content-Disposition`).
    public var headers: [String: String]
    /// A download's bytes, sent instead of ``body`` with the type in ``headers``.
    public var bytes: [UInt8]?

    /// A reply.
    public init(status: Int = 200, _ body: JSONValue?, etag: String? = nil, headers: [String: String] = [:]) {
        self.status = status
        self.body = body
        self.etag = etag
        self.headers = headers
        self.bytes = nil
    }

    /// A download: `bytes` with `headers` (which name their type and disposition).
    public static func file(_ bytes: [UInt8], headers: [String: String]) -> APIReply {
        var reply = APIReply(nil, headers: headers)
        reply.bytes = bytes
        return reply
    }

    /// The entity tag of a stored version (`"7"`).
    public static func etag(version: Int) -> String { "\"\(version)\"" }
}
