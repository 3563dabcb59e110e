import CommunityModel
import CommunityRendering

/// The registration queue's action: approve (the member's user is created with the site's
/// self-registration profile and account) or reject a pending self-registration of this site.
/// Members who may not review registrations (``Community/mayReviewRegistrations(_:)``) get 403;
/// an unknown id, another site's registration or one reviewed meanwhile is a form error.
enum RegistrationActions {
    static func install(into actions: inout FormActionRegistry, store: any Store) {
        actions.register(RegistrationQueueComponent.action) { request in
            guard StandardActions.member(request) != nil, Community.mayReviewRegistrations(request.viewer) else { return .forbidden }
            guard let id = StandardActions.parse(request.field("registration"), as: SiteRegistration.self),
                  let registration = try store.snapshot().value(id), registration.siteID == request.site.id,
                  registration.status == .pending else {
                return .invalid(["": request.text("registrations.unknown")])
            }
            do {
                switch request.field("decision") {
                case "approve": _ = try Community.approveRegistration(id, on: request.site, in: store, now: request.clock.now())
                case "reject": try Community.rejectRegistration(id, site: request.site.id, in: store)
                default: return .invalid(["": request.text("registrations.unknown")])
                }
            } catch CommunityError.unknownRegistration {
                return .invalid(["": request.text("registrations.unknown")])
            }
            return .redirect(ProgramActions.back(request, to: RegistrationQueueComponent.type))
        }
    }
}
