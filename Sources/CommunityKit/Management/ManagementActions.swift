import CommunityModel
import CommunityEngagement
import CommunityRendering

/// The management console's form action: set a site's search log retention, as the signed-in
/// administrator. The fields are parsed first; a bad value comes back on its field, a viewer
/// without the management permission gets 403.
enum ManagementActions {
    static func install(into actions: inout FormActionRegistry, link: CommunityLink) {
        actions.register(SearchLogSettingsComponent.action) { request in
            guard let community = link.community, community.mayViewKPIs(request.viewer), StandardActions.member(request) != nil else {
                return .forbidden
            }
            var errors: [String: String] = [:]
            let site = request.field("site")
            if site.map({ community.site($0) != nil }) != true { errors["site"] = "Choose a site." }
            let days = request.field("days").flatMap { $0.count <= 3 ? Int($0) : nil }
            if days.map({ (0...SearchLogRetention.maximumDays).contains($0) }) != true {
                errors["days"] = "Enter a whole number of days from 0 to \(SearchLogRetention.maximumDays)."
            }
            guard errors.isEmpty, let site, let days else { return .invalid(errors) }
            do {
                try community.setSearchLogRetention(days, site: site, by: request.viewer)
            } catch let error as ManagementError {
                if case .notPermitted = error { return .forbidden }
                return .invalid(["": error.description])
            }
            return .redirect(ProgramActions.back(request, to: SearchLogSettingsComponent.type))
        }
        SynonymActions.install(into: &actions, link: link)
    }
}
