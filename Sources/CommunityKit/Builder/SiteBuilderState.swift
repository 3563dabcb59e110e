public import CommunityModel

/// Where a stored site stands: the version live, the newest version, and how many draft edits
/// are not yet published. Every draft edit, publication and rollback writes it, expecting the
/// version it read, so of two administrators publishing at once exactly one wins; its store
/// version is the *revision* the builder's forms carry.
public struct SiteBuilderState: Entity, Hashable {
    public static let entityType: EntityType = "SiteBuilderState"

    /// The record's key (derived from the site id).
    public var id: ID<SiteBuilderState>
    /// The site.
    public var siteID: String
    /// The version the live site serves.
    public var liveVersion: Int
    /// The newest version published.
    public var latestVersion: Int
    /// Draft edits since the last publication.
    public var unpublishedEdits: Int
    /// Entries in the site's audit trail.
    public var auditCount: Int

    /// A state.
    public init(siteID: String, liveVersion: Int, latestVersion: Int, unpublishedEdits: Int = 0, auditCount: Int = 0) {
        id = SiteStorageKey.key(siteID)
        self.siteID = siteID
        self.liveVersion = liveVersion
        self.latestVersion = latestVersion
        self.unpublishedEdits = unpublishedEdits
        self.auditCount = auditCount
    }
}
