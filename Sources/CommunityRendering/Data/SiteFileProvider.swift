/// Files the site serves at `<prefix>/_file/<id>` (attachments, profile photos), as the viewer
/// may download them.
public protocol SiteFileProvider: Sendable {
    /// The file, counted as downloaded; `nil` when it does not exist or the viewer may not download it.
    func file(id: String, viewer: Viewer) throws -> SiteFile?
}
