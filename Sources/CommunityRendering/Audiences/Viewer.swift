public import CommunityModel

/// The person a page is rendered for: a signed-in user with what audiences look at, or the guest.
public struct Viewer: Sendable, Hashable {
    /// The signed-in user; `nil` for the guest.
    public var user: User?
    /// The user's account, for account criteria.
    public var account: Account?
    /// Permission sets that apply (direct and through groups).
    public var permissionSetIDs: Set<ID<PermissionSet>>
    /// Permission names the user holds (`"ManageLeads"`, …), as the host's Access layer resolved them.
    public var permissions: Set<String>
    /// An identifier of the viewer's session, which CSRF tokens bind to.
    public var sessionID: String

    /// A viewer.
    public init(
        user: User?, account: Account? = nil, permissionSetIDs: Set<ID<PermissionSet>>? = nil,
        permissions: Set<String> = [], sessionID: String = ""
    ) {
        self.user = user
        self.account = account
        self.permissionSetIDs = permissionSetIDs ?? Set(user?.permissionSetIDs ?? [])
        self.permissions = permissions
        self.sessionID = sessionID
    }

    /// The unauthenticated guest.
    public static let guest = Viewer(user: nil)

    /// Whether this is the guest.
    public var isGuest: Bool { user == nil || user?.kind == .guest }

    /// The user's locale, or `en_US` for the guest.
    public var locale: String { user?.locale ?? "en_US" }

    /// A stable key for the viewer (user id or `guest`).
    public var key: String { user.map { $0.id.rawValue } ?? "guest" }
}
