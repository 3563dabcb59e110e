public import CommunityModel
public import Foundation

/// A community group (Chatter group): a feed, files and announcements for its members.
public struct CommunityGroup: Entity, Hashable {
    public static let entityType: EntityType = "CommunityGroup"

    /// Who can find the group and see its feed.
    public enum Visibility: String, Hashable, Sendable, Codable, CaseIterable {
        /// Anyone can see and join.
        case `public`
        /// Listed, but the feed is for members; joining needs an owner's or manager's approval.
        case `private`
        /// Not listed; members only, by invitation.
        case unlisted
    }

    /// A message pinned to the top of the group until it expires.
    public struct Announcement: Hashable, Sendable, Codable {
        public var text: SanitizedHTML
        public var postedBy: ID<User>
        public var postedAt: Date
        public var expiresAt: Date
        /// Creates an announcement.
        public init(text: SanitizedHTML, postedBy: ID<User>, postedAt: Date, expiresAt: Date) {
            self.text = text
            self.postedBy = postedBy
            self.postedAt = postedAt
            self.expiresAt = expiresAt
        }
    }

    public var id: ID<CommunityGroup>
    public var name: String
    public var summary: String
    public var visibility: Visibility
    /// The owner (exactly one).
    public var ownerID: ID<User>
    /// Most members allowed (`nil` for no limit).
    public var memberLimit: Int?
    /// Posts by ordinary members wait for a manager's approval.
    public var requiresPostApproval: Bool
    /// Archived groups are read-only.
    public var isArchived: Bool
    /// The current announcement.
    public var announcement: Announcement?
    /// Topics the group is about (for recommendations).
    public var topics: [String]
    public var createdAt: Date
    /// The site the group belongs to (its posts and questions belong there too); `nil` for an
    /// engine-wide group, which every site lists (groups stored before sites were scoped decode so).
    public var siteID: String?

    /// Creates a group.
    public init(
        id: ID<CommunityGroup>, name: String, summary: String = "", visibility: Visibility, ownerID: ID<User>,
        memberLimit: Int? = nil, requiresPostApproval: Bool = false, isArchived: Bool = false,
        announcement: Announcement? = nil, topics: [String] = [], createdAt: Date, siteID: String? = nil
    ) {
        self.id = id
        self.name = name
        self.summary = summary
        self.visibility = visibility
        self.ownerID = ownerID
        self.memberLimit = memberLimit
        self.requiresPostApproval = requiresPostApproval
        self.isArchived = isArchived
        self.announcement = announcement
        self.topics = topics
        self.createdAt = createdAt
        self.siteID = siteID
    }
}
