public import CommunityModel
public import Foundation

/// What Service keeps about a case beyond the ``Case`` record: its support level, first
/// response, closure, escalations fired, attachments and the question it came from.
/// Stored with the case's id.
public struct CaseTracking: Entity, Hashable {
    public static let entityType: EntityType = "CaseTracking"
    public static var indexedFields: [IndexedField<CaseTracking>] {
        [
            IndexedField("questionID") { $0.questionID.map(FieldValue.reference) },
            IndexedField("closedAt") { $0.closedAt.map(FieldValue.dateTime) },
        ]
    }

    public var id: ID<CaseTracking>
    /// The case.
    public var caseID: ID<Case>
    /// The member who raised it, if a member did.
    public var raisedBy: ID<User>?
    /// The support level whose targets apply.
    public var supportLevel: String
    /// When an agent first answered publicly.
    public var firstResponseAt: Date?
    /// When it last closed; `nil` while open.
    public var closedAt: Date?
    /// Escalation rules that have fired (each fires once per case).
    public var firedEscalations: [String]
    /// Files attached through Content.
    public var attachmentIDs: [String]
    /// The community question it came from.
    public var questionID: String?
    /// The answer that solved it, when it closed through one.
    public var solvedByAnswerID: String?
    /// How many history entries it has (for ordering).
    public var historyCount: Int
    /// How many comments it has (for ordering).
    public var commentCount: Int
    /// Milestone states already announced by ``CaseService/runMilestoneAlerts(at:)``, as
    /// `kind.state` (`firstResponse.warning`); `nil` for none (and for tracking stored before it existed).
    public var milestoneAlerts: [String]?

    /// Creates tracking for a case.
    public init(caseID: ID<Case>, raisedBy: ID<User>?, supportLevel: String) {
        self.id = Self.id(for: caseID)
        self.caseID = caseID
        self.raisedBy = raisedBy
        self.supportLevel = supportLevel
        self.firstResponseAt = nil
        self.closedAt = nil
        self.firedEscalations = []
        self.attachmentIDs = []
        self.questionID = nil
        self.solvedByAnswerID = nil
        self.historyCount = 0
        self.commentCount = 0
    }

    /// The tracking id of a case.
    public static func id(for caseID: ID<Case>) -> ID<CaseTracking> { caseID.retyped() }
}
