/// The organization-wide default of one object: the baseline access every internal and
/// every external user has to records they neither own nor were given (guests: always Private).
///
/// The id is the object's name (`ID("Case")`). CommunityAccess rejects an external default
/// more open than the internal one.
public struct OrgWideDefault: Entity, Hashable {
    /// A default sharing model.
    public enum Model: String, Hashable, Sendable, Codable, CaseIterable, Comparable {
        /// Only the owner, users above the owner, and explicit or implicit grants.
        case `private`
        /// Everyone may read.
        case publicRead
        /// Everyone may read and edit (not delete).
        case publicReadWrite
        /// Everyone may read, edit and transfer (Case and Lead only).
        case publicReadWriteTransfer
        /// Everyone may read, edit, transfer and delete (Campaign only).
        case publicFullAccess
        /// Access follows the parent record (Contact's account, a detail's master).
        case controlledByParent

        /// Openness rank: private < read < read/write < read/write/transfer < full access.
        public var rank: Int {
            switch self {
            case .private: 0
            case .publicRead: 1
            case .publicReadWrite: 2
            case .publicReadWriteTransfer: 3
            case .publicFullAccess: 4
            case .controlledByParent: -1
            }
        }

        public static func < (lhs: Model, rhs: Model) -> Bool { lhs.rank < rhs.rank }
    }

    public static let entityType: EntityType = "OrgWideDefault"
    /// The object's name as id, such as `Case`.
    public var id: ID<OrgWideDefault>
    /// Default for internal users.
    public var internalAccess: Model
    /// Default for partner and customer users.
    public var externalAccess: Model
    /// Whether users above the owner in the role hierarchy get access (always on for standard
    /// objects; may be off for custom ones).
    public var grantAccessUsingHierarchies: Bool
    /// For Controlled by Parent: the parent object and the field holding its id
    /// (Contact: `Account` / `AccountId`).
    public var parentObject: EntityType?
    /// The field of this object that holds the parent's id.
    public var parentField: String?

    /// The object this default applies to.
    public var object: EntityType { EntityType(id.rawValue) }

    /// Creates an org-wide default for an object.
    public init(
        object: EntityType, internalAccess: Model, externalAccess: Model, grantAccessUsingHierarchies: Bool = true,
        parentObject: EntityType? = nil, parentField: String? = nil
    ) {
        self.id = ID(sanitizing: object.name)
        self.internalAccess = internalAccess
        self.externalAccess = externalAccess
        self.grantAccessUsingHierarchies = grantAccessUsingHierarchies
        self.parentObject = parentObject
        self.parentField = parentField
    }
}
