/// A node of the role hierarchy: internal, or a partner or customer role under an account.
///
/// The semantics (who sees what through the hierarchy) live in CommunityAccess.
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
    /// The role this one reports to; `nil` for a root.
    public var parentID: ID<Role>?
    public var kind: Kind
    /// For partner and customer roles, their account.
    public var accountID: ID<Account>?
    /// For partner and customer roles, the level under the account.
    public var externalLevel: ExternalLevel?

    /// Creates a role.
    public init(
        id: ID<Role>, name: String, parentID: ID<Role>? = nil, kind: Kind = .internal,
        accountID: ID<Account>? = nil, externalLevel: ExternalLevel? = nil
    ) {
        self.id = id
        self.name = name
        self.parentID = parentID
        self.kind = kind
        self.accountID = accountID
        self.externalLevel = externalLevel
    }
}
