import CommunityModel
import CommunityAccess
import CommunityEngagement
import CommunityRendering
import Foundation

/// Feeds the built-in engagement components from the Engagement engine, as the viewer, within
/// one site.
///
/// ``Community/addSite(_:)`` gives each site its own provider bound to the site: questions,
/// ideas, the feed, groups and the leaderboard show that site's content (and engine-wide
/// content, see ``SiteScope``), and the member directory lists the site's members only (users
/// whose profile or permission sets the site counts). Every list goes through the engine's
/// visibility checks as the viewer; nothing is read from the store unchecked. The provider the
/// engine registers before any site exists (`site == nil`) is the engine-wide view.
struct EngagementDataProvider: EngagementProvider {
    let engagement: Engagement
    let access: AccessEngine
    let store: any Store
    /// The site the provider serves; `nil` for the engine-wide view.
    var site: Site?
    /// The viewer for a user (their permission sets through groups), for site membership.
    let viewerFor: @Sendable (ID<User>) -> Viewer
    /// Each site's members, kept between requests.
    let memberIndex: SiteMemberIndex

    /// The same provider bound to a site.
    func bound(to site: Site) -> EngagementDataProvider {
        var copy = self
        copy.site = site
        return copy
    }

    private var siteID: String? { site?.id }

    private func name(_ id: ID<User>) -> String { access.snapshot.user(id)?.nickname ?? "member" }

    private func rich(_ html: SanitizedHTML) -> RichText { .sanitized(TrustedHTML(uncheckedMarkup: html.html)) }

    /// The signed-in (non-guest) user behind a viewer.
    private func member(_ viewer: Viewer) -> ID<User>? {
        guard let user = viewer.user, !viewer.isGuest else { return nil }
        return user.id
    }

    /// Whether a user counts as a member of the site (every active non-guest user without a site).
    private func isSiteMember(_ user: User) -> Bool {
        guard user.isActive, user.kind != .guest else { return false }
        guard let site else { return true }
        return site.isMember(viewerFor(user.id))
    }

    func questions(topic: String?, viewer: Viewer, limit: Int) throws -> [QuestionSummary] {
        let limit = ListLimit.clamp(limit)
        guard limit > 0 else { return [] }
        let questions: [Question]
        if let user = member(viewer) {
            questions = try engagement.questions.list(site: siteID, topic: topic, viewer: user, limit: limit)
        } else {
            // The guest sees what it may open: published questions outside groups.
            questions = try engagement.questions.publicList(site: siteID, topic: topic, limit: limit)
        }
        return questions.map { q in
            QuestionSummary(id: q.id.rawValue, title: q.title, author: name(q.askerID), answerCount: q.answerCount,
                            isSolved: q.isSolved, topics: q.topics, asked: q.createdAt)
        }
    }

    func question(id: String, viewer: Viewer) throws -> QuestionView? {
        guard let questionID = try? ID<Question>(parsing: id) else { return nil }
        let page: QuestionPage
        if let user = member(viewer) {
            guard let visible = try? engagement.questions.page(questionID, viewer: user, site: siteID) else { return nil }
            page = visible
        } else {
            // The guest sees what the question list shows the guest: published questions outside groups.
            guard let visible = try engagement.questions.publicPage(questionID, site: siteID) else { return nil }
            page = visible
        }
        let q = page.question
        // Counted once per viewer and day; the site's guests count as its guest user.
        if let user = viewer.user?.id { _ = try? engagement.questions.recordView(q.id, viewer: user, site: siteID) }
        var caseID: String?
        if let user = member(viewer), let escalation = q.escalation,
           access.snapshot.access(user, to: "Case", id: escalation.caseID.rawValue) >= .read {
            caseID = escalation.caseID.rawValue
        }
        return QuestionView(
            summary: QuestionSummary(id: q.id.rawValue, title: q.title, author: name(q.askerID), answerCount: q.answerCount,
                                     isSolved: q.isSolved, topics: q.topics, asked: q.createdAt),
            body: rich(q.body),
            answers: page.answers.map { QuestionView.Answer(author: name($0.authorID), body: rich($0.body), isBest: $0.isBest, posted: $0.createdAt) },
            caseID: caseID)
    }

