/// Self-registrations waiting for review on a site, for the members who may review them. The
/// default reports nothing, so a host implements what it has.
public protocol RegistrationReviewProvider: Sendable {
    /// Whether `viewer` may approve or reject self-registrations of `site`.
    func mayReview(site: Site, viewer: Viewer) -> Bool
    /// The site's pending registrations, oldest first; empty when the viewer may not review them.
    func pendingRegistrations(site: Site, viewer: Viewer, limit: Int) throws -> [PendingRegistrationSummary]
}

extension RegistrationReviewProvider {
    /// No one.
    public func mayReview(site: Site, viewer: Viewer) -> Bool { false }
    /// None.
    public func pendingRegistrations(site: Site, viewer: Viewer, limit: Int) throws -> [PendingRegistrationSummary] { [] }
}
