import CommunityKit
import Testing
@testable import PartnerPortalKit

/// The seeded portal hosts two sites in one community, each with its own questions, ideas,
/// leaderboard and members, and a help-center guest who reads known issues.
@Suite struct PortalSitesTests {
    @Test func eachSiteListsOnlyItsOwnQuestions() throws {
        let portal = try Portal()
        for user: String? in [nil, "pat"] {
            let partners = portal.get("/partners/questions", as: user).body
            let help = portal.get("/help/questions", as: user).body
            #expect(partners.contains("How long does deal approval take?"))
            #expect(!partners.contains("How do I export my invoices?"))
            #expect(help.contains("How do I export my invoices?"))
            #expect(!help.contains("How long does deal approval take?"))
        }
    }

    @Test func eachSiteHasItsOwnLeaderboard() throws {
        let portal = try Portal()
        let help = try portal.community.engagement.reputation.leaderboard(site: "help").map(\.memberID)
        let partners = try portal.community.engagement.reputation.leaderboard(site: "partners").map(\.memberID)
        #expect(help.contains("sam") && !help.contains("ines"))
        #expect(partners.contains("ines") && !partners.contains("sam"))
    }

    @Test func theHelpCentersGuestReadsKnownIssuesOnly() throws {
        let portal = try Portal()
        let list = portal.get("/help/known-issues", as: nil)
        #expect(list.status == 200)
        #expect(list.body.contains("Known issue: sign-in e-mails delayed in Europe"))
        #expect(list.body.contains("href=\"/help/case/case-known-1\""))
        let known = portal.get("/help/case/case-known-1", as: nil)
        #expect(known.status == 200 && known.body.contains("A fix is rolling out."))
        #expect(!portal.get("/help/case/case-acme-1", as: nil).body.contains("Cannot open the partner price list"))
        // Pat, a member, reads the partner case through the same public page.
        #expect(portal.get("/help/case/case-acme-1", as: "pat").body.contains("Cannot open the partner price list"))
    }
}
