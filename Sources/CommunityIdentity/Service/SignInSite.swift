public import CommunityModel

/// The site a user signs in to, with what sign-in needs to know of it: who may enter and the
/// site's password and session policies.
///
/// Mirrors `Site.isMember` in CommunityRendering: an active, non-guest user whose profile, or
/// one of whose permission sets (assigned directly or through a permission set group), is listed.
public struct SignInSite: Sendable {
    /// The site's id.
    public let id: String
    /// Member profiles.
    public let memberProfileIDs: Set<ID<Profile>>
    /// Member permission sets.
    public let memberPermissionSetIDs: Set<ID<PermissionSet>>
    /// Rules for new passwords set through this site.
    public let passwordPolicy: PasswordPolicy
    /// Session lifetimes and cookie name.
    public let sessionPolicy: SessionPolicy

    /// Describes a site.
    public init(
        id: String, memberProfileIDs: some Sequence<ID<Profile>>, memberPermissionSetIDs: some Sequence<ID<PermissionSet>> = [],
        passwordPolicy: PasswordPolicy = .standard, sessionPolicy: SessionPolicy = .standard
    ) {
        self.id = id
        self.memberProfileIDs = Set(memberProfileIDs)
        self.memberPermissionSetIDs = Set(memberPermissionSetIDs)
        self.passwordPolicy = passwordPolicy
        self.sessionPolicy = sessionPolicy
    }

    /// Describes a site from its stored ``SiteMembership`` (whose id is the site's id).
    public init(membership: SiteMembership, passwordPolicy: PasswordPolicy = .standard, sessionPolicy: SessionPolicy = .standard) {
        self.init(
            id: membership.id.rawValue, memberProfileIDs: membership.profileIDs, memberPermissionSetIDs: membership.permissionSetIDs,
            passwordPolicy: passwordPolicy, sessionPolicy: sessionPolicy)
    }

    /// Whether `user`, with these effective permission sets, may sign in here.
    public func admits(_ user: User, permissionSetIDs: Set<ID<PermissionSet>>) -> Bool {
        guard user.isActive, user.kind != .guest else { return false }
        return memberProfileIDs.contains(user.profileID) || !permissionSetIDs.isDisjoint(with: memberPermissionSetIDs)
    }
}
