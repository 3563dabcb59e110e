public import CommunityModel
public import Foundation

/// A post in a feed: text, a question, a poll, a link or a file.
///
/// No field is indexed in the store: feeds are read from the engine's per-feed logs, never by
/// store queries, and every index would cost each post an extra write.
public struct FeedItem: Entity, Hashable {
    public static let entityType: EntityType = "FeedItem"

    /// What kind of post it is.
    public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
        case text, question, poll, link, file
    }

    /// A poll's choices and votes (one choice per member, changeable).
    public struct Poll: Hashable, Sendable, Codable {
        /// The choices, in order.
        public var choices: [String]
        /// Each voter's choice index.
        public var votes: [ID<User>: Int]
        /// Creates a poll.
        public init(choices: [String], votes: [ID<User>: Int] = [:]) {
            self.choices = choices
            self.votes = votes
        }
        /// Votes per choice.
        public var tally: [Int] {
            var t = Array(repeating: 0, count: choices.count)
            for (_, c) in votes where c >= 0 && c < t.count { t[c] += 1 }
            return t
        }
    }

    /// A file shared in a post (the bytes live in Content's blob store).
    public struct Attachment: Hashable, Sendable, Codable {
        /// The file's id in the blob store.
        public var fileID: String
        /// Its title (screened by moderation rules).
        public var title: String
        /// Size in bytes.
        public var size: Int
        /// MIME type.
        public var contentType: String
        /// Creates an attachment.
        public init(fileID: String, title: String, size: Int, contentType: String) {
            self.fileID = fileID
            self.title = title
            self.size = size
            self.contentType = contentType
        }
    }

    public var id: ID<FeedItem>
    /// Who posted.
    public var authorID: ID<User>
    public var kind: Kind
    /// Where it was posted.
    public var parent: FeedParent
    /// Sanitised rich text.
    public var body: SanitizedHTML
    /// Topics it is filed under (normalised).
    public var topics: [String]
    /// Members mentioned.
    public var mentionedMembers: [ID<User>]
    /// Groups mentioned.
    public var mentionedGroups: [ID<CommunityGroup>]
    /// For link posts, the (safe) URL.
    public var link: String?
    /// For polls.
    public var poll: Poll?
    /// For file posts.
    public var attachment: Attachment?
    /// For question posts, the question.
    public var questionID: ID<Question>?
    /// A group announcement (pinned by an owner or manager).
    public var isAnnouncement: Bool
    public var createdAt: Date
    /// When it was last edited.
    public var editedAt: Date?
    public var status: PublicationStatus
    /// Members who like it.
    public var likers: Set<ID<User>>
    /// Published comments.
    public var commentCount: Int
    /// The site it was posted in; `nil` for engine-wide content (posted through the API without a
    /// site, or stored before sites were scoped), which every site shows.
    public var siteID: String?

    /// Creates a feed item.
    public init(
        id: ID<FeedItem>, authorID: ID<User>, kind: Kind, parent: FeedParent, body: SanitizedHTML,
        topics: [String] = [], mentionedMembers: [ID<User>] = [], mentionedGroups: [ID<CommunityGroup>] = [],
        link: String? = nil, poll: Poll? = nil, attachment: Attachment? = nil, questionID: ID<Question>? = nil,
        isAnnouncement: Bool = false, createdAt: Date, editedAt: Date? = nil, status: PublicationStatus = .published,
        likers: Set<ID<User>> = [], commentCount: Int = 0, siteID: String? = nil
    ) {
        self.id = id
        self.authorID = authorID
        self.kind = kind
        self.parent = parent
        self.body = body
        self.topics = topics
        self.mentionedMembers = mentionedMembers
        self.mentionedGroups = mentionedGroups
        self.link = link
        self.poll = poll
        self.attachment = attachment
        self.questionID = questionID
        self.isAnnouncement = isAnnouncement
        self.createdAt = createdAt
        self.editedAt = editedAt
        self.status = status
        self.likers = likers
        self.commentCount = commentCount
        self.siteID = siteID
    }

    /// Every feed the item appears in: its parent's, its author's, its topics' (and its question's).
    public var feedKeys: [FeedKey] {
        var keys: [FeedKey] = [parent.feedKey]
        if parent.feedKey != .member(authorID) { keys.append(.member(authorID)) }
        for t in topics { keys.append(.topic(t)) }
        if let q = questionID { keys.append(.question(q)) }
        return keys
    }
}
