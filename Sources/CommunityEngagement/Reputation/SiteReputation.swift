public import CommunityModel

/// A member's reputation in one site: the points earned from that site's content, per topic,
/// and the level they reach there. The engine-wide total stays on ``ReputationAccount``.
///
/// Points from engine-wide content (no site) count only in the total, never in a site.
public struct SiteReputation: Entity, Hashable {
    public static let entityType: EntityType = "SiteReputation"
    /// The site is indexed: a site's leaderboard reads only its own members' standings.
    public static var indexedFields: [IndexedField<SiteReputation>] {
        [IndexedField("siteID") { .text($0.siteID) }]
    }

    /// Derived from the site and the member (see ``id(site:member:)``).
    public var id: ID<SiteReputation>
    /// The site.
    public var siteID: String
    /// The member.
    public var memberID: ID<User>
    /// Points earned in the site.
    public var points: Int
    /// Points earned in the site per topic.
    public var topicPoints: [String: Int]
    /// The level the site's points reach.
    public var level: String?

    /// A member's empty standing in a site.
    public init(site: String, memberID: ID<User>) {
        self.id = Self.id(site: site, member: memberID)
        self.siteID = site
        self.memberID = memberID
        self.points = 0
        self.topicPoints = [:]
        self.level = nil
    }

    /// The id of a member's standing in a site.
    public static func id(site: String, member: ID<User>) -> ID<SiteReputation> {
        StableID.make(prefix: "srep", site, member.rawValue)
    }
}
