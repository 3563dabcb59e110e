/// A role of the workload's role hierarchy.
public struct WorkloadRole: Sendable, Hashable {
    /// Whether the role belongs to the company or to a partner account.
    public enum Kind: String, Sendable, Hashable {
        /// A company role.
        case `internal`
        /// One of a partner account's Executive, Manager and User roles.
        case partner
    }

    /// The role's id, such as `r12`.
    public var id: String
    /// The parent role; `nil` for the top of the tree.
    public var parent: String?
    /// Internal or partner.
    public var kind: Kind
    /// For partner roles, the partner account.
    public var account: String?

    /// Creates a role.
    public init(id: String, parent: String?, kind: Kind, account: String? = nil) {
        self.id = id
        self.parent = parent
        self.kind = kind
        self.account = account
    }
}
