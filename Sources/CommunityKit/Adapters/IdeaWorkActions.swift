import CommunityModel
import CommunityEngagement
import CommunityRendering

/// The idea form's and idea page's actions: post an idea into one of the site's zones, comment
/// on an idea the site shows, as the signed-in member. Text is screened and sanitised by
/// Engagement; a zone or idea the site does not show is a form error.
enum IdeaWorkActions {
    static func install(into actions: inout FormActionRegistry, engagement: Engagement) {
        actions.register(IdeaFormComponent.action) { request in
            guard let user = StandardActions.member(request) else { return .forbidden }
            let zone = StandardActions.parse(request.field("zone"), as: IdeaZone.self)
            let title = request.field("title"), body = request.field("body")
            var errors: [String: String] = [:]
            if title == nil { errors["title"] = request.text("ideaForm.titleMissing") }
            if body == nil { errors["body"] = request.text("ideaForm.bodyMissing") }
            let zones = try engagement.ideas.zones(site: request.site.id)
            if zone == nil || !zones.contains(where: { $0.id == zone }) { errors["zone"] = request.text("ideaForm.zoneUnknown") }
            guard errors.isEmpty, let zone, let title, let body else { return .invalid(errors) }
            return try StandardActions.outcome(request) {
                let idea = try engagement.ideas.submit(to: zone, title: title, body: body, by: user)
                return .redirect(StandardActions.link(request.site, objectType: "Idea", id: idea.id.rawValue))
            }
        }
        actions.register(IdeaDetailComponent.commentAction) { request in
            guard let user = StandardActions.member(request) else { return .forbidden }
            guard let idea = StandardActions.parse(request.field("idea"), as: Idea.self) else { return .invalid(["": request.text("ideas.unknown")]) }
            guard let body = request.field("body") else { return .invalid(["body": request.text("ideaDetail.commentMissing")]) }
            do {
                _ = try engagement.ideas.idea(idea, viewer: user, site: request.site.id)
            } catch EngagementError.notFound {
                return .invalid(["": request.text("ideas.unknown")])
            }
            return try StandardActions.outcome(request) {
                try engagement.ideas.comment(on: idea, body: body, by: user)
                return .redirect(StandardActions.link(request.site, objectType: "Idea", id: idea.rawValue))
            }
        }
    }
}
