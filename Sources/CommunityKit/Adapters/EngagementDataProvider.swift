import CommunityModel
import CommunityAccess
import CommunityEngagement
import CommunityRendering
import Foundation

/// Feeds the built-in engagement components from the Engagement engine, as the viewer.
struct EngagementDataProvider: EngagementProvider {
    let engagement: Engagement
    let access: AccessEngine
    let store: any Store

    private func name(_ id: ID<User>) -> String { access.snapshot.user(id)?.nickname ?? "member" }

    private func rich(_ html: SanitizedHTML) -> RichText { .sanitized(TrustedHTML(uncheckedMarkup: html.html)) }

    func questions(topic: String?, viewer: Viewer, limit: Int) throws -> [QuestionSummary] {
        let limit = ListLimit.clamp(limit)
        guard limit > 0 else { return [] }
        let all = try store.snapshot().all(Question.self).map(\.value)
        return all.filter { q in
            guard q.publication == .published, q.groupID == nil else { return false }
            guard let topic else { return true }
            return q.topics.contains(topic)
        }
        .sorted { $0.createdAt != $1.createdAt ? $0.createdAt > $1.createdAt : $0.id < $1.id }
        .prefix(limit)
        .map { q in
            QuestionSummary(id: q.id.rawValue, title: q.title, author: name(q.askerID), answerCount: q.answerCount,
                            isSolved: q.isSolved, topics: q.topics, asked: q.createdAt)
        }
    }

    func question(id: String, viewer: Viewer) throws -> QuestionView? {
        guard let questionID = try? ID<Question>(parsing: id) else { return nil }
        let page: QuestionPage
        if let user = viewer.user?.id {
            guard let visible = try? engagement.questions.page(questionID, viewer: user) else { return nil }
            page = visible
        } else {
            // The guest sees what the question list shows the guest: published questions outside groups.
            guard let visible = try engagement.questions.publicPage(questionID) else { return nil }
            page = visible
        }
        let q = page.question
        var caseID: String?
        if let user = viewer.user?.id, let escalation = q.escalation,
           access.snapshot.access(user, to: "Case", id: escalation.caseID.rawValue) >= .read {
            caseID = escalation.caseID.rawValue
        }
        return QuestionView(
            summary: QuestionSummary(id: q.id.rawValue, title: q.title, author: name(q.askerID), answerCount: q.answerCount,
                                     isSolved: q.isSolved, topics: q.topics, asked: q.createdAt),
            body: rich(q.body),
            answers: page.answers.map { QuestionView.Answer(author: name($0.authorID), body: rich($0.body), isBest: $0.isBest) },
            caseID: caseID)
    }

    func ideas(viewer: Viewer, limit: Int) throws -> [IdeaSummary] {
        let limit = ListLimit.clamp(limit)
        guard let user = viewer.user?.id, limit > 0 else { return [] }
        var out: [IdeaSummary] = []
        for zone in try store.snapshot().all(IdeaZone.self).map(\.value) {
            for idea in try engagement.ideas.list(zone.id, viewer: user, limit: limit) {
                out.append(IdeaSummary(id: idea.id.rawValue, title: idea.title, score: idea.score, status: "\(idea.status)",
                                       viewerVoted: idea.votes[user] != nil))
            }
        }
        return Array(out.sorted { $0.score > $1.score }.prefix(limit))
    }

    func feed(viewer: Viewer, limit: Int) throws -> [FeedItemView] {
        let limit = ListLimit.clamp(limit)
        guard let user = viewer.user?.id, limit > 0 else { return [] }
        return try engagement.feeds.home(viewer: user, limit: limit).items.map {
            FeedItemView(author: name($0.authorID), body: rich($0.body), posted: $0.createdAt)
        }
    }

    func groups(viewer: Viewer, limit: Int) throws -> [GroupSummary] {
        let limit = ListLimit.clamp(limit)
        guard let user = viewer.user?.id, limit > 0 else { return [] }
        return try engagement.groups.directory(viewer: user).prefix(limit).map {
            GroupSummary(id: $0.id.rawValue, name: $0.name, memberCount: (try? engagement.groups.members(of: $0.id, viewer: user).count) ?? 0, access: "\($0.visibility)")
        }
    }

    func leaderboard(viewer: Viewer, limit: Int) throws -> [LeaderEntry] {
        let limit = ListLimit.clamp(limit)
        guard limit > 0 else { return [] }
        return try engagement.reputation.leaderboard(limit: limit).map { entry in
            LeaderEntry(name: name(entry.memberID), points: entry.points,
                        level: (try? engagement.reputation.level(of: entry.memberID))??.name ?? "")
        }
    }

    func member(id: String, viewer: Viewer) throws -> MemberProfile? {
        guard !viewer.isGuest, let userID = try? ID<User>(parsing: id), let user = access.snapshot.user(userID), user.isActive, user.kind != .guest else { return nil }
        return profile(user, viewer: viewer)
    }

    func members(viewer: Viewer, limit: Int) throws -> [MemberProfile] {
        let limit = ListLimit.clamp(limit)
        guard !viewer.isGuest, limit > 0 else { return [] }
        return try store.snapshot().all(User.self).map(\.value)
            .filter { $0.isActive && $0.kind != .guest }
            .prefix(limit)
            .map { profile($0, viewer: viewer) }
    }

    /// Nickname always; company only for employees or colleagues of the same account.
    private func profile(_ user: User, viewer: Viewer) -> MemberProfile {
        let sameAccount = user.accountID != nil && user.accountID == viewer.user?.accountID
        let company = (viewer.user?.kind == .internal || sameAccount)
            ? user.accountID.flatMap { access.snapshot.record("Account", id: $0.rawValue)?.value(of: "Name")?.description }
            : nil
        let points = try? engagement.reputation.account(of: user.id).points
        return MemberProfile(id: user.id.rawValue, name: user.nickname, title: nil, company: company, points: points)
    }
}
