public import CommunityModel

/// How long a site's search query log keeps who searched: after ``days`` the entries keep their
/// query, result count and click but lose the viewer id. One per site (the id is the site id).
public struct SearchLogRetention: Entity, Hashable {
    /// The store table name.
    public static let entityType: EntityType = "SearchLogRetention"
    /// The window a site has when it set none.
    public static let defaultDays = 30
    /// The longest window a site may set.
    public static let maximumDays = 365

    /// The site's id.
    public var id: ID<SearchLogRetention>
    /// Days a viewer id is kept, 0 (never kept past the next purge) to ``maximumDays``.
    public var days: Int

    /// The retention of a site.
    public init(site: ID<SearchLogRetention>, days: Int) {
        self.id = site
        self.days = days
    }

    /// Checks that ``days`` is within 0...``maximumDays``.
    public func validate() throws {
        guard (0...Self.maximumDays).contains(days) else {
            throw ValidationError(field: "SearchLogRetention.days", reason: .invalidValue("must be 0 to \(Self.maximumDays)"))
        }
    }
}
