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
            #expect(page.body.contains("ck-kpi-card"), "\(path)")
        }
        #expect(portal.get("/manage/knowledge", as: "dana", query: ["site": "partners"]).body.contains("price list"))
        #expect(portal.get("/partners/", as: "dana").body.contains("href=\"/manage/\""))
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
