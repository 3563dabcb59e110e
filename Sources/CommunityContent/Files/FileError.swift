/// Why a file operation was refused. Nothing is stored when one is thrown.
public enum FileError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file is larger than allowed.
    case tooLarge(limit: Int, actual: Int)
    /// The file is empty.
    case empty
    /// The title is empty or too long.
    case invalidTitle(String)
    /// The content type is not `type/subtype`.
    case invalidContentType(String)
    /// No such file, version or library.
    case unknownFile(String)
    case unknownVersion(file: String, number: Int)
    case unknownLibrary(String)
    /// The user may not do this.
    case notAllowed(user: String, action: String)

    public var description: String {
        switch self {
        case .tooLarge(let limit, let actual): "file has \(actual) bytes, at most \(limit) allowed"
        case .empty: "file is empty"
        case .invalidTitle(let t): "invalid file title \(t.prefix(80).debugDescription)"
        case .invalidContentType(let t): "invalid content type \(t.prefix(80).debugDescription)"
        case .unknownFile(let id): "no file \(id.debugDescription)"
        case .unknownVersion(let file, let number): "file \(file) has no version \(number)"
        case .unknownLibrary(let id): "no library \(id.debugDescription)"
        case .notAllowed(let user, let action): "user \(user) may not \(action)"
        }
    }
}

/// Size limits of files.
public struct FileLimits: Sendable, Hashable {
    /// Largest upload in bytes.
    public var maxBytes: Int = 25 * 1024 * 1024
    /// Longest title.
    public var maxTitle: Int = 255

    /// The defaults.
    public init() {}
}