    func ideas(viewer: Viewer, limit: Int) throws -> [IdeaSummary] {
        try ideas(viewer: viewer, limit: limit, order: .top)
    }

    /// Ideas of the site's zones in an order. `trending` reads each zone's stored ranking
    /// (``Ideas/trend(of:)``, written by the scheduled refresh); ideas posted since the last
    /// refresh follow the ranked ones, newest first, and a zone never ranked is ranked live.
    func ideas(viewer: Viewer, limit: Int, order: IdeaListOrder) throws -> [IdeaSummary] {
        let limit = ListLimit.clamp(limit)
        guard let user = member(viewer), limit > 0 else { return [] }
        // Each idea with its sort key: (ranked, value), higher first; newer and then lower ids break ties.
        var keyed: [(idea: Idea, ranked: Bool, value: Double)] = []
        let now = engagement.clock.now()
        for zone in try engagement.ideas.zones(site: siteID) {
            switch order {
            case .top:
                keyed += try engagement.ideas.list(zone.id, viewer: user, limit: limit).map { ($0, true, Double($0.score)) }
            case .recent:
                keyed += try engagement.ideas.list(zone.id, order: .recent, viewer: user, limit: limit)
                    .map { ($0, true, $0.createdAt.timeIntervalSinceReferenceDate) }
            case .trending:
                let visible = try engagement.ideas.list(zone.id, order: .recent, viewer: user, limit: ListLimit.maximum)
                if let trend = try engagement.ideas.trend(of: zone.id) {
                    let scores = Dictionary(trend.entries.map { ($0.ideaID, $0.score) }, uniquingKeysWith: { first, _ in first })
                    keyed += visible.map { idea in
                        scores[idea.id].map { (idea, true, $0) } ?? (idea, false, idea.createdAt.timeIntervalSinceReferenceDate)
                    }
                } else {
                    keyed += visible.map { ($0, true, $0.trendingScore(at: now, halfLifeHours: zone.trendingHalfLifeHours)) }
                }
            }
        }
        keyed.sort { a, b in
            if a.ranked != b.ranked { return a.ranked }
            if a.value != b.value { return a.value > b.value }
            if a.idea.createdAt != b.idea.createdAt { return a.idea.createdAt > b.idea.createdAt }
            return a.idea.id < b.idea.id
        }
        return keyed.prefix(limit).map { entry in
            IdeaSummary(id: entry.idea.id.rawValue, title: entry.idea.title, score: entry.idea.score, status: "\(entry.idea.status)",
                        viewerVoted: entry.idea.votes[user] != nil)
        }
    }

    func feed(viewer: Viewer, limit: Int) throws -> [FeedItemView] {
        let limit = ListLimit.clamp(limit)
        guard let user = member(viewer), limit > 0 else { return [] }
        return try engagement.feeds.home(viewer: user, limit: limit, site: siteID).items.map {
            FeedItemView(author: name($0.authorID), body: rich($0.body), posted: $0.createdAt)
        }
    }

    func groups(viewer: Viewer, limit: Int) throws -> [GroupSummary] {
        let limit = ListLimit.clamp(limit)
        guard let user = member(viewer), limit > 0 else { return [] }
        return try engagement.groups.directory(viewer: user, site: siteID).prefix(limit).map {
            GroupSummary(id: $0.id.rawValue, name: $0.name, memberCount: (try? engagement.groups.members(of: $0.id, viewer: user).count) ?? 0, access: "\($0.visibility)")
        }
    }

