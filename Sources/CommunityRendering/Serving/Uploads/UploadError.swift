/// Why an uploaded file was refused by its site's limits. The form is shown again with the
/// message at the file's field, and nothing is stored.
public enum UploadError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file is empty.
    case empty(field: String)
    /// The file is larger than ``SiteLimits/maxUploadBytes``.
    case tooLarge(field: String, bytes: Int, limit: Int)
    /// The declared media type is not in ``SiteLimits/allowedUploadTypes`` (or not what the form accepts).
    case disallowedType(field: String, contentType: String, allowed: [String])
    /// The file says it is an image of one type but its bytes are not.
    case contentMismatch(field: String, declared: String)

    /// The field the file came in.
    public var field: String {
        switch self {
        case .empty(let field), .tooLarge(let field, _, _), .disallowedType(let field, _, _), .contentMismatch(let field, _): field
        }
    }

    /// The HTTP status: 413 for a file too large, 415 for a type not accepted, 422 for an empty file.
    public var status: Int {
        switch self {
        case .empty: 422
        case .tooLarge: 413
        case .disallowedType, .contentMismatch: 415
        }
    }

    public var description: String {
        switch self {
        case .empty: "The file is empty."
        case .tooLarge(_, let bytes, let limit): "The file is too large (\(bytes) bytes; at most \(limit))."
        case .disallowedType(_, let type, let allowed):
            "Files of type \(type) are not accepted (accepted: \(allowed.joined(separator: ", ")))."
        case .contentMismatch(_, let declared): "The file's contents are not a \(declared) image."
        }
    }
}
