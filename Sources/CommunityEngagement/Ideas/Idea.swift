public import CommunityModel
public import Foundation

/// A member's idea: votes up or down (one per member, changeable), a status with history.
public struct Idea: Entity, Hashable {
    public static let entityType: EntityType = "Idea"
    public static var indexedFields: [IndexedField<Idea>] {
        [
            IndexedField("zoneID") { .reference($0.zoneID.rawValue) },
            IndexedField("authorID") { .reference($0.authorID.rawValue) },
            IndexedField("status") { .picklist($0.status.rawValue) },
        ]
    }

    /// One member's vote.
    public struct Vote: Hashable, Sendable, Codable {
        /// +1 or -1.
        public var value: Int
        /// When it was cast (or last changed).
        public var at: Date
        /// Creates a vote.
        public init(value: Int, at: Date) {
            self.value = value
            self.at = at
        }
    }

    /// One status change, with the product team's comment.
    public struct StatusChange: Hashable, Sendable, Codable {
        public var from: IdeaStatus
        public var to: IdeaStatus
        public var by: ID<User>
        public var comment: String
        public var at: Date
        /// Creates a status change.
        public init(from: IdeaStatus, to: IdeaStatus, by: ID<User>, comment: String, at: Date) {
            self.from = from
            self.to = to
            self.by = by
            self.comment = comment
            self.at = at
        }
    }

    public var id: ID<Idea>
    public var zoneID: ID<IdeaZone>
    public var authorID: ID<User>
    public var title: String
    public var body: SanitizedHTML
    public var categories: [String]
    public var status: IdeaStatus
    public var statusHistory: [StatusChange]
    /// Votes by member.
    public var votes: [ID<User>: Vote]
    /// Ideas merged into this one.
    public var mergedIdeaIDs: [ID<Idea>]
    /// Set when this idea was merged into another (then it is closed).
    public var mergedInto: ID<Idea>?
    public var commentCount: Int
    public var createdAt: Date
    public var editedAt: Date?
    public var publication: PublicationStatus
    /// The site of its zone, copied when it is submitted; `nil` for engine-wide ideas.
    public var siteID: String?

    /// Creates an idea.
    public init(
        id: ID<Idea>, zoneID: ID<IdeaZone>, authorID: ID<User>, title: String, body: SanitizedHTML,
        categories: [String] = [], status: IdeaStatus = .new, statusHistory: [StatusChange] = [],
        votes: [ID<User>: Vote] = [:], mergedIdeaIDs: [ID<Idea>] = [], mergedInto: ID<Idea>? = nil,
        commentCount: Int = 0, createdAt: Date, editedAt: Date? = nil, publication: PublicationStatus = .published,
        siteID: String? = nil
    ) {
        self.id = id
        self.zoneID = zoneID
        self.authorID = authorID
        self.title = title
        self.body = body
        self.categories = categories
        self.status = status
        self.statusHistory = statusHistory
        self.votes = votes
        self.mergedIdeaIDs = mergedIdeaIDs
        self.mergedInto = mergedInto
        self.commentCount = commentCount
        self.createdAt = createdAt
        self.editedAt = editedAt
        self.publication = publication
        self.siteID = siteID
    }

    /// Up votes minus down votes.
    public var score: Int { votes.values.reduce(0) { $0 + $1.value } }

    /// The time-decayed score: each vote weighs `0.5^(age / halfLife)`.
    public func trendingScore(at now: Date, halfLifeHours: Double) -> Double {
        let halfLife = max(halfLifeHours, 0.01) * 3600
        return votes.values.reduce(0) { sum, v in
            sum + Double(v.value) * pow(0.5, max(0, now.timeIntervalSince(v.at)) / halfLife)
        }
    }
}
