public import CommunityContent

/// What ``SynonymGroupsComponent`` reads: whether the viewer may manage search synonyms, and
/// the community's groups. The facade installs one over `Community.synonyms`.
public protocol SynonymGroupProvider: Sendable {
    /// Whether the viewer may list and change synonym groups.
    func mayManage(viewer: Viewer) -> Bool
    /// Every synonym group, sorted by locale then first term.
    ///
    /// - Throws: when the viewer may not manage them or the store fails.
    func groups(viewer: Viewer) throws -> [SynonymGroup]
}
