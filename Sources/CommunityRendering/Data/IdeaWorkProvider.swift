/// Posting ideas and discussing them on a site: the site's idea zones, and one idea with its
/// comments. The default reports nothing, so a host implements what it has.
public protocol IdeaWorkProvider: Sendable {
    /// The idea zones `site` shows, by name.
    func ideaZones(site: Site, viewer: Viewer) throws -> [IdeaZoneSummary]
    /// One idea of `site` with its comments, as `viewer` may see them; `nil` when unknown,
    /// another site's, or not visible to the viewer.
    func idea(id: String, site: Site, viewer: Viewer) throws -> IdeaView?
}

extension IdeaWorkProvider {
    /// None.
    public func ideaZones(site: Site, viewer: Viewer) throws -> [IdeaZoneSummary] { [] }
    /// None.
    public func idea(id: String, site: Site, viewer: Viewer) throws -> IdeaView? { nil }
}
