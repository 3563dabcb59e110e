/// The licence kind of a workload user, which picks the org-wide default that applies.
public enum UserKind: String, Sendable, Hashable, CaseIterable {
    /// An employee: gets the internal org-wide default.
    case `internal`
    /// A partner user: has a partner role under a partner account.
    case partner
    /// A high-volume customer user: no role, reached through sharing sets.
    case customer

    /// Whether the user gets the external org-wide default.
    public var isExternal: Bool { self != .internal }
}
