public import Foundation

/// A person who signs in to a community, or the guest who does not.
public struct User: Entity, Hashable {
    /// What kind of licence the user holds, which decides the sharing rules that apply.
    public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
        /// An employee (standard licence).
        case `internal`
        /// A partner user (Partner Community): has a partner role under a partner account.
        case partner
        /// A customer user. With ``User/isHighVolume`` set, a high-volume user without a role;
        /// otherwise a Customer Community Plus user with a customer role.
        case customer
        /// The unauthenticated guest of a site.
        case guest

        /// Partner and customer users.
        public var isExternal: Bool { self == .partner || self == .customer }
    }

    public static let entityType: EntityType = "User"
    public static var indexedFields: [IndexedField<User>] {
        [
            IndexedField("kind") { .picklist($0.kind.rawValue) },
            IndexedField("accountID") { $0.accountID.map { .reference($0.rawValue) } },
            IndexedField("roleID") { $0.roleID.map { .reference($0.rawValue) } },
            IndexedField("email") { .text($0.email.lowercased()) },
        ]
    }

    public var id: ID<User>
    /// The licence kind.
    public var kind: Kind
    /// Full name.
    public var name: String
    /// The public name shown in the community (members may hide their full name).
    public var nickname: String
    /// E-mail address.
    public var email: String
    /// Whether the user may sign in; inactive users have no access.
    public var isActive: Bool
    /// Locale such as `en_US`, `de_DE`, `ko_KR`.
    public var locale: String
    /// IANA time zone such as `Europe/Berlin`.
    public var timeZone: String
    /// The profile: exactly one per user.
    public var profileID: ID<Profile>
    /// Permission sets assigned directly.
    public var permissionSetIDs: [ID<PermissionSet>]
    /// Permission set groups assigned.
    public var permissionSetGroupIDs: [ID<PermissionSetGroup>]
    /// The role: at most one; high-volume customer users and guests have none.
    public var roleID: ID<Role>?
    /// For external users, the contact record that represents them.
    public var contactID: ID<Contact>?
    /// For external users, their account.
    public var accountID: ID<Account>?
    /// The user's manager, for approvals that route to the submitter's manager.
    public var managerID: ID<User>?
    /// Partner or customer super user access (see Access).
    public var isSuperUser: Bool
    /// A high-volume customer user (no role, reached through sharing sets only).
    public var isHighVolume: Bool
    /// Department, for employee-portal targeting.
    public var department: String?
    /// The site the user joined through (self-registration, a site's single sign-on); `nil` for
    /// users the host created outside any site. New members count in this site's KPIs.
    public var siteID: String?
    /// When the user joined (registered, was approved, or was provisioned by single sign-on);
    /// `nil` for users created before join dates were kept, or by the host without one. New-member
    /// KPIs count a user on this day, however late the aggregates learn of them.
    public var joinedAt: Date?

    /// Creates a user.
    public init(
        id: ID<User>, kind: Kind, name: String, nickname: String? = nil, email: String,
        isActive: Bool = true, locale: String = "en_US", timeZone: String = "UTC",
        profileID: ID<Profile>, permissionSetIDs: [ID<PermissionSet>] = [],
        permissionSetGroupIDs: [ID<PermissionSetGroup>] = [], roleID: ID<Role>? = nil,
        contactID: ID<Contact>? = nil, accountID: ID<Account>? = nil, managerID: ID<User>? = nil,
        isSuperUser: Bool = false, isHighVolume: Bool = false, department: String? = nil, siteID: String? = nil,
        joinedAt: Date? = nil
    ) {
        self.id = id
        self.kind = kind
        self.name = name
        self.nickname = nickname ?? name
        self.email = email
        self.isActive = isActive
        self.locale = locale
        self.timeZone = timeZone
        self.profileID = profileID
        self.permissionSetIDs = permissionSetIDs
        self.permissionSetGroupIDs = permissionSetGroupIDs
        self.roleID = roleID
        self.contactID = contactID
        self.accountID = accountID
        self.managerID = managerID
        self.isSuperUser = isSuperUser
        self.isHighVolume = isHighVolume
        self.department = department
        self.siteID = siteID
        self.joinedAt = joinedAt
    }

    /// Checks the user's own fields: name, e-mail, locale, department, time zone (no control
    /// characters in any of them), and the kind's rules (external users need an account;
    /// high-volume users and guests have no role).
    public func validate() throws(ValidationError) {
        try Check.text(name, field: "User.Name", max: 121)
        try Check.text(nickname, field: "User.Nickname", max: 40)
        try Check.email(email, field: "User.Email")
        try Check.text(locale, field: "User.Locale", max: 16)
        try Check.optionalText(department, field: "User.Department", max: 80)
        try Check.text(timeZone, field: "User.TimeZone", max: 64)
        try Check.optionalText(siteID, field: "User.NetworkId", max: 64)
        if let joinedAt { try Check.finite(joinedAt.timeIntervalSinceReferenceDate, field: "User.CreatedDate") }
        guard timeZone == "UTC" || TimeZone(identifier: timeZone) != nil else {
            throw ValidationError(field: "User.TimeZone", reason: .invalidValue("unknown time zone \(timeZone)"))
        }
        if kind.isExternal, accountID == nil {
            throw ValidationError(field: "User.AccountId", reason: .required)
        }
        if kind == .internal || kind == .guest, accountID != nil || contactID != nil {
            throw ValidationError(
                field: "User.AccountId", reason: .invalidValue("only partner and customer users belong to an account"))
        }
        if (isHighVolume || kind == .guest), roleID != nil {
            throw ValidationError(
                field: "User.RoleId", reason: .invalidValue("high-volume users and guests have no role"))
        }
        if isHighVolume, kind != .customer {
            throw ValidationError(field: "User.IsHighVolume", reason: .invalidValue("only customer users are high-volume"))
        }
        if isSuperUser, !kind.isExternal {
            throw ValidationError(field: "User.IsSuperUser", reason: .invalidValue("only external users are super users"))
        }
    }
}
