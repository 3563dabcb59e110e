import CommunityModel
import CommunityRendering

/// The registration queue's data: a site's pending self-registrations, for members who may
/// review them (``Community/mayReviewRegistrations(_:)``).
struct RegistrationReviewDataProvider: RegistrationReviewProvider {
    let store: any Store

    func mayReview(site: Site, viewer: Viewer) -> Bool { Community.mayReviewRegistrations(viewer) && site.isMember(viewer) }

    func pendingRegistrations(site: Site, viewer: Viewer, limit: Int) throws -> [PendingRegistrationSummary] {
        guard mayReview(site: site, viewer: viewer) else { return [] }
        return try Community.pendingRegistrations(site: site.id, in: store.snapshot())
            .prefix(max(0, limit))
            .map { PendingRegistrationSummary(id: $0.id.rawValue, name: $0.name, email: $0.email, requested: $0.createdAt) }
    }
}
