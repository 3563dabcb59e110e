/// How much a user may do with a record: `none < read < edit < all`.
///
/// `all` is Salesforce's "Full Access": read, edit, delete, transfer and share.
public enum AccessLevel: Int, Hashable, Sendable, Codable, Comparable, CaseIterable, CustomStringConvertible {
    /// No access.
    case none = 0
    /// Read only.
    case read = 1
    /// Read and edit.
    case edit = 2
    /// Full access: read, edit, delete, transfer, share.
    case all = 3

    public static func < (lhs: AccessLevel, rhs: AccessLevel) -> Bool { lhs.rawValue < rhs.rawValue }

    public var description: String {
        switch self {
        case .none: "none"
        case .read: "read"
        case .edit: "edit"
        case .all: "all"
        }
    }
}
