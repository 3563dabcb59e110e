/// Why a `multipart/form-data` body was refused. Nothing in a refused body reaches an action.
public enum MultipartError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The `Content-Type` is not `multipart/form-data`.
    case notMultipart(String)
    /// The `Content-Type` names no boundary.
    case missingBoundary
    /// The boundary is empty, longer than 70 characters or holds characters RFC 2046 forbids.
    case invalidBoundary
    /// The body does not follow the multipart grammar: what was wrong and at which byte.
    case malformed(reason: String, offset: Int)
    /// The body has more parts than allowed.
    case tooManyParts(limit: Int)
    /// A text field's value is larger than allowed.
    case fieldTooLarge(field: String, limit: Int)
    /// A file is larger than the parser's hard bound (the whole body's limit).
    case fileTooLarge(field: String, limit: Int)
    /// A part's headers are larger than allowed.
    case headersTooLarge(limit: Int)
    /// Two parts carry the same field name.
    case duplicateField(String)
    /// A text field's value is not valid UTF-8.
    case invalidText(field: String)
    /// A part's `Content-Type` is not `type/subtype`.
    case invalidContentType(field: String)

    /// The HTTP status: 415 for a body that is not multipart, 413 for sizes and counts, 400 otherwise.
    public var status: Int {
        switch self {
        case .notMultipart: 415
        case .tooManyParts, .fieldTooLarge, .fileTooLarge, .headersTooLarge: 413
        case .missingBoundary, .invalidBoundary, .malformed, .duplicateField, .invalidText, .invalidContentType: 400
        }
    }

    public var description: String {
        switch self {
        case .notMultipart(let type): "The body is \(SiteLimits.displayName(type)), not multipart/form-data."
        case .missingBoundary: "The multipart body names no boundary."
        case .invalidBoundary: "The multipart boundary is not valid."
        case .malformed(let reason, let offset): "The multipart body is malformed at byte \(offset): \(reason)."
        case .tooManyParts(let limit): "The form has more than \(limit) parts."
        case .fieldTooLarge(let field, let limit): "The field \"\(field)\" is larger than \(limit) bytes."
        case .fileTooLarge(let field, let limit): "The file in \"\(field)\" is larger than \(limit) bytes."
        case .headersTooLarge(let limit): "A part's headers are larger than \(limit) bytes."
        case .duplicateField(let field): "The field \"\(field)\" is sent twice."
        case .invalidText(let field): "The field \"\(field)\" is not valid UTF-8 text."
        case .invalidContentType(let field): "The file in \"\(field)\" has an invalid content type."
        }
    }
}
