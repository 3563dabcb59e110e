/// A node of the role hierarchy: internal, or a partner or customer role under an account.
///
/// The semantics (who sees what through the hierarchy) live in CommunityAccess. An external
/// role without a parent reports to the role of its account's owner, so its place follows
/// the account's owner.
public struct Role: Entity, Hashable {
    /// Which branch of the hierarchy a role belongs to.
    public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
        case `internal`, partner, customer
    }

    /// The level of a partner or customer role under its account.
    public enum ExternalLevel: String, Hashable, Sendable, Codable, CaseIterable {
        case executive, manager, user
    }

    public static let entityType: EntityType = "Role"
    public var id: ID<Role>
    public var name: String
    /// The role this one reports to; `nil` for a root (or, for an external role, "the role of
    /// the account's owner").
    public var parentID: ID<Role>?
    public var kind: Kind
    /// For partner and customer roles, their account.
    public var accountID: ID<Account>?
    /// For partner and customer roles, the level under the account.
    public var externalLevel: ExternalLevel?
    /// What users in this role may do with cases, contacts and opportunities of accounts they
    /// own (and users above them inherit).
    public var accountChildAccess: ChildAccess

    /// Creates a role.
    public init(
        id: ID<Role>, name: String, parentID: ID<Role>? = nil, kind: Kind = .internal,
        accountID: ID<Account>? = nil, externalLevel: ExternalLevel? = nil, accountChildAccess: ChildAccess = .none
    ) {
        self.id = id
        self.name = name
        self.parentID = parentID
        self.kind = kind
        self.accountID = accountID
        self.externalLevel = externalLevel
        self.accountChildAccess = accountChildAccess
    }

    private enum CodingKeys: String, CodingKey {
        case id, name, parentID, kind, accountID, externalLevel, accountChildAccess
    }

    /// Decodes a role; roles stored before child access existed decode with none.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(ID<Role>.self, forKey: .id)
        name = try c.decode(String.self, forKey: .name)
        parentID = try c.decodeIfPresent(ID<Role>.self, forKey: .parentID)
        kind = try c.decode(Kind.self, forKey: .kind)
        accountID = try c.decodeIfPresent(ID<Account>.self, forKey: .accountID)
        externalLevel = try c.decodeIfPresent(ExternalLevel.self, forKey: .externalLevel)
        accountChildAccess = try c.decodeIfPresent(ChildAccess.self, forKey: .accountChildAccess) ?? .none
    }
}
