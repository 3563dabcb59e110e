import CommunityKit
import Foundation
import Testing

/// Engagement content belongs to the site it was created in; lists, directories and
/// leaderboards show one site's content and members; guests are evaluated as the site's guest user.
@Suite struct SiteScopingTests {
    /// A community with the partner portal (partner and channel profiles) and a help center
    /// (partner profile only, with a guest profile) in one engine.
    static func twoSites() throws -> Community {
        let community = try KitFixture.community()
        try community.store.write { tx in
            try tx.put(Profile(id: "help-guest", name: "Help Guest", permissions: PermissionGrants(objects: ["Case": [.read]])))
        }
        try community.addSite(KitFixture.partnerSite())
        var help = try SiteTemplate.customerService.makeSite(
            .init(id: "help", name: "Help", urlPrefix: "/help", memberProfileIDs: ["partner"]))
        help.status = .published
        help.guestProfileID = "help-guest"
        try community.addSite(help)
        return community
    }

    /// Posts a form to a site's action as a viewer, with a token from `page`.
    static func post(_ community: Community, _ action: String, site prefix: String, page: String, form: [String: String], viewer: Viewer) -> SiteResponse {
        let html = community.handle(SiteRequest(.get, prefix + page, viewer: viewer)).body
        var fields = form
        fields["_csrf"] = KitFixture.token(html)
        fields["_return"] = prefix + page
        return community.handle(SiteRequest(.post, prefix + "/_action/" + action, form: fields, viewer: viewer))
    }

