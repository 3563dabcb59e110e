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

    @Test func searchAndTopicPagesShowOnlyTheSitesOwnQuestionsAndIdeas() throws {
        let portal = try Portal()
        for user: String? in [nil, "pat"] {
            // Site search: each site finds its own question, never the other site's.
            let helpInPortal = portal.get("/partners/search", as: user, query: ["q": "export invoices"])
            #expect(helpInPortal.status == 200 && !helpInPortal.body.contains("How do I export my invoices?"))
            let helpInHelp = portal.get("/help/search", as: user, query: ["q": "export invoices"])
            #expect(helpInHelp.status == 200 && helpInHelp.body.contains("How do I export my invoices?"))
            let portalInHelp = portal.get("/help/search", as: user, query: ["q": "deal approval"])
            #expect(portalInHelp.status == 200 && !portalInHelp.body.contains("How long does deal approval take?"))
            #expect(portal.get("/partners/search", as: user, query: ["q": "deal approval"]).body.contains("How long does deal approval take?"))
            // Topic pages: the help center's Billing question is on its own topic page only.
            #expect(portal.get("/help/topic/Billing", as: user).body.contains("How do I export my invoices?"))
            let billingInPortal = portal.get("/partners/topic/Billing", as: user)
            #expect(billingInPortal.status == 200 && !billingInPortal.body.contains("How do I export my invoices?"))
            #expect(portal.get("/partners/topic/Deals", as: user).body.contains("How long does deal approval take?"))
            #expect(!portal.get("/help/topic/Deals", as: user).body.contains("How long does deal approval take?"))
            // The catalog counts the site's own items: Billing has none in the portal.
            #expect(portal.get("/help/topics", as: user).body.contains("Billing</a> (1)"))
            #expect(!portal.get("/partners/topics", as: user).body.contains("Billing</a>"))
        }
        // Ideas are for members: the portal's idea is found in the portal only.
        #expect(portal.get("/partners/search", as: "pat", query: ["q": "bulk lead upload"]).body.contains("Bulk lead upload from CSV"))
        #expect(!portal.get("/help/search", as: "pat", query: ["q": "bulk lead upload"]).body.contains("Bulk lead upload from CSV"))
        // The facade agrees, item for item, and the engine-wide view (no site) counts both.
        let pat = portal.viewer("pat")
        let community = portal.community
        func count(_ topic: String, site: String?) throws -> Int {
            try community.topicCatalog(as: pat, site: site).first { $0.name == topic }?.itemCount ?? 0
        }
        #expect(try count("Billing", site: "help") == 1)
        #expect(try count("Billing", site: "partners") == 0)
        #expect(try count("Billing", site: nil) == 1)
        #expect(try count("Deals", site: "help") < count("Deals", site: "partners"))
        let partnersDeals = try #require(try community.topicPage(named: "deals", as: pat, site: "partners"))
        let helpDeals = try #require(try community.topicPage(named: "deals", as: pat, site: "help"))
        let everywhere = try #require(try community.topicPage(named: "deals", as: pat))
        #expect(partnersDeals.counts[.question, default: 0] > helpDeals.counts[.question, default: 0])
        #expect(everywhere.counts[.question] == partnersDeals.counts[.question])
        let found = try community.siteSearch(SiteSearchRequest(text: "export invoices", locale: "en_US", articleLocales: [], limit: 10, site: "partners"), as: pat)
        #expect(found.counts[.question] == nil && !found.items.contains { $0.title == "How do I export my invoices?" })
        let inHelp = try community.siteSearch(SiteSearchRequest(text: "export invoices", locale: "en_US", articleLocales: [], limit: 10, site: "help"), as: pat)
        #expect(inHelp.items.contains { $0.title == "How do I export my invoices?" })
        #expect(try community.search(SearchQuery("export invoices"), as: pat).hits.contains { $0.title == "How do I export my invoices?" })
    }
}
