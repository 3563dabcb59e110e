/// Who may enter an Experience Cloud site: users whose profile or one of whose permission
/// sets is listed. Also names the site's guest user and the default owner of records guests
/// create.
public struct SiteMembership: Entity, Hashable {
    public static let entityType: EntityType = "SiteMembership"
    /// The site's id.
    public var id: ID<SiteMembership>
    /// Member profiles.
    public var profileIDs: Set<ID<Profile>>
    /// Member permission sets.
    public var permissionSetIDs: Set<ID<PermissionSet>>
    /// The site's guest user, if the site is public.
    public var guestUserID: ID<User>?
    /// Owner of records created by guests (an active internal user).
    public var defaultOwnerID: ID<User>?

    /// Creates a site's membership.
    public init(
        id: ID<SiteMembership>, profileIDs: Set<ID<Profile>> = [], permissionSetIDs: Set<ID<PermissionSet>> = [],
        guestUserID: ID<User>? = nil, defaultOwnerID: ID<User>? = nil
    ) {
        self.id = id
        self.profileIDs = profileIDs
        self.permissionSetIDs = permissionSetIDs
        self.guestUserID = guestUserID
        self.defaultOwnerID = defaultOwnerID
    }

    /// Whether a user with this profile and these permission sets (directly assigned or
    /// through groups) is a member. The site's guest user is a member too.
    public func admits(userID: ID<User>? = nil, profileID: ID<Profile>, permissionSetIDs: some Sequence<ID<PermissionSet>>) -> Bool {
        if let userID, userID == guestUserID { return true }
        if profileIDs.contains(profileID) { return true }
        return permissionSetIDs.contains { self.permissionSetIDs.contains($0) }
    }
}
