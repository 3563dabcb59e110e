/// An explicit share of one record: manual, team or programmatic (Apex-like, with a reason).
///
/// Manual shares are dropped when the record's owner changes; team and programmatic shares
/// survive it.
public struct RecordShare: Entity, Hashable {
    /// Why the share exists (Salesforce's row cause).
    public enum Cause: Hashable, Sendable, Codable {
        /// Shared by a person from the record.
        case manual
        /// A team member (account, opportunity or case team), with the member's team role.
        case team(String)
        /// Shared by code, with a sharing reason such as `Recruiter__c`.
        case programmatic(String)
    }

    public static let entityType: EntityType = "RecordShare"
    public var id: ID<RecordShare>
    /// The shared record's object.
    public var object: EntityType
    /// The shared record's id.
    public var recordID: String
    /// Who receives access.
    public var sharedWith: Grantee
    /// `.read`, `.edit` (or `.all` for programmatic shares).
    public var accessLevel: AccessLevel
    public var cause: Cause
    /// For account shares and account team members: access to the account's children.
    public var accountChildAccess: ChildAccess
    /// For manual shares: the record's owner when it was shared. The share applies only while
    /// the record keeps that owner (an owner change removes manual shares).
    public var recordOwner: Owner?

    /// Creates a share.
    public init(
        id: ID<RecordShare>, object: EntityType, recordID: String, sharedWith: Grantee, accessLevel: AccessLevel,
        cause: Cause = .manual, accountChildAccess: ChildAccess = .none, recordOwner: Owner? = nil
    ) {
        self.id = id
        self.object = object
        self.recordID = recordID
        self.sharedWith = sharedWith
        self.accessLevel = accessLevel
        self.cause = cause
        self.accountChildAccess = accountChildAccess
        self.recordOwner = recordOwner
    }
}
