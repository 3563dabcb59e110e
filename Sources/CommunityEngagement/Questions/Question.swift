public import CommunityModel
public import Foundation

/// A question a member asks the community; answers are ``Answer`` entities.
public struct Question: Entity, Hashable {
    public static let entityType: EntityType = "Question"
    public static var indexedFields: [IndexedField<Question>] {
        [
            IndexedField("askerID") { .reference($0.askerID.rawValue) },
            IndexedField("createdAt") { .dateTime($0.createdAt) },
            IndexedField("isSolved") { .checkbox($0.isSolved) },
        ]
    }

    /// The link from a question to the support case it became.
    public struct Escalation: Hashable, Sendable, Codable {
        /// The case created for it (by the Service module, with this id).
        public var caseID: ID<Case>
        /// Why it escalated.
        public var reason: QuestionEscalated.Reason
        /// When it escalated.
        public var at: Date

        /// Creates an escalation link.
        public init(caseID: ID<Case>, reason: QuestionEscalated.Reason, at: Date) {
            self.caseID = caseID
            self.reason = reason
            self.at = at
        }
    }

    public var id: ID<Question>
    /// Who asked.
    public var askerID: ID<User>
    /// One-line title, plain text.
    public var title: String
    /// Body as sanitised rich text (HTML from the allowlist only).
    public var body: SanitizedHTML
    /// Topics the question is filed under.
    public var topics: [String]
    /// The group it was asked in, if any (then only the group's audience sees it).
    public var groupID: ID<CommunityGroup>?
    /// When it was asked.
    public var createdAt: Date
    /// The chosen best answer.
    public var bestAnswerID: ID<Answer>?
    /// Whether the asker or a moderator marked it solved.
    public var isSolved: Bool
    /// How many answers it has (kept with each answer).
    public var answerCount: Int
    /// Members who upvoted the question itself (each counted once).
    public var upvoters: Set<ID<User>>
    /// Set once the question has become a support case.
    public var escalation: Escalation?
    /// The draft knowledge articles made from its answers.
    public var articleIDs: [String]
    /// Whether it is shown (moderation can hold or remove it).
    public var publication: PublicationStatus
    /// The feed item that carries it in feeds.
    public var feedItemID: ID<FeedItem>?
    /// When it was last edited.
    public var editedAt: Date?
    /// The site it was asked in; `nil` for an engine-wide question (asked through the API without
    /// a site, or stored before sites were scoped), which every site shows. Its answers belong
    /// to the same site.
    public var siteID: String?

    /// Creates a question.
    public init(
        id: ID<Question>, askerID: ID<User>, title: String, body: SanitizedHTML, topics: [String] = [],
        groupID: ID<CommunityGroup>? = nil, createdAt: Date, bestAnswerID: ID<Answer>? = nil, isSolved: Bool = false,
        answerCount: Int = 0, upvoters: Set<ID<User>> = [], escalation: Escalation? = nil, articleIDs: [String] = [],
        publication: PublicationStatus = .published, feedItemID: ID<FeedItem>? = nil, editedAt: Date? = nil,
        siteID: String? = nil
    ) {
        self.id = id
        self.askerID = askerID
        self.title = title
        self.body = body
        self.topics = topics
        self.groupID = groupID
        self.createdAt = createdAt
        self.bestAnswerID = bestAnswerID
        self.isSolved = isSolved
        self.answerCount = answerCount
        self.upvoters = upvoters
        self.escalation = escalation
        self.articleIDs = articleIDs
        self.publication = publication
        self.feedItemID = feedItemID
        self.editedAt = editedAt
        self.siteID = siteID
    }
}
