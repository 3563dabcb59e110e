public import CommunityModel
public import Foundation

/// One line of the moderation audit log: who did what to which content or member, and when.
/// Written in the same transaction as the action itself.
public struct ModerationAuditEntry: Entity, Hashable {
    public static let entityType: EntityType = "ModerationAuditEntry"
    public static var indexedFields: [IndexedField<ModerationAuditEntry>] {
        [
            IndexedField("at") { .dateTime($0.at) },
            IndexedField("subject") { .reference($0.subject) },
        ]
    }

    /// What was done.
    public enum Action: String, Hashable, Sendable, Codable {
        case blocked, masked, queued, approved, removed, edited, frozen, unfrozen, suspended, unsuspended,
            rateLimited, flagged
    }

    public var id: ID<ModerationAuditEntry>
    /// The moderator, or `nil` for an automatic rule.
    public var actorID: ID<User>?
    public var action: Action
    /// The content or member acted on (`item:…`, `member:…`).
    public var subject: String
    /// Details: the rule, the keywords, the reason.
    public var detail: String
    public var at: Date

    /// Creates an entry.
    public init(actorID: ID<User>?, action: Action, subject: String, detail: String, at: Date) {
        self.id = .generate(prefix: "audit")
        self.actorID = actorID
        self.action = action
        self.subject = subject
        self.detail = detail
        self.at = at
    }
}
