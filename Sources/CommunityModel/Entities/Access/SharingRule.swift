/// A sharing rule: records of one object selected by owner or by field values are shared
/// with a group, role or role subtree at Read Only or Read/Write.
///
/// Guest rules (``isGuestRule``) share with a site's guest user, Read Only, and by default
/// skip records owned by high-volume users.
public struct SharingRule: Entity, Hashable {
    /// Which records the rule shares.
    public enum Selection: Hashable, Sendable, Codable {
        /// Records owned by members of the grantee set (a queue: records the queue owns).
        case ownedBy(Grantee)
        /// Records whose fields equal every literal.
        case criteria([SharingCriterion])
    }

    public static let entityType: EntityType = "SharingRule"
    public var id: ID<SharingRule>
    public var name: String
    /// The object whose records are shared.
    public var object: EntityType
    /// Which records.
    public var selection: Selection
    /// With whom.
    public var sharedWith: Grantee
    /// `.read` or `.edit`; never `.all`.
    public var accessLevel: AccessLevel
    /// For Account rules: access to the accounts' cases, contacts and opportunities.
    public var accountChildAccess: ChildAccess
    /// A guest user sharing rule (criteria-based, Read Only, to a site's guest user).
    public var isGuestRule: Bool
    /// For guest rules: also share records owned by high-volume users (fixed at creation).
    public var includeHighVolumeOwned: Bool

    /// Creates a sharing rule.
    public init(
        id: ID<SharingRule>, name: String = "", object: EntityType, selection: Selection, sharedWith: Grantee,
        accessLevel: AccessLevel = .read, accountChildAccess: ChildAccess = .none, isGuestRule: Bool = false,
        includeHighVolumeOwned: Bool = false
    ) {
        self.id = id
        self.name = name
        self.object = object
        self.selection = selection
        self.sharedWith = sharedWith
        self.accessLevel = accessLevel
        self.accountChildAccess = accountChildAccess
        self.isGuestRule = isGuestRule
        self.includeHighVolumeOwned = includeHighVolumeOwned
    }

    /// Whether the rule selects records by field values (criteria and guest rules).
    public var isCriteriaBased: Bool {
        if case .criteria = selection { return true }
        return false
    }
}

/// One condition of a criteria-based sharing rule: a field equals a literal.
public struct SharingCriterion: Hashable, Sendable, Codable {
    /// The field's API name, standard or custom (`Priority`, `Region__c`).
    public var field: String
    /// The literal the field must equal.
    public var equals: FieldValue

    /// Creates a condition.
    public init(field: String, equals: FieldValue) {
        self.field = field
        self.equals = equals
    }
}
