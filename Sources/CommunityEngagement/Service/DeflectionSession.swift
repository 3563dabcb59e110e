public import CommunityModel
public import Foundation

/// One visit to the "new case" form: the articles suggested, those read, and how it ended.
public struct DeflectionSession: Entity, Hashable {
    /// How the visit ended.
    public enum Outcome: String, Hashable, Sendable, Codable, CaseIterable {
        /// Still on the form.
        case open
        /// Left after reading a suggested article, without a case: a deflection.
        case deflected
        /// Left without reading anything and without a case.
        case abandoned
        /// Saved the case anyway.
        case caseCreated
    }

    public static let entityType: EntityType = "DeflectionSession"
    public static var indexedFields: [IndexedField<DeflectionSession>] {
        [
            IndexedField("startedAt") { .dateTime($0.startedAt) },
            IndexedField("outcome") { .picklist($0.outcome.rawValue) },
        ]
    }

    public var id: ID<DeflectionSession>
    /// The member.
    public var userID: ID<User>
    /// The articles offered.
    public var suggestions: [ArticleSuggestion]
    /// The suggested articles the member opened.
    public var viewedArticleIDs: [String]
    public var outcome: Outcome
    /// The case created, when one was.
    public var caseID: ID<Case>?
    /// When the form opened.
    public var startedAt: Date
    /// When it ended.
    public var endedAt: Date?
    /// The site it was created through (Salesforce's NetworkId); `nil` when the host created it outside any site.
    public var siteID: String? = nil
}
