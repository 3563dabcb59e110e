public import CommunityModel
public import CommunityRendering
public import Foundation

/// One published version of a site: the whole site as it went live, who published it and
/// when. Versions count from 1 per site; a rollback publishes an earlier version's site again
/// as a new version.
public struct SitePublication: Entity, Hashable {
    public static let entityType: EntityType = "SitePublication"
    public static let indexedFields: [IndexedField<SitePublication>] = [IndexedField("siteID") { .text($0.siteID) }]

    /// The record's key (derived from the site id and version).
    public var id: ID<SitePublication>
    /// The site.
    public var siteID: String
    /// The version number, from 1.
    public var version: Int
    /// The site as published.
    public var site: Site
    /// Who published it; `nil` for a site a host stored from code.
    public var publishedBy: ID<User>?
    /// When.
    public var publishedAt: Date
    /// For a rollback, the version whose site was published again.
    public var restoredVersion: Int?

    /// A publication.
    public init(site: Site, version: Int, publishedBy: ID<User>?, publishedAt: Date, restoredVersion: Int? = nil) {
        id = SiteStorageKey.key(site.id, "v\(version)")
        siteID = site.id
        self.version = version
        self.site = site
        self.publishedBy = publishedBy
        self.publishedAt = publishedAt
        self.restoredVersion = restoredVersion
    }
}
