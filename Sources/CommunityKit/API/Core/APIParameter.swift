/// A path or query parameter of an endpoint, validated against its schema before the handler runs.
public struct APIParameter: Sendable, Hashable {
    /// Where the parameter travels.
    public enum Location: String, Sendable, Hashable {
        /// A `{name}` segment of the path.
        case path
        /// A query parameter.
        case query
        /// A request header.
        case header
    }

    /// The name.
    public var name: String
    /// Where it travels.
    public var location: Location
    /// Its schema (strings and integers).
    public var schema: APISchema
    /// Whether it must be sent (path parameters always must).
    public var required: Bool
    /// What it means.
    public var summary: String

    /// A parameter.
    public init(_ name: String, in location: Location, _ schema: APISchema, required: Bool = false, _ summary: String = "") {
        self.name = name
        self.location = location
        self.schema = schema
        self.required = location == .path || required
        self.summary = summary
    }

    /// A path segment: an identifier of 1 to 200 characters.
    public static func pathID(_ name: String, _ summary: String) -> APIParameter {
        APIParameter(name, in: .path, .string(minLength: 1, maxLength: 200), summary)
    }

    /// The `limit` query parameter (1 to `maximum`).
    public static func limit(_ maximum: Int = 100) -> APIParameter {
        APIParameter("limit", in: .query, .integer(minimum: 1, maximum: maximum), "How many items to return (default 25).")
    }

    /// The `cursor` query parameter.
    public static let cursor = APIParameter("cursor", in: .query, .string(minLength: 1, maxLength: 200), "The `nextCursor` of the previous page.")
}
