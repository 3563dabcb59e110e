import CommunityKit
import Foundation
import Testing

/// The site forms bound to the site they are served on: best-answer choices and the
/// moderation queue show that site's content (and content of no site), never another site's.
@Suite struct SiteBoundFormsTests {
    typealias Member = SiteFormsFixture.Member

    /// The site-forms community plus a help center (where cara moderates too) with its own
    /// moderation page, and a partner page that shows only the best-answer component.
    static func community() throws -> Community {
        let community = try SiteFormsFixture.community()
        var partners = try #require(community.site("partners")?.site)
        try partners.addPage(Page(id: "best-answer", title: "Best answer", slug: "best-answer", parameter: "id", layout: PageLayout(regions: [
            Region(name: "main", rows: [Row(columns: [Column(components: [ComponentInstance(id: "ba", type: BestAnswerComponent.type)])])]),
        ])))
        try community.addSite(partners)
        var help = try SiteTemplate.customerService.makeSite(
            .init(id: "help", name: "Help", urlPrefix: "/help", memberProfileIDs: ["partner", "channel"]))
        help.status = .published
        help.audiences.append(Audience(id: "moderators", name: "Moderators", criteria: .permission("moderateCommunity")))
        try help.addPage(Page(id: "moderation", title: "Moderation", slug: "moderation", visibility: .audience("moderators"), layout: PageLayout(regions: [
            Region(name: "main", rows: [Row(columns: [Column(components: [ComponentInstance(id: "c", type: ModerationQueueComponent.type)])])]),
        ])))
        try community.addSite(help)
        return community
    }

    @Test func bestAnswerChoicesAreOnlyOfferedForTheSitesQuestions() throws {
        let community = try Self.community()
        let help = try community.engagement.questions.ask(title: "Invoices?", body: "<p>Where?</p>", site: "help", by: "pat")
        try community.engagement.questions.answer(help.id, body: "<p>Under billing</p>", site: "help", by: "bo")
        let shared = try community.engagement.questions.ask(title: "Logos?", body: "<p>Where?</p>", by: "pat")
        try community.engagement.questions.answer(shared.id, body: "<p>In the kit</p>", by: "bo")
        for user: ID<User> in ["pat", "cara"] {
            let member = Member(community, user)
            let inPortal = member.get("/partners/best-answer/\(help.id.rawValue)")
            #expect(inPortal.status == 200)
            #expect(!inPortal.body.contains("Choose as best answer") && !inPortal.body.contains("Under billing"))
            // A question of no site is offered on every site.
            #expect(member.get("/partners/best-answer/\(shared.id.rawValue)").body.contains("Choose as best answer"))
        }
        // The help center's own question page offers the choice to its asker.
        let onHelp = community.handle(SiteRequest(.get, "/help/question/\(help.id.rawValue)", viewer: community.viewer("pat", sessionID: "s-pat")))
        #expect(onHelp.status == 200 && onHelp.body.contains("Under billing"))
    }

    /// A question and a flagged answer on `site` (nil: no site); the answer's moderation case.
    func flagged(_ community: Community, _ text: String, site: String?) throws -> ID<ModerationCase> {
        let question = try community.engagement.questions.ask(title: "About \(text)?", body: "<p>?</p>", site: site, by: "pat")
        let answer = try community.engagement.questions.answer(question.id, body: "<p>\(text)</p>", site: site, by: "bo")
        try community.moderation.flag(.answer(answer.id), reason: "spam", by: "pat")
        return ModerationCase.id(for: .answer(answer.id))
    }

    @Test func aModeratorSeesAndDecidesOnlyTheSitesQueue() throws {
        let community = try Self.community()
        let portalEntry = try flagged(community, "Portal spam", site: "partners")
        let helpEntry = try flagged(community, "Helpdesk spam", site: "help")
        let sharedEntry = try flagged(community, "Shared spam", site: nil)
        // Through the facade.
        #expect(Set(try community.moderation.queue(viewer: "cara", site: "partners").map(\.id)) == [portalEntry, sharedEntry])
        #expect(Set(try community.moderation.queue(viewer: "cara", site: "help").map(\.id)) == [helpEntry, sharedEntry])
        #expect(Set(try community.moderation.queue(viewer: "cara").map(\.id)) == [portalEntry, helpEntry, sharedEntry])
        #expect(throws: EngagementError.conflict("no moderation case \(helpEntry)")) {
            try community.moderation.approve(helpEntry, site: "partners", by: "cara")
        }
        // Through the site.
        let cara = Member(community, "cara")
        let portalQueue = cara.get("/partners/moderation").body
        #expect(portalQueue.contains("Portal spam") && portalQueue.contains("Shared spam") && !portalQueue.contains("Helpdesk spam"))
        let helpQueue = community.handle(SiteRequest(.get, "/help/moderation", viewer: cara.viewer)).body
        #expect(helpQueue.contains("Helpdesk spam") && helpQueue.contains("Shared spam") && !helpQueue.contains("Portal spam"))
        // The portal's form cannot decide the help center's entry; the help center's can.
        let refused = cara.post("moderationRemove", from: "/partners/moderation", ["case": helpEntry.rawValue, "reason": "advertising"])
        #expect(refused.status != 303)
        #expect(try community.moderation.queue(viewer: "cara", site: "help").map(\.id).contains(helpEntry))
        var form = ["case": helpEntry.rawValue, "reason": "advertising", "_return": "/help/moderation"]
        form["_csrf"] = KitFixture.token(helpQueue)
        let removed = community.handle(SiteRequest(.post, "/help/_action/moderationRemove", form: form, viewer: cara.viewer))
        #expect(removed.status == 303)
        #expect(try community.moderation.queue(viewer: "cara", site: "help").map(\.id) == [sharedEntry])
    }
}
