import CommunityKit
import Testing
@testable import PartnerPortalKit

/// The portal's management console at `/manage`: Dana (site administrator) sees the seeded
/// sites' KPIs; partners, a channel manager without the permission and guests do not.
@Suite struct PortalManagementConsoleTests {
    @Test func theAdministratorSeesRealNumbersForTheSeededSites() throws {
        let portal = try Portal()
        let dana = portal.community.viewer("dana")
        let all = try portal.community.kpis(for: dana, site: nil, days: Self.lastMonth(portal))
        #expect((all.figure("engagement.questions")?.value ?? 0) >= 5)
        #expect((all.figure("search.searches")?.value ?? 0) == 11)
        #expect((all.figure("search.zeroResults")?.value ?? 0) == 3)
        #expect((all.figure("adoption.logins")?.value ?? 0) >= 6)
        #expect((all.figure("partner.openOpportunities")?.value ?? 0) >= 4)
        let partners = try portal.community.kpis(for: dana, site: "partners", days: Self.lastMonth(portal))
        #expect(partners.topList("search.topZeroResultQueries")?.entries.first?.key == "price list")
        #expect(partners.figure("search.searches")?.value == 8)
        for path in ["/manage/", "/manage/engagement", "/manage/knowledge", "/manage/service", "/manage/partners", "/manage/moderation"] {
            let page = portal.get(path, as: "dana")
            #expect(page.status == 200, "\(path)")
            #expect(page.body.contains("class=\"ck-kpi-card\""), "\(path)")
        }
        #expect(portal.get("/manage/knowledge", as: "dana", query: ["site": "partners"]).body.contains("price list"))
        #expect(portal.get("/partners/", as: "dana").body.contains("href=\"/manage/\""))
    }

    /// Cases, leads, opportunities, funds and knowledge activity the seeds make through a site
    /// count in that site: the console's per-site pages show them, and the other site does not.
    @Test func eachSeededSiteShowsItsOwnServicePartnerAndKnowledgeNumbers() throws {
        let portal = try Portal()
        let dana = portal.community.viewer("dana")
        let partners = try portal.community.kpis(for: dana, site: "partners", days: Self.lastMonth(portal))
        let help = try portal.community.kpis(for: dana, site: "help", days: Self.lastMonth(portal))
        let all = try portal.community.kpis(for: dana, site: nil, days: Self.lastMonth(portal))
        func value(_ kpis: CommunityKPIs, _ name: String) -> Double { kpis.figure(name)?.value ?? 0 }
        // Partner Central: the partners' case, leads, deals, fund requests and article activity.
        #expect(value(partners, "partner.leadsRegistered") >= 4)
        #expect(value(partners, "partner.openOpportunities") >= 4)
        #expect(value(partners, "partner.fundRequests") >= 2)
        #expect(value(partners, "knowledge.views") >= 5)
        #expect(value(partners, "knowledge.helpfulVotes") >= 2)
        #expect(value(partners, "knowledge.ratings") >= 2)
        // The help center: Kim's case, view, vote and deflected visit; none of the partners' deals.
        #expect(value(help, "service.casesCreated") >= 1)
        #expect(value(help, "knowledge.views") >= 1)
        #expect(value(help, "knowledge.helpfulVotes") >= 1)
        #expect(value(help, "service.deflectionRate") > 0)
        #expect(value(help, "partner.leadsRegistered") < value(partners, "partner.leadsRegistered"))
        #expect(value(help, "partner.fundRequests") == 0)
        #expect(value(help, "knowledge.views") < value(partners, "knowledge.views"))
        // Every site's numbers add up in the all-sites total.
        #expect(value(all, "knowledge.views") == value(partners, "knowledge.views") + value(help, "knowledge.views"))
        // The console pages, narrowed to a site, render those numbers.
        func card(_ label: String, _ value: Double) -> String { "<dt>\(label)</dt><dd>\(Int(value))</dd>" }
        let partnerPage = portal.get("/manage/partners", as: "dana", query: ["site": "partners"])
        #expect(partnerPage.status == 200)
        #expect(partnerPage.body.contains(card("Leads registered", value(partners, "partner.leadsRegistered"))))
        let partnerKnowledge = portal.get("/manage/knowledge", as: "dana", query: ["site": "partners"])
        #expect(partnerKnowledge.body.contains(card("Article views", value(partners, "knowledge.views"))))
        let helpKnowledge = portal.get("/manage/knowledge", as: "dana", query: ["site": "help"])
        #expect(helpKnowledge.status == 200)
        #expect(helpKnowledge.body.contains(card("Article views", value(help, "knowledge.views"))))
        let helpService = portal.get("/manage/service", as: "dana", query: ["site": "help"])
        #expect(helpService.status == 200)
        #expect(helpService.body.contains(card("Cases created", value(help, "service.casesCreated"))))
    }

    @Test func partnersGuestsAndOtherInternalUsersCannotOpenIt() throws {
        let portal = try Portal()
        for user in ["pat", "alex", "kim"] {
            #expect(portal.get("/manage/", as: user).status == 403, "\(user)")
            #expect(!portal.get("/partners/", as: user).body.contains("href=\"/manage/\""), "\(user)")
            #expect(throws: ManagementError.notPermitted(user: user)) {
                try portal.community.kpis(for: portal.community.viewer(ID(user)), site: nil, days: Self.lastMonth(portal))
            }
        }
        #expect(portal.get("/manage/", as: "cara").status == 403)
        #expect(portal.get("/manage/", as: nil).status == 303)
    }

    @Test func promotedResultsAndLearnedBoostsAreSeededAndShown() throws {
        let portal = try Portal()
        let dana = portal.community.viewer("dana")
        let promotions = try portal.community.searchPromotions(by: dana)
        #expect(promotions.map(\.id) == ["sp-deal-registration"])
        let learned = try portal.community.learnedSearchBoosts(by: dana)
        #expect(learned.first?.query == "mdf")
        #expect(learned.first?.members == 3)
        let console = portal.get("/manage/knowledge", as: "dana")
        #expect(console.body.contains("Promoted results"))
        #expect(console.body.contains("deal registration"))
        #expect(console.body.contains("Learned from clicks"))
        // A partner searching for deals sees the guide first, marked as promoted.
        let search = portal.get("/partners/search", as: "pat", query: ["q": "deal"])
        #expect(search.status == 200)
        #expect(search.body.contains("ck-promoted\">Promoted</span>"))
        #expect(search.body.contains("How to register a deal"))
    }

    static func lastMonth(_ portal: Portal) -> ClosedRange<Int32> {
        let today = KPIDay.number(of: portal.community.clock.now())
        return (today - 29)...today
    }
}
