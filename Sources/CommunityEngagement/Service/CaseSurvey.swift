public import CommunityModel
public import Foundation

/// The member's satisfaction survey after a case closed: CSAT 1–5 and NPS 0–10.
/// Stored with the case's id (one survey per case).
public struct CaseSurvey: Entity, Hashable {
    public static let entityType: EntityType = "CaseSurvey"
    public static var indexedFields: [IndexedField<CaseSurvey>] {
        [IndexedField("answeredAt") { .dateTime($0.answeredAt) }]
    }

    /// The CSAT scale.
    public static let csatRange = 1...5
    /// The NPS scale.
    public static let npsRange = 0...10

    public var id: ID<CaseSurvey>
    /// The case.
    public var caseID: ID<Case>
    /// Who answered.
    public var userID: ID<User>
    /// Satisfaction, 1 (very dissatisfied) to 5 (very satisfied).
    public var csat: Int
    /// Likelihood to recommend, 0 to 10.
    public var nps: Int
    /// Free text, at most 4,000 characters.
    public var comment: String
    /// When.
    public var answeredAt: Date
}