    func leaderboard(viewer: Viewer, limit: Int) throws -> [LeaderEntry] {
        let limit = ListLimit.clamp(limit)
        guard limit > 0 else { return [] }
        guard let siteID else {
            return try engagement.reputation.leaderboard(limit: limit).map { entry in
                LeaderEntry(name: name(entry.memberID), points: entry.points,
                            level: (try? engagement.reputation.level(of: entry.memberID))??.name ?? "")
            }
        }
        // Points earned in this site, by the site's current members. Membership is checked
        // per ranked entry (the standings are few and only the top `limit` members are wanted),
        // so the first leaderboard after a start never waits for the site's whole member list.
        let snapshot = access.snapshot
        return try engagement.reputation.leaderboard(site: siteID, limit: .max)
            .lazy
            .filter { entry in snapshot.user(entry.memberID).map(isSiteMember) ?? false }
            .prefix(limit)
            .map { entry in
                LeaderEntry(name: name(entry.memberID), points: entry.points,
                            level: (try? engagement.reputation.level(of: entry.memberID, site: siteID))??.name ?? "")
            }
    }

    func member(id: String, viewer: Viewer) throws -> MemberProfile? {
        guard !viewer.isGuest, let userID = try? ID<User>(parsing: id), let user = access.snapshot.user(userID), isSiteMember(user)
        else { return nil }
        return profile(user, viewer: viewer)
    }

    func members(viewer: Viewer, limit: Int) throws -> [MemberProfile] {
        let limit = ListLimit.clamp(limit)
        guard !viewer.isGuest, limit > 0 else { return [] }
        let snapshot = access.snapshot
        return try siteMembers().ordered.lazy.compactMap { snapshot.user($0) }.prefix(limit).map { profile($0, viewer: viewer) }
    }

    /// The site's members in directory order (nickname, then id), from the member index.
    private func siteMembers() throws -> SiteMemberIndex.Members {
        try memberIndex.members(of: siteID ?? "", build: memberList)
    }

    /// Builds the site's member list when the site is added (in the background for a large
    /// user base), so the first directory page or leaderboard finds it ready.
    func prepareMembers() {
        let users = (try? store.snapshot().count(User.self)) ?? 0
        memberIndex.prepare(siteID ?? "", users: users, build: memberList)
    }

    /// Every member of the site, read from one store snapshot: the same test as
    /// ``isSiteMember(_:)``, with permission set groups loaded once rather than per user.
    private var memberList: @Sendable () throws -> [User] {
        { [store, site] in
            let reader = store.snapshot()
            let users = try reader.all(User.self).map(\.value).filter { $0.isActive && $0.kind != .guest }
            guard let site else { return users }
            var groups: [ID<PermissionSetGroup>: [ID<PermissionSet>]] = [:]
            if !site.memberPermissionSetIDs.isEmpty {
                for group in try reader.all(PermissionSetGroup.self) { groups[group.value.id] = group.value.permissionSetIDs }
            }
            return users.filter { user in
                var sets = Set(user.permissionSetIDs)
                for id in user.permissionSetGroupIDs { sets.formUnion(groups[id] ?? []) }
                return site.isMember(Viewer(user: user, permissionSetIDs: sets))
            }
        }
    }

    /// Nickname always; company only for employees or colleagues of the same account, and only
    /// when the viewer may read that account and its name (Access); points earned in the site
    /// (engine-wide without a site).
    private func profile(_ user: User, viewer: Viewer) -> MemberProfile {
        let sameAccount = user.accountID != nil && user.accountID == viewer.user?.accountID
        let snapshot = access.snapshot
        let company = (viewer.user?.kind == .internal || sameAccount)
            ? user.accountID.flatMap { account -> String? in
                guard let reader = viewer.user?.id, snapshot.can(reader, .read, "Account", id: account.rawValue),
                      snapshot.fieldAccess(reader, object: "Account", field: "Name") != .hidden
                else { return nil }
                return snapshot.record("Account", id: account.rawValue)?.value(of: "Name")?.description
            }
            : nil
        let points: Int?
        if let siteID {
            points = try? engagement.reputation.standing(of: user.id, site: siteID).points
        } else {
            points = try? engagement.reputation.account(of: user.id).points
        }
        return MemberProfile(id: user.id.rawValue, name: user.nickname, title: nil, company: company, points: points)
    }
}
