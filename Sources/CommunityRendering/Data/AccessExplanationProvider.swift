public import CommunityAccess

/// Explains to administrators why a member can or cannot see a record. The default explains
/// nothing, so a host implements what it has.
public protocol AccessExplanationProvider: Sendable {
    /// Whether `viewer` may ask why others can see records.
    func mayExplain(viewer: Viewer) -> Bool
    /// The members of `site` an explanation may be asked for, as (id, name), sorted by name.
    func members(of site: Site, viewer: Viewer, limit: Int) throws -> [(id: String, name: String)]
    /// Why `user` can or cannot see the record; `nil` when the viewer may not ask, or the user is
    /// not one of ``members(of:viewer:limit:)``.
    func explanation(user: String, object: String, recordID: String, site: Site, viewer: Viewer) throws -> AccessExplanation?
}

extension AccessExplanationProvider {
    /// No one.
    public func mayExplain(viewer: Viewer) -> Bool { false }
    /// None.
    public func members(of site: Site, viewer: Viewer, limit: Int) throws -> [(id: String, name: String)] { [] }
    /// None.
    public func explanation(user: String, object: String, recordID: String, site: Site, viewer: Viewer) throws -> AccessExplanation? { nil }
}
