/// Why a workload could not be loaded, generated or used. Every case says what and where.
public enum WorkloadError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file could not be read.
    case unreadable(path: String, reason: String)
    /// The text is not valid JSON at `line`.
    case syntax(line: Int, message: String)
    /// A required key is missing from the object that starts at `line`.
    case missingKey(line: Int, key: String)
    /// A key holds a value of the wrong JSON type.
    case wrongType(line: Int, key: String, expected: String)
    /// A key holds a value outside the documented set.
    case invalidValue(line: Int, key: String, value: String)
    /// The `format` key names another format.
    case unsupportedFormat(String)
    /// Two entities of a section share an id.
    case duplicateID(section: String, id: String)
    /// An entity names an id that does not exist.
    case unknownReference(kind: String, id: String, referencedBy: String)
    /// Roles or groups form a cycle through `id`.
    case cycle(kind: String, id: String)
    /// A command-line argument is wrong.
    case usage(String)

    public var description: String {
        switch self {
        case .unreadable(let path, let reason): "cannot read \(path): \(reason)"
        case .syntax(let line, let message): "line \(line): invalid JSON: \(message)"
        case .missingKey(let line, let key): "line \(line): missing key \"\(key)\""
        case .wrongType(let line, let key, let expected): "line \(line): key \"\(key)\" must be \(expected)"
        case .invalidValue(let line, let key, let value): "line \(line): key \"\(key)\" has invalid value \(value)"
        case .unsupportedFormat(let format): "unsupported format \"\(format)\" (expected \(Workload.format))"
        case .duplicateID(let section, let id): "duplicate id \(id) in \(section)"
        case .unknownReference(let kind, let id, let from): "\(from) names unknown \(kind) \(id)"
        case .cycle(let kind, let id): "\(kind)s form a cycle through \(id)"
        case .usage(let message): message
        }
    }
}
