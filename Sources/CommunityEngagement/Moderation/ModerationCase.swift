public import CommunityModel
public import Foundation

/// An entry in the moderation queue: content waiting for a moderator's decision.
public struct ModerationCase: Entity, Hashable {
    public static let entityType: EntityType = "ModerationCase"
    public static var indexedFields: [IndexedField<ModerationCase>] {
        [
            IndexedField("status") { .picklist($0.status.rawValue) },
            IndexedField("subject") { .reference($0.subject.description) },
            IndexedField("openedAt") { .dateTime($0.openedAt) },
        ]
    }

    /// Why the content is in the queue.
    public enum Source: Hashable, Sendable, Codable {
        /// Members flagged it (count of flags in ``ModerationCase/flags``).
        case memberFlags
        /// A keyword rule with the flag action matched.
        case keywordRule(ID<ModerationRule>)
        /// The author posts in a group that requires approval.
        case preModeration(ID<CommunityGroup>)
        /// A rate limit with the notify action was passed.
        case rateLimit(ID<RateLimitRule>)
    }

    /// Where the case stands.
    public enum Status: String, Hashable, Sendable, Codable {
        case open, approved, removed, edited
    }

    /// One member's flag.
    public struct Flag: Hashable, Sendable, Codable {
        public var reporterID: ID<User>
        public var reason: String
        public var at: Date
        /// Creates a flag.
        public init(reporterID: ID<User>, reason: String, at: Date) {
            self.reporterID = reporterID
            self.reason = reason
            self.at = at
        }
    }

    public var id: ID<ModerationCase>
    public var subject: ContentRef
    /// The content's author.
    public var authorID: ID<User>
    public var sources: [Source]
    public var flags: [Flag]
    public var status: Status
    public var openedAt: Date
    public var decidedBy: ID<User>?
    public var decidedAt: Date?

    /// The id of the open-or-closed case for a subject: one per subject.
    public static func id(for subject: ContentRef) -> ID<ModerationCase> {
        StableID.make(prefix: "mc", subject.description)
    }

    /// Creates a case.
    public init(subject: ContentRef, authorID: ID<User>, sources: [Source], flags: [Flag] = [], status: Status = .open, openedAt: Date) {
        self.id = Self.id(for: subject)
        self.subject = subject
        self.authorID = authorID
        self.sources = sources
        self.flags = flags
        self.status = status
        self.openedAt = openedAt
    }
}
