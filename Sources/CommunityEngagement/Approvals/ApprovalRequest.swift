public import CommunityModel
public import Foundation

/// One run of an ``ApprovalProcess`` for one item: its status, current step and history.
public struct ApprovalRequest: Entity, Hashable {
    /// Where the request stands.
    public enum Status: String, Hashable, Sendable, Codable, CaseIterable {
        case pending, approved, rejected, recalled
    }

    /// What happened, in the request's history.
    public enum Action: String, Hashable, Sendable, Codable {
        case submitted, approved, rejected, recalled
    }

    /// One line of history.
    public struct HistoryEntry: Hashable, Sendable, Codable {
        /// What happened.
        public var action: Action
        /// Who did it.
        public var actor: ID<User>
        /// The approver a delegate acted for, when a delegate acted.
        public var onBehalfOf: ID<User>?
        /// The step it happened at.
        public var step: Int
        /// The comment given.
        public var comment: String
        /// When.
        public var at: Date
    }

    public static let entityType: EntityType = "ApprovalRequest"
    public static var indexedFields: [IndexedField<ApprovalRequest>] {
        [
            IndexedField("item") { .text($0.item.description) },
            IndexedField("status") { .picklist($0.status.rawValue) },
            IndexedField("process") { .text($0.processName) },
            IndexedField("submitterID") { .reference($0.submitterID.rawValue) },
        ]
    }

    public var id: ID<ApprovalRequest>
    /// The process's name.
    public var processName: String
    /// What is being approved.
    public var item: ApprovalItem
    /// Who submitted it.
    public var submitterID: ID<User>
    public var status: Status
    /// The index of the current step (the last decided step once decided).
    public var stepIndex: Int
    /// When it was submitted.
    public var submittedAt: Date
    /// When it was finally decided or recalled.
    public var decidedAt: Date?
    /// Every action, oldest first.
    public var history: [HistoryEntry]
}
