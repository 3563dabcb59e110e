import CommunityModel
import CommunityAccess
import CommunityEngagement
import CommunityRendering

extension Community {
    /// The services a site's components read: the engine's, with the engagement provider bound
    /// to the site (its questions, ideas, feed, groups, leaderboard and members only), as are the
    /// site forms' best-answer choices and moderation queue, and the knowledge provider (views and
    /// votes count in the site). A
    /// provider a plugin registered instead of the built-in one is left as it is.
    func services(for site: Site) -> RenderServices {
        var scoped = services
        if let provider = services.get((any EngagementProvider).self) as? EngagementDataProvider {
            scoped.set((any EngagementProvider).self, provider.bound(to: site))
        }
        if let provider = services.get((any KnowledgeProvider).self) as? ContentKnowledgeProvider {
            scoped.set((any KnowledgeProvider).self, provider.bound(to: site.id))
        }
        SiteFormsDataProvider.bind(&scoped, to: site.id)
        return scoped
    }

    /// Stores the site's guest user (kind guest, the site's guest profile) when the site names a
    /// guest profile, and records it as the guest of the site's ``SiteMembership`` (keeping the
    /// membership's default owner), so guest sharing rules can target it.
    ///
    /// - Throws: ``CommunityError/configuration(_:)`` when the store refuses the write (nothing is written).
    func ensureGuestUser(of site: Site) throws(CommunityError) {
        guard let guest = site.guestUser else { return }
        do {
            try store.write { tx in
                if let existing = try tx.value(guest.id) {
                    guard existing.kind == .guest else {
                        throw CommunityError.configuration("user \(guest.id) exists and is not a guest user; site \(site.id) cannot use it")
                    }
                    if existing.profileID != guest.profileID || !existing.isActive {
                        var updated = existing
                        updated.profileID = guest.profileID
                        updated.isActive = true
                        try tx.put(updated)
                    }
                } else {
                    try tx.put(guest, expecting: .absent)
                }
                let membershipID = ID<SiteMembership>(sanitizing: site.id)
                var membership = try tx.value(membershipID) ?? SiteMembership(id: membershipID)
                if membership.guestUserID != guest.id {
                    membership.guestUserID = guest.id
                    if membership.profileIDs.isEmpty { membership.profileIDs = Set(site.memberProfileIDs) }
                    if membership.permissionSetIDs.isEmpty { membership.permissionSetIDs = Set(site.memberPermissionSetIDs) }
                    try tx.put(membership)
                }
            }
        } catch let error as CommunityError {
            throw error
        } catch {
            throw .configuration("site \(site.id): cannot store its guest user: \(error)")
        }
    }

    /// The viewer a guest request of a site is evaluated as: the site's guest user, still a guest
    /// (``Viewer/isGuest``), with the request's anonymous session.
    func guestViewer(_ guest: ID<User>, sessionID: String) -> Viewer {
        guard let user = access.snapshot.user(guest), user.kind == .guest, user.isActive else {
            return Viewer(user: nil, sessionID: sessionID)
        }
        return Viewer(user: user, sessionID: sessionID)
    }
}

extension Community {
    /// Builds a site's member list (directory order) when the site is added, in the background
    /// for a large user base, so the first member directory or leaderboard after start-up reads
    /// a ready list instead of deciding membership for every user while the viewer waits.
    func prepareMembers(of site: Site) {
        guard let provider = services.get((any EngagementProvider).self) as? EngagementDataProvider else { return }
        provider.bound(to: site).prepareMembers()
    }
}
