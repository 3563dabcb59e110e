/// Why a topic operation was refused.
public enum TopicError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The name is empty after folding.
    case emptyName
    /// The name is longer than allowed.
    case nameTooLong(limit: Int, actual: Int)
    /// Another topic has this name (after folding).
    case duplicateName(String, existing: String)
    /// No such topic (or it was merged away).
    case unknownTopic(String)
    /// Merging a topic into itself.
    case mergeIntoItself(String)
    /// The user lacks the permission.
    case notAllowed(user: String, action: String)

    public var description: String {
        switch self {
        case .emptyName: "a topic needs a name"
        case .nameTooLong(let limit, let actual): "topic name has \(actual) characters, at most \(limit) allowed"
        case .duplicateName(let name, let existing): "topic name \(name.debugDescription) is taken by \(existing)"
        case .unknownTopic(let id): "no topic \(id.debugDescription)"
        case .mergeIntoItself(let id): "cannot merge topic \(id) into itself"
        case .notAllowed(let user, let action): "user \(user) may not \(action)"
        }
    }
}
