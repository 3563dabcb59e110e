public import CommunityModel
public import Foundation

/// A notice in a member's in-app inbox.
public struct Notification: Entity, Hashable {
    public static let entityType: EntityType = "Notification"
    public static var indexedFields: [IndexedField<Notification>] {
        [
            IndexedField("recipientID") { .reference($0.recipientID.rawValue) },
            IndexedField("emailQueue") { $0.emailQueue.map { .picklist($0.rawValue) } },
        ]
    }

    public var id: ID<Notification>
    public var recipientID: ID<User>
    public var kind: NotificationKind
    /// One line, plain text.
    public var title: String
    /// Plain text details.
    public var body: String
    /// What it links to, such as `question:q1` or `case:500…` (hosts map it to a URL).
    public var link: String?
    /// Who caused it.
    public var actorID: ID<User>?
    public var createdAt: Date
    public var readAt: Date?
    /// Waiting for an e-mail of this frequency (`nil`: no e-mail pending).
    public var emailQueue: EmailFrequency?
    /// When it went out by e-mail.
    public var emailedAt: Date?

    /// Creates a notice.
    public init(
        id: ID<Notification> = .generate(prefix: "ntf"), recipientID: ID<User>, kind: NotificationKind, title: String,
        body: String = "", link: String? = nil, actorID: ID<User>? = nil, createdAt: Date, readAt: Date? = nil,
        emailQueue: EmailFrequency? = nil, emailedAt: Date? = nil
    ) {
        self.id = id
        self.recipientID = recipientID
        self.kind = kind
        self.title = title
        self.body = body
        self.link = link
        self.actorID = actorID
        self.createdAt = createdAt
        self.readAt = readAt
        self.emailQueue = emailQueue
        self.emailedAt = emailedAt
    }

    /// Whether the member has not read it yet.
    public var isUnread: Bool { readAt == nil }
}
