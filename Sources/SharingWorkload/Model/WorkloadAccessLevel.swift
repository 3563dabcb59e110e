/// A record access level of the workload contract: none < read < edit.
public enum WorkloadAccessLevel: Int, Sendable, Hashable, Comparable, CaseIterable, CustomStringConvertible {
    /// No access.
    case none = 0
    /// Read access.
    case read = 1
    /// Read and edit access.
    case edit = 2

    /// Parses `none`/`read`/`edit`, and `private` (an org-wide default meaning none).
    public init?(workloadText text: String) {
        switch text {
        case "none", "private": self = .none
        case "read": self = .read
        case "edit": self = .edit
        default: return nil
        }
    }

    /// The workload's spelling of the level.
    public var description: String {
        switch self {
        case .none: "none"
        case .read: "read"
        case .edit: "edit"
        }
    }

    public static func < (lhs: WorkloadAccessLevel, rhs: WorkloadAccessLevel) -> Bool { lhs.rawValue < rhs.rawValue }
}
