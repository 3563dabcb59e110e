public import CommunityModel
public import Foundation

/// One change to a case: created, status, owner, priority, escalation, closure.
public struct CaseHistoryEntry: Entity, Hashable {
    public static let entityType: EntityType = "CaseHistoryEntry"
    public static var indexedFields: [IndexedField<CaseHistoryEntry>] {
        [IndexedField("caseID") { .reference($0.caseID.rawValue) }]
    }

    public var id: ID<CaseHistoryEntry>
    /// The case.
    public var caseID: ID<Case>
    /// Who made the change; `nil` for automation (rules, the clock).
    public var actorID: ID<User>?
    /// The field changed, such as `Status`, `OwnerId`, `Priority`, or `Created`.
    public var field: String
    /// The value before.
    public var oldValue: String?
    /// The value after.
    public var newValue: String?
    /// Why, for automation (the rule's name).
    public var reason: String?
    /// When.
    public var at: Date
    /// Order within the case's history.
    public var sequence: Int

    /// Creates an entry.
    public init(
        caseID: ID<Case>, actorID: ID<User>?, field: String, oldValue: String?, newValue: String?, reason: String? = nil,
        at: Date, sequence: Int
    ) {
        self.id = .generate(prefix: "chh")
        self.caseID = caseID
        self.actorID = actorID
        self.field = field
        self.oldValue = oldValue
        self.newValue = newValue
        self.reason = reason
        self.at = at
        self.sequence = sequence
    }
}
