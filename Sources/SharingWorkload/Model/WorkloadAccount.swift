/// An account of the workload (a partner company or a customer company).
public struct WorkloadAccount: Sendable, Hashable {
    /// The account's id, such as `a7`.
    public var id: String
    /// The internal user who owns the account.
    public var owner: String
    /// The account's sales region.
    public var region: String
    /// Whether the account is a partner account.
    public var partner: Bool

    /// Creates an account.
    public init(id: String, owner: String, region: String, partner: Bool) {
        self.id = id
        self.owner = owner
        self.region = region
        self.partner = partner
    }
}
