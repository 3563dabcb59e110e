import CommunityKit
import Foundation
import Testing
@testable import PartnerPortalKit

/// Ideas on the portal as a partner sees them: each with its score in a vote box, a vote button
/// named after the idea (not just "▲") until the partner has voted, then "Voted"; the idea's own
/// page has the same box, so a partner can vote from there.
@Suite struct IdeaVotingPageTests {
    static func ideaID(_ portal: Portal, titled title: String) throws -> String {
        let body = portal.get("/partners/ideas", as: "pat").body
        let before = try #require(body.components(separatedBy: ">" + title + "<").first)
        let href = try #require(before.components(separatedBy: "href=\"/partners/idea/").last)
        return String(href.prefix { $0 != "\"" })
    }

    @Test func theListHasNamedVoteButtonsAndSaysWhatWasVotedFor() throws {
        let portal = try Portal()
        let page = portal.get("/partners/ideas", as: "pat")
        #expect(page.status == 200)
        #expect(page.body.contains("<div class=\"ck-idea\"><div class=\"ck-vote\"><span class=\"ck-score\""))
        #expect(page.body.contains("aria-label=\"Vote for Korean-language deal registration form\""))
        #expect(page.body.contains("<span class=\"ck-badge ck-status\">new</span>"))
        // A guest sees scores, never a vote button.
        #expect(!portal.get("/partners/ideas", as: nil).body.contains("aria-label=\"Vote for "))
    }

    @Test func aPartnerVotesFromTheIdeaPageAndThenSeesVoted() throws {
        let portal = try Portal()
        let id = try Self.ideaID(portal, titled: "Co-selling: register one deal for two partners")
        let path = "/partners/idea/" + id
        let before = portal.get(path, as: "pat")
        #expect(before.status == 200)
        #expect(before.body.contains("aria-label=\"Vote for Co-selling: register one deal for two partners\""))
        #expect(before.body.contains("aria-label=\"0 points\""))
        // The idea page's footer names the site like every other page of it.
        #expect(before.body.contains("<p class=\"ck-footer-site\">© Northwind Partner Central</p>"))

        var form = ["_return": path, "idea": id]
        form["_csrf"] = Portal.token(in: before.body)
        let vote = portal.community.handle(SiteRequest(.post, "/partners/_action/voteIdea", form: form, viewer: portal.viewer("pat")))
        #expect(vote.status == 303)

        let after = portal.get(path, as: "pat")
        #expect(after.body.contains("aria-label=\"1 point\""))
        #expect(after.body.contains("<span class=\"ck-voted\">Voted</span>"))
        #expect(!after.body.contains("aria-label=\"Vote for Co-selling"))
        // Another partner may still vote.
        #expect(portal.get(path, as: "bo").body.contains("aria-label=\"Vote for Co-selling"))
    }
}
