/// Who may see a document, as access keys the index checks inside the query.
///
/// The descriptor is a conjunction of clauses; a clause is met when the viewer holds at
/// least one of its keys. No clauses means everyone (guests included) may see it. Keys are
/// plain strings whose meaning the writer and the ``SearchViewer`` agree on; the
/// conventions CommunityContent uses are in ``SearchAccessKey``.
public struct SearchVisibility: Sendable, Hashable, Codable {
    /// Clauses that must all be met; each is met by any one of its keys.
    public var clauses: [[String]]

    /// Creates a descriptor from clauses. An empty clause can never be met.
    public init(clauses: [[String]]) { self.clauses = clauses }

    /// Visible to every viewer.
    public static let everyone = SearchVisibility(clauses: [])

    /// Visible to viewers holding any of `keys`.
    public static func anyOf(_ keys: [String]) -> SearchVisibility { SearchVisibility(clauses: [keys]) }

    /// Visible only to viewers meeting both descriptors.
    public func and(_ other: SearchVisibility) -> SearchVisibility {
        SearchVisibility(clauses: clauses + other.clauses)
    }

    /// Whether a viewer holding `keys` meets every clause (the plain reference check).
    public func admits(_ viewer: SearchViewer) -> Bool {
        if viewer.isUnrestricted { return true }
        return clauses.allSatisfy { clause in clause.contains { viewer.keys.contains($0) } }
    }
}

/// Who is searching: the access keys they hold.
public struct SearchViewer: Sendable, Hashable {
    /// Keys the viewer holds.
    public var keys: Set<String>
    /// A viewer that sees everything (system jobs, administrators).
    public var isUnrestricted: Bool

    /// Creates a viewer holding `keys`.
    public init(keys: Set<String>) {
        self.keys = keys
        self.isUnrestricted = false
    }

    /// Sees everything.
    public static let unrestricted: SearchViewer = {
        var v = SearchViewer(keys: [])
        v.isUnrestricted = true
        return v
    }()

    /// Sees only documents visible to everyone.
    public static let anonymous = SearchViewer(keys: [])
}

/// The access-key conventions of CommunityContent, shared with the layers that index.
public enum SearchAccessKey {
    /// Held by viewers of a channel (`internal`, `customer`, `partner`, `public`).
    public static func channel(_ channel: String) -> String { "channel:\(channel)" }
    /// Held by viewers who may see a data category (ids of visible categories, children included).
    public static func category(_ id: String) -> String { "category:\(id)" }
    /// Held by the user themself.
    public static func user(_ id: String) -> String { "user:\(id)" }
    /// Held by members of a group (public group, chatter group, partner tier, …).
    public static func group(_ id: String) -> String { "group:\(id)" }
    /// Held by every signed-in, active member (not by guests).
    public static let members = "members"
    /// Held by partner users whose account tier is at least `tier`.
    public static func partnerTier(_ tier: String) -> String { "tier:\(tier)" }
    /// Held by viewers who see all knowledge (authors and publishers with manageKnowledge).
    public static let allKnowledge = "knowledge:all"
    /// Held by community moderators, who also see posts held for review.
    public static let moderators = "moderators"
    /// Held by whoever searches on a site (the site's id). A document that belongs to one site
    /// carries it as a clause; documents shared across sites (knowledge, files) do not.
    public static func site(_ id: String) -> String { "site:\(id)" }
    /// Held by whoever searches across every site (an engine-wide search, outside any site):
    /// meets every ``site(_:)`` clause, so such a search finds each site's content.
    public static let anySite = "site:*"
}