    @Test func aHelpCenterQuestionNeverAppearsInThePartnerPortal() throws {
        let community = try Self.twoSites()
        let pat = community.viewer("pat", sessionID: "s-pat")
        let asked = Self.post(community, "askQuestion", site: "/help", page: "/questions",
                              form: ["title": "Printer jams on page two", "body": "It jams."], viewer: pat)
        #expect(asked.status == 303)
        let id = try #require(asked.location?.split(separator: "/").last.map(String.init))
        let question = try #require(try community.store.snapshot().value(ID<Question>(parsing: id)))
        #expect(question.siteID == "help")
        // Through the site: listed and opened in the help center only.
        #expect(community.handle(SiteRequest(.get, "/help/questions", viewer: pat)).body.contains("Printer jams on page two"))
        #expect(!community.handle(SiteRequest(.get, "/partners/questions", viewer: pat)).body.contains("Printer jams"))
        #expect(!community.handle(SiteRequest(.get, "/partners/questions")).body.contains("Printer jams"))
        let inPortal = community.handle(SiteRequest(.get, "/partners/question/\(id)", viewer: pat))
        #expect(inPortal.status == 404 && !inPortal.body.contains("Printer jams"))
        #expect(community.handle(SiteRequest(.get, "/help/question/\(id)", viewer: pat)).status == 200)
        // Through the facade.
        let patID: ID<User> = "pat"
        #expect(try community.engagement.questions.list(site: "partners", viewer: patID).isEmpty)
        #expect(try community.engagement.questions.list(site: "help", viewer: patID).map(\.id) == [question.id])
        #expect(try community.engagement.questions.publicList(site: "partners").isEmpty)
        #expect(throws: EngagementError.notFound(.question(question.id))) {
            try community.engagement.questions.page(question.id, viewer: patID, site: "partners")
        }
        #expect(try community.engagement.questions.publicPage(question.id, site: "partners") == nil)
        // Answering it from the portal is refused; from the help center it works.
        #expect(throws: EngagementError.notFound(.question(question.id))) {
            try community.engagement.questions.answer(question.id, body: "Clean the roller.", site: "partners", by: "mia")
        }
        let answered = Self.post(community, "answerQuestion", site: "/partners", page: "/questions",
                                 form: ["question": id, "body": "Clean the roller."], viewer: community.viewer("mia", sessionID: "s-mia"))
        #expect(answered.status == 422)
        let answer = try community.engagement.questions.answer(question.id, body: "Clean the roller.", site: "help", by: "mia")
        #expect(answer.questionID == question.id)
        // Its best answer is chosen in the help center only.
        #expect(throws: EngagementError.notFound(.question(question.id))) {
            try community.engagement.questions.chooseBestAnswer(answer.id, site: "partners", by: "pat")
        }
        try community.engagement.questions.chooseBestAnswer(answer.id, site: "help", by: "pat")
        #expect(try community.store.snapshot().value(question.id)?.isSolved == true)
    }

    @Test func engineWideQuestionsShowInEverySite() throws {
        let community = try Self.twoSites()
        // Asked through the API without a site (as content stored before sites were scoped decodes).
        let q = try community.engagement.questions.ask(title: "Where are the release notes?", body: "Looking.", by: "pat")
        #expect(q.siteID == nil)
        let json = try JSONEncoder().encode(q)
        #expect(!String(decoding: json, as: UTF8.self).contains("siteID"))
        #expect(try JSONDecoder().decode(Question.self, from: json).siteID == nil)
        #expect(community.handle(SiteRequest(.get, "/help/questions")).body.contains("release notes"))
        #expect(community.handle(SiteRequest(.get, "/partners/questions")).body.contains("release notes"))
    }

    @Test func aGuestCanOpenAPublicQuestion() throws {
        let community = try Self.twoSites()
        let q = try community.engagement.questions.ask(title: "How do I reset my router?", body: "Steps?", site: "help", by: "pat")
        let list = community.handle(SiteRequest(.get, "/help/questions"))
        #expect(list.status == 200)
        let link = "/help/question/\(q.id.rawValue)"
        #expect(list.body.contains("href=\"\(link)\""))
        let page = community.handle(SiteRequest(.get, link))
        #expect(page.status == 200)
        #expect(page.body.contains("How do I reset my router?"))
        // The guest's view is counted (as the site's guest user), once a day.
        #expect(try community.engagement.questions.views(of: q.id) == 1)
        _ = community.handle(SiteRequest(.get, link))
        #expect(try community.engagement.questions.views(of: q.id) == 1)
        _ = community.handle(SiteRequest(.get, link, viewer: community.viewer("mia")))
        #expect(try community.engagement.questions.views(of: q.id) == 2)
        // The portal's guest neither lists nor opens it, and nothing is counted.
        #expect(community.handle(SiteRequest(.get, "/partners/question/\(q.id.rawValue)")).status == 404)
        #expect(throws: EngagementError.notFound(.question(q.id))) {
            try community.engagement.questions.recordView(q.id, viewer: "mia", site: "partners")
        }
        #expect(try community.engagement.questions.views(of: q.id) == 2)
    }

    @Test func guestRequestsAreEvaluatedAsTheSitesGuestUser() throws {
        let community = try Self.twoSites()
        let guestID = try #require(community.site("help")?.site.guestUserID)
        let guest = try #require(try community.store.snapshot().value(guestID))
        #expect(guest.kind == .guest && guest.profileID == "help-guest" && guest.isActive)
        // The site's membership names it, so guest sharing rules can target it.
        #expect(try community.store.snapshot().value(ID<SiteMembership>("help"))?.guestUserID == guestID)
        // A site without a guest profile keeps the anonymous guest.
        #expect(community.site("partners")?.site.guestUserID == nil)
        // Adding the site again keeps one guest user.
        try community.addSite(try #require(community.site("help")?.site))
        #expect(try community.store.snapshot().all(User.self).filter { $0.value.kind == .guest }.count == 1)
    }

    @Test func aGuestSharingRuleMakesARecordVisibleOnAGuestPage() throws {
        let community = try Self.twoSites()
        var help = try #require(community.site("help")?.site)
        try help.addPage(Page(id: "known-issue", title: "Known issue", slug: "known-issue", parameter: "id", objectType: "Case",
                              visibility: .public, layout: PageLayout(regions: [Region(name: "main", rows: [Row(columns: [
                                  Column(components: [ComponentInstance(id: "cd", type: "community.recordDetail")]),
                              ])])])))
        try community.addSite(help)
        try community.store.write { tx in
            try tx.put(Case(id: "500pub", subject: "Outage in region EU", status: "Published", owner: .user("cara")))
            try tx.put(Case(id: "500new", subject: "Private trouble", status: "New", owner: .user("cara")))
        }
        let before = community.handle(SiteRequest(.get, "/help/known-issue/500pub"))
        #expect(!before.body.contains("Outage in region EU"))
        let guestID = try #require(help.guestUserID)
        try AccessAdministrator(store: community.store, engine: community.access).saveRule(SharingRule(
            id: "guest-published", object: "Case", selection: .criteria([SharingCriterion(field: "Status", equals: .picklist("Published"))]),
            sharedWith: .user(guestID), isGuestRule: true))
        let after = community.handle(SiteRequest(.get, "/help/known-issue/500pub"))
        #expect(after.status == 200)
        #expect(after.body.contains("Outage in region EU"))
        // Only what the rule selects: the guest still reads no other case.
        #expect(!community.handle(SiteRequest(.get, "/help/known-issue/500new")).body.contains("Private trouble"))
    }

    @Test func theMemberDirectoryListsOnlySiteMembers() throws {
        let community = try KitFixture.community()
        var partners = try KitFixture.partnerSite()
        partners.memberProfileIDs = ["partner"]
        try community.addSite(partners)
        let body = community.handle(SiteRequest(.get, "/partners/members", viewer: community.viewer("pat"))).body
        #expect(body.contains("Mia") && body.contains("Bo"))
        #expect(!body.contains("Cara"))
        // A user outside the site has no profile page there either.
        #expect(community.handle(SiteRequest(.get, "/partners/profile/cara", viewer: community.viewer("pat"))).status == 404)
        #expect(community.handle(SiteRequest(.get, "/partners/profile/mia", viewer: community.viewer("pat"))).status == 200)
    }

    @Test func leaderboardsArePerSite() throws {
        let community = try Self.twoSites()
        _ = try community.engagement.questions.ask(title: "Help question one", body: "x", site: "help", by: "pat")
        _ = try community.engagement.questions.ask(title: "Portal question one", body: "x", site: "partners", by: "bo")
        _ = try community.engagement.questions.ask(title: "Portal question two", body: "x", site: "partners", by: "bo")
        let help = try community.engagement.reputation.leaderboard(site: "help")
        let portal = try community.engagement.reputation.leaderboard(site: "partners")
        #expect(help.map(\.memberID) == ["pat"])
        #expect(portal.map(\.memberID) == ["bo"])
        #expect(try community.engagement.reputation.standing(of: "bo", site: "partners").points
            == community.engagement.reputation.account(of: "bo").points)
        #expect(try community.engagement.reputation.standing(of: "bo", site: "help").points == 0)
        // On the pages: the help center's leaderboard names Pat, not Bo.
        let page = community.handle(SiteRequest(.get, "/help/", viewer: community.viewer("pat"))).body
        #expect(page.contains("Pat") && !page.contains(">Bo<"))
    }

    /// Points earned in a site by someone who is not (or no longer) its member stay off the
    /// site's leaderboard; membership is checked per ranked entry, not from the member list.
    @Test func theLeaderboardListsOnlySiteMembers() throws {
        let community = try Self.twoSites()
        _ = try community.engagement.questions.ask(title: "Help question one", body: "x", site: "help", by: "pat")
        for title in ["Internal question one", "Internal question two", "Internal question three"] {
            _ = try community.engagement.questions.ask(title: title, body: "x", site: "help", by: "cara")
        }
        #expect(try community.engagement.reputation.leaderboard(site: "help").map(\.memberID) == ["cara", "pat"])
        let page = community.handle(SiteRequest(.get, "/help/", viewer: community.viewer("pat"))).body
        #expect(page.contains("Pat") && !page.contains("Cara"))
    }

    @Test func groupsIdeasAndFeedsStayInTheirSite() throws {
        let community = try Self.twoSites()
        let group = try community.engagement.groups.create(name: "Help regulars", visibility: .public, site: "help", by: "pat")
        #expect(try community.engagement.groups.directory(viewer: "pat", site: "partners").isEmpty)
        #expect(try community.engagement.groups.directory(viewer: "pat", site: "help").map(\.id) == [group.id])
        // A group's post belongs to the group's site; another site cannot post into it.
        let post = try community.engagement.feeds.post(.text("Welcome", on: .group(group.id)), by: "pat")
        #expect(post.siteID == "help")
        #expect(throws: EngagementError.unknownGroup(group.id)) {
            try community.engagement.feeds.post(PostDraft(parent: .group(group.id), body: "Hi", site: "partners"), by: "pat")
        }
        #expect(try community.engagement.feeds.home(viewer: "pat", site: "partners").items.isEmpty)
        #expect(try community.engagement.feeds.home(viewer: "pat", site: "help").items.map(\.id) == [post.id])
        let zone = try community.engagement.ideas.createZone(name: "Help ideas", categories: [], site: "help", by: "cara")
        let idea = try community.engagement.ideas.submit(to: zone.id, title: "Dark mode", body: "Please", by: "pat")
        #expect(idea.siteID == "help")
        #expect(try community.engagement.ideas.zones(site: "partners").isEmpty)
        #expect(throws: EngagementError.notFound(.idea(idea.id))) { try community.engagement.ideas.idea(idea.id, viewer: "bo", site: "partners") }
        #expect(!community.handle(SiteRequest(.get, "/partners/ideas", viewer: community.viewer("bo"))).body.contains("Dark mode"))
    }
}

