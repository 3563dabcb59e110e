/// Why rich text was refused.
public enum RichTextError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The input is longer than the policy allows.
    case tooLong(field: String, limit: Int, actual: Int)

    public var description: String {
        switch self {
        case .tooLong(let field, let limit, let actual): "\(field): \(actual) characters, at most \(limit) allowed"
        }
    }
}
