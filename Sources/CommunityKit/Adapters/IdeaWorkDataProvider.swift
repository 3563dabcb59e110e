import CommunityModel
import CommunityAccess
import CommunityEngagement
import CommunityRendering

/// The idea form's zones and the idea page from Engagement, as the viewer may see them: only
/// the site's own (and engine-wide) zones and ideas.
struct IdeaWorkDataProvider: IdeaWorkProvider {
    let engagement: Engagement
    let access: AccessEngine

    func ideaZones(site: Site, viewer: Viewer) throws -> [IdeaZoneSummary] {
        try engagement.ideas.zones(site: site.id).map { IdeaZoneSummary(id: $0.id.rawValue, name: $0.name) }
    }

    func idea(id: String, site: Site, viewer: Viewer) throws -> IdeaView? {
        guard let user = viewer.user, !viewer.isGuest, let ideaID = try? ID<Idea>(parsing: id) else { return nil }
        let idea: Idea
        do {
            idea = try engagement.ideas.idea(ideaID, viewer: user.id, site: site.id)
        } catch EngagementError.notFound {
            return nil
        }
        let comments = try engagement.feeds.comments(on: .idea(ideaID), viewer: user.id).map {
            IdeaView.Comment(author: name($0.authorID), body: rich($0.body), posted: $0.createdAt)
        }
        return IdeaView(id: idea.id.rawValue, title: idea.title, body: rich(idea.body), author: name(idea.authorID),
                        status: idea.status.rawValue, score: idea.score, posted: idea.createdAt, comments: comments,
                        viewerVoted: idea.votes[user.id] != nil)
    }

    private func name(_ id: ID<User>) -> String { access.snapshot.user(id)?.nickname ?? "member" }

    private func rich(_ html: SanitizedHTML) -> RichText { .sanitized(TrustedHTML(uncheckedMarkup: html.html)) }
}
