import CommunityModel
import CommunityEngagement
import CommunityRendering
import Foundation

/// Feeds the employee portal component from ``EmployeePortal``, as the viewer: only an
/// active internal user's own announcements and requests, nothing for anyone else.
struct EmployeeDataProvider: EmployeePortalProvider {
    let portal: EmployeePortal
    /// The registered request kinds, sorted.
    let kinds: [String]

    func announcements(viewer: Viewer, limit: Int) throws -> [AnnouncementSummary] {
        let limit = ListLimit.clamp(limit)
        guard limit > 0, let user = Self.employee(viewer) else { return [] }
        return try portal.announcements(for: user.id).prefix(limit).map {
            AnnouncementSummary(id: $0.id.rawValue, title: $0.title, body: $0.body, published: $0.publishedAt)
        }
    }

    func employeeRequests(viewer: Viewer, limit: Int) throws -> [EmployeeRequestSummary] {
        let limit = ListLimit.clamp(limit)
        guard limit > 0, let user = Self.employee(viewer) else { return [] }
        return try portal.requests(of: user.id).prefix(limit).map { request in
            let days = [request.startDay, request.endDay].compactMap { $0?.description }.joined(separator: " – ")
            return EmployeeRequestSummary(
                id: request.id.rawValue, kind: request.kind, details: request.details, days: days,
                status: request.status.rawValue, submitted: request.submittedAt)
        }
    }

    func requestKinds() -> [String] { kinds }

    func mayPublish(viewer: Viewer) -> Bool {
        guard let user = Self.employee(viewer) else { return false }
        return portal.publisherRoles.isEmpty || (user.roleID.map(portal.publisherRoles.contains) ?? false)
    }

    /// The viewer's user when they are an active internal user.
    static func employee(_ viewer: Viewer) -> User? {
        guard let user = viewer.user, !viewer.isGuest, user.isActive, user.kind == .internal else { return nil }
        return user
    }
}
