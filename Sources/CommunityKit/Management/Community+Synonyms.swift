public import CommunityModel
public import CommunityContent
public import CommunityRendering

/// Search synonym groups, managed by administrators (the management permission, as for the
/// KPIs) and applied by every search of the community at query time (``synonyms``).
///
/// ```swift
/// try community.synonyms.seed(SynonymGroup.starterGroups)        // once, at set-up
/// try community.saveSynonymGroup(SynonymGroup(locale: "en", terms: ["invoice", "bill"]), by: admin)
/// try community.siteSearch(SiteSearchRequest(text: "my bill", locale: "en_US", articleLocales: []), as: member)
/// // finds "Download an invoice"
/// ```
extension Community {
    /// Every synonym group, sorted by locale then first term, as an administrator sees them.
    ///
    /// - Throws: ``ManagementError/notPermitted(user:)`` for a viewer without the management permission.
    public func synonymGroups(as viewer: Viewer) throws -> [SynonymGroup] {
        guard mayViewKPIs(viewer) else { throw ManagementError.notPermitted(user: viewer.user?.id.rawValue) }
        return try synonyms.groups()
    }

    /// Adds a synonym group, or replaces the one with its id; the next search uses it.
    ///
    /// - Throws: ``ManagementError/notPermitted(user:)``, or ``SynonymGroupError`` for an invalid
    ///   group (nothing is written).
    public func saveSynonymGroup(_ group: SynonymGroup, by viewer: Viewer) throws {
        guard mayViewKPIs(viewer) else { throw ManagementError.notPermitted(user: viewer.user?.id.rawValue) }
        try synonyms.save(group)
    }

    /// Deletes a synonym group.
    ///
    /// - Throws: ``ManagementError/notPermitted(user:)`` or ``SynonymGroupError/unknownGroup(_:)``.
    public func deleteSynonymGroup(_ id: ID<SynonymGroup>, by viewer: Viewer) throws {
        guard mayViewKPIs(viewer) else { throw ManagementError.notPermitted(user: viewer.user?.id.rawValue) }
        try synonyms.delete(id)
    }
}

/// The synonym administration's data for ``SynonymGroupsComponent``.
struct SynonymGroupDataProvider: SynonymGroupProvider {
    let link: CommunityLink

    func mayManage(viewer: Viewer) -> Bool { link.community?.mayViewKPIs(viewer) ?? false }

    func groups(viewer: Viewer) throws -> [SynonymGroup] {
        guard let community = link.community else { return [] }
        return try community.synonymGroups(as: viewer)
    }
}