/// Knowledge keeps its own visibility for the site's guest user, and guest views are counted.
@Suite struct SiteGuestKnowledgeTests {
    @Test func theSiteGuestUserSeesWhatAGuestSeesOfKnowledge() throws {
        let community = try SiteScopingTests.twoSites()
        let guestID = try #require(community.site("help")?.site.guestUserID)
        let audience = ContentAudience(access: community.access)
        let asGuestUser = try audience.viewer(for: guestID, in: community.store.snapshot())
        #expect(asGuestUser == (try audience.viewer(for: nil, in: community.store.snapshot())))
        #expect(!asGuestUser.keys.contains(SearchAccessKey.members))
    }

    @Test func aGuestOpensAPublicArticleAndTheViewIsCounted() throws {
        let community = try SiteScopingTests.twoSites()
        let kb = community.knowledge
        let open = try kb.createArticle(locale: "en_US", content: ArticleContent(title: "Reset your router", body: "<p>Hold the button.</p>"),
                                        channels: [.public, .partner], by: "cara")
        try kb.publish(open.id, locale: "en_US", by: "cara")
        let closed = try kb.createArticle(locale: "en_US", content: ArticleContent(title: "Partner price list", body: "<p>Prices.</p>"),
                                          channels: [.partner], by: "cara")
        try kb.publish(closed.id, locale: "en_US", by: "cara")
        let openSlug = try #require(try kb.slug(of: open.id, locale: "en_US"))
        let closedSlug = try #require(try kb.slug(of: closed.id, locale: "en_US"))
        let page = community.handle(SiteRequest(.get, "/help/article/\(openSlug)"))
        #expect(page.status == 200 && page.body.contains("Reset your router"))
        #expect(!community.handle(SiteRequest(.get, "/help/article/\(closedSlug)")).body.contains("Prices."))
        #expect(try kb.stats(open.id).views == 1)
        // A member's view counts too; the same viewer again in the same period does not.
        _ = community.handle(SiteRequest(.get, "/help/article/\(openSlug)", viewer: community.viewer("pat")))
        _ = community.handle(SiteRequest(.get, "/help/article/\(openSlug)", viewer: community.viewer("pat")))
        #expect(try kb.stats(open.id).views == 2)
        #expect(try kb.stats(closed.id).views == 0)
    }
}
