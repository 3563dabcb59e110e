public import CommunityModel

/// How a federated sign-in from one provider becomes a user when no link exists yet:
/// whether just-in-time provisioning is allowed, which attribute gives which field, which
/// account the new contact and user join, and with which profile.
public struct ProvisioningMapping: Sendable, Hashable, Codable {
    /// Which account a provisioned user joins.
    public enum AccountSource: Sendable, Hashable, Codable {
        /// Always this account.
        case fixed(ID<Account>)
        /// The account whose id the attribute holds.
        case identifiedBy(attribute: String)
        /// The one account whose name matches the attribute (compared as ``Account/normalize(name:)`` folds names).
        case matchingName(attribute: String)
    }

    /// Whether a sign-in without a link may create a contact and a user.
    public var allowsJustInTime: Bool
    /// The attribute holding the e-mail address (required).
    public var emailAttribute: String
    /// The attribute holding the last name (required).
    public var lastNameAttribute: String
    /// The attribute holding the first name, if any.
    public var firstNameAttribute: String?
    /// The attribute holding the community nickname, if any.
    public var nicknameAttribute: String?
    /// The attribute holding the locale, such as `de_DE`, if any.
    public var localeAttribute: String?
    /// The account provisioned users join.
    public var account: AccountSource
    /// The profile provisioned users get.
    public var profileID: ID<Profile>
    /// The licence kind of provisioned users: ``User/Kind/customer`` or ``User/Kind/partner``.
    public var userKind: User.Kind
    /// The role provisioned users get (none for high-volume customer users).
    public var roleID: ID<Role>?
    /// Whether provisioned customer users are high-volume (no role, reached through sharing
    /// sets); ignored for partner users.
    public var isHighVolume: Bool
    /// Attribute values an assertion must carry before a user is provisioned, such as
    /// `["email_verified": "true"]` for an OpenID provider that may assert unverified addresses.
    public var requiredValues: [String: String]

    /// Creates a mapping; the attribute names default to OpenID Connect's standard claims.
    public init(
        allowsJustInTime: Bool, account: AccountSource, profileID: ID<Profile>, userKind: User.Kind = .customer,
        roleID: ID<Role>? = nil, isHighVolume: Bool = true, emailAttribute: String = "email",
        lastNameAttribute: String = "family_name", firstNameAttribute: String? = "given_name",
        nicknameAttribute: String? = nil, localeAttribute: String? = nil, requiredValues: [String: String] = [:]
    ) {
        self.allowsJustInTime = allowsJustInTime
        self.account = account
        self.profileID = profileID
        self.userKind = userKind
        self.roleID = roleID
        self.isHighVolume = isHighVolume
        self.emailAttribute = emailAttribute
        self.lastNameAttribute = lastNameAttribute
        self.firstNameAttribute = firstNameAttribute
        self.nicknameAttribute = nicknameAttribute
        self.localeAttribute = localeAttribute
        self.requiredValues = requiredValues
    }
}
