/// A request that breaks its site's ``SiteLimits``: what was too big, by how much, and the
/// HTTP status it is answered with.
public enum RequestLimitError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The path is longer than allowed.
    case pathTooLong(bytes: Int, limit: Int)
    /// The query string's parameters are larger than allowed.
    case queryTooLong(limit: Int)
    /// There are more query parameters than allowed.
    case tooManyQueryParameters(count: Int, limit: Int)
    /// The body is larger than allowed.
    case bodyTooLarge(limit: Int)
    /// There are more form fields than allowed.
    case tooManyFields(count: Int, limit: Int)
    /// One form field is longer than allowed.
    case fieldTooLong(field: String, bytes: Int, limit: Int)
    /// A form field holds a control character (such as NUL) that text never contains.
    case controlCharacter(field: String)
    /// An uploaded file is larger than allowed.
    case uploadTooLarge(bytes: Int, limit: Int)

    /// The HTTP status: 414 for paths and queries, 413 for bodies, fields and uploads, 422 for control characters.
    public var status: Int {
        switch self {
        case .pathTooLong, .queryTooLong, .tooManyQueryParameters: 414
        case .bodyTooLarge, .tooManyFields, .fieldTooLong, .uploadTooLarge: 413
        case .controlCharacter: 422
        }
    }

    public var description: String {
        switch self {
        case .pathTooLong(let bytes, let limit): "The address is too long (\(bytes) bytes; at most \(limit))."
        case .queryTooLong(let limit): "The query string is too long (at most \(limit) bytes)."
        case .tooManyQueryParameters(let count, let limit): "The query has \(count) parameters; at most \(limit) are accepted."
        case .bodyTooLarge(let limit): "The request body is too large (at most \(limit) bytes)."
        case .tooManyFields(let count, let limit): "The form has \(count) fields; at most \(limit) are accepted."
        case .fieldTooLong(let field, let bytes, let limit):
            "The field \"\(field)\" is too long (\(bytes) bytes; at most \(limit))."
        case .controlCharacter(let field): "The field \"\(field)\" contains a control character, which text cannot hold."
        case .uploadTooLarge(let bytes, let limit): "The file is too large (\(bytes) bytes; at most \(limit))."
        }
    }
}
