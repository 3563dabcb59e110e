/// A user of the workload.
public struct WorkloadUser: Sendable, Hashable {
    /// The user's id, such as `u42`.
    public var id: String
    /// Internal, partner or customer.
    public var kind: UserKind
    /// The user's role; `nil` for customer (high-volume) users and some internal users.
    public var role: String?
    /// The user's profile id.
    public var profile: String
    /// For partner and customer users, their account.
    public var account: String?
    /// Whether a partner user is a super user.
    public var superUser: Bool

    /// Creates a user.
    public init(
        id: String, kind: UserKind, role: String?, profile: String, account: String? = nil, superUser: Bool = false
    ) {
        self.id = id
        self.kind = kind
        self.role = role
        self.profile = profile
        self.account = account
        self.superUser = superUser
    }
}
