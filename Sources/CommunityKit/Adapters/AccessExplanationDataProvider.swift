import CommunityModel
import CommunityAccess
import CommunityRendering

/// "Why can this member see this record?" for holders of
/// ``Community/explainAccessPermission``: the site's active members to choose from, and the
/// access engine's explanation (``AccessSnapshot/explain(_:_:id:)``) for one of them.
struct AccessExplanationDataProvider: AccessExplanationProvider {
    let access: AccessEngine
    let store: any Store

    func mayExplain(viewer: Viewer) -> Bool {
        !viewer.isGuest && viewer.permissions.contains(Community.explainAccessPermission.name)
    }

    func members(of site: Site, viewer: Viewer, limit: Int) throws -> [(id: String, name: String)] {
        guard mayExplain(viewer: viewer) else { return [] }
        let users = try store.snapshot().all(User.self).map(\.value).filter { $0.isActive && $0.kind != .guest }
        // A member profile decides at once; a viewer (with permission sets through groups) is
        // built only for the others, and only when the site admits members by permission set.
        let profiles = Set(site.memberProfileIDs)
        let members = users.filter { user in
            profiles.contains(user.profileID)
                || (!site.memberPermissionSetIDs.isEmpty && site.isMember(Community.viewer(user.id, access: access, store: store)))
        }
        return members.sorted { ($0.name, $0.id) < ($1.name, $1.id) }.prefix(max(0, limit)).map { (id: $0.id.rawValue, name: $0.name) }
    }

    func explanation(user: String, object: String, recordID: String, site: Site, viewer: Viewer) throws -> AccessExplanation? {
        guard mayExplain(viewer: viewer), let id = try? ID<User>(parsing: user),
              site.isMember(Community.viewer(id, access: access, store: store)) else { return nil }
        return access.snapshot.explain(id, EntityType(object), id: recordID)
    }
}
