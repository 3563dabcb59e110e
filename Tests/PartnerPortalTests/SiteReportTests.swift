import CommunityKit
import Foundation
import Testing
@testable import PartnerPortalKit

/// Issue 17's open gaps on the portal: the site as a report field (NetworkId, "Site"), the
/// console's reports limited to the chosen site, new members counted per site on their join
/// day, and seed dates that follow the day the portal is seeded.
@Suite struct SiteReportTests {
    /// CSV lines after the header (the groups, then the total), sorted.
    static func rows(_ csv: String) -> [String] {
        csv.split(separator: "\r\n").dropFirst().map(String.init).sorted()
    }

    @Test func theSiteIsAReportFieldLabelledInEveryLanguage() throws {
        let portal = try Portal()
        let community = portal.community
        for (locale, label) in [("en_US", "Site"), ("de_DE", "Website"), ("ko_KR", "사이트")] {
            let presenter = community.recordPresenter(for: portal.viewer("dana"), locale: locale)
            for object: EntityType in ["Case", "Lead", "Opportunity"] {
                #expect(presenter.label(of: "NetworkId", object: object) == label, "\(object) \(locale)")
            }
        }
        let snapshot = community.access.snapshot
        for object: EntityType in ["Case", "Lead", "Opportunity"] {
            #expect(community.reports.engine.reportableFields(of: object, for: "dana", in: snapshot).map(\.path).contains("NetworkId"))
        }
        // The builder offers it, by its label.
        let page = portal.get("/partners/reports", as: "dana", query: ["object": "Case"])
        #expect(page.body.contains("<option value=\"NetworkId\">Site</option>"))
    }

    @Test func anInternalUserGroupsCasesBySiteAcrossAllSites() throws {
        let portal = try Portal()
        let community = portal.community
        let cases = try community.store.snapshot().all(Case.self).map(\.value)
        let bySite = Dictionary(grouping: cases, by: { $0.siteID ?? "" }).mapValues(\.count)
        #expect(bySite["partners", default: 0] >= 1 && bySite["help", default: 0] >= 1 && bySite["", default: 0] >= 1)
        // Dana reads every case: the report's groups are the sites' counts.
        let result = try community.runReport(ReportDefinition(object: "Case", rowGroupings: [ReportGrouping("NetworkId")]), as: portal.viewer("dana"))
        var counted: [String: Int] = [:]
        for group in result.groups {
            switch group.key {
            case .value(.reference(let site)): counted[site] = group.aggregates.count
            case .empty: counted[""] = group.aggregates.count
            default: Issue.record("unexpected key \(group.key)")
            }
        }
        #expect(counted == bySite)
        // Filtered by site.
        let help = try community.runReport(ReportDefinition(object: "Case", filter: .condition(ReportCondition("NetworkId", .equals, ["help"]))),
                                           as: portal.viewer("dana"))
        #expect(help.total.count == bySite["help"])
        // The builder page shows the sites by name, not by id.
        let page = portal.get("/partners/reports", as: "dana", query: ["object": "Case", "g1": "NetworkId", "chart": "bar"])
        #expect(page.status == 200)
        #expect(page.body.contains("scope=\"row\">Northwind Partner Central<"))
        #expect(page.body.contains("scope=\"row\">Northwind Help Center<"))
        // A partner user sees only their own cases' site.
        let pat = try community.runReport(ReportDefinition(object: "Case", rowGroupings: [ReportGrouping("NetworkId")]), as: portal.viewer("pat"))
        #expect(pat.groups.allSatisfy { $0.key == .value(.reference("partners")) })
    }

    @Test func theConsolesReportsAreLimitedToTheChosenSite() throws {
        let portal = try Portal()
        let cases = try portal.community.store.snapshot().all(Case.self).map(\.value)
        let helpCount = cases.filter { $0.siteID == "help" }.count
        // All sites: every case.
        let all = portal.get("/manage/reports", as: "dana", query: ["object": "Case", "g1": "NetworkId"])
        #expect(all.status == 200)
        #expect(all.body.contains("scope=\"row\">Northwind Help Center<") && all.body.contains("scope=\"row\">Northwind Partner Central<"))
        // The help center chosen: only its cases, and the notice says so.
        let help = portal.get("/manage/reports", as: "dana", query: ["object": "Case", "g1": "NetworkId", "site": "help"])
        #expect(help.status == 200)
        #expect(help.body.contains("only records created through Northwind Help Center"))
        #expect(help.body.contains("name=\"site\" value=\"help\""))  // running again keeps the choice
        #expect(help.body.contains("scope=\"row\">Northwind Help Center<"))
        #expect(!help.body.contains("scope=\"row\">Northwind Partner Central<"))
        let definition = try #require(ReportTests.hiddenValue("definition", in: help.body))
        #expect(definition.contains("\"NetworkId\""))  // a saved report keeps the limit
        // Its CSV export too.
        let csv = portal.get("/manage/_reports/export.csv", as: "dana", query: ["object": "Case", "g1": "NetworkId", "site": "help"])
        #expect(csv.status == 200)
        #expect(Self.rows(csv.body) == [",\(helpCount)", "help,\(helpCount)"])  // the help center's group and the total
        let everything = portal.get("/manage/_reports/export.csv", as: "dana", query: ["object": "Case", "g1": "NetworkId"])
        #expect(Self.rows(everything.body).count >= 4)  // partners, help, no site and the total
        #expect(Self.rows(everything.body).contains(",\(cases.count)"))
        // An object that carries no site cannot be limited to one: a message, no result.
        let accounts = portal.get("/manage/reports", as: "dana", query: ["object": "Account", "site": "help"])
        #expect(accounts.body.contains("belong to no site"))
    }

    /// What the console read like in the browser: the console offered itself as a site, its
    /// period and site form stayed English for a German administrator, and partner tiers showed
    /// as stored values (`gold`).
    @Test func theConsoleOffersTheSitesItReportsOnInTheViewersLanguage() throws {
        let portal = try Portal()
        let home = portal.get("/manage/", as: "dana")
        #expect(home.body.contains("<option value=\"partners\""))
        #expect(home.body.contains("<option value=\"help\""))
        #expect(!home.body.contains("<option value=\"manage\""))
        #expect(home.body.contains("<h2>Period and site</h2>"))
        // Partner tiers and stages read as labels, not as stored values.
        let partnerKPIs = portal.get("/manage/partners", as: "dana")
        #expect(partnerKPIs.body.contains("<li><span>Gold</span>") && partnerKPIs.body.contains("<li><span>Platinum</span>"))
        #expect(!partnerKPIs.body.contains("<span>gold</span>"))
        // The reports page chooses only the site: reports have their own date filters.
        let reports = portal.get("/manage/reports", as: "dana")
        #expect(reports.body.contains("<h2>Site</h2>"))
        #expect(!reports.body.contains("name=\"from\""))
        try portal.community.store.write { tx in
            guard var dana = try tx.value(ID<User>("dana")) else { return }
            dana.locale = "de_DE"
            try tx.put(dana)
        }
        #expect(portal.get("/manage/", as: "dana").body.contains("<h2>Zeitraum und Website</h2>"))
        let germanPartnerKPIs = portal.get("/manage/partners", as: "dana").body
        #expect(germanPartnerKPIs.contains("<li><span>Platin</span>") && germanPartnerKPIs.contains("<li><span>Angebot</span>"))
        let german = portal.get("/manage/reports", as: "dana", query: ["site": "help", "object": "Case"])
        #expect(german.body.contains("<h2>Website</h2>"))
        #expect(german.body.contains("über Northwind Help Center erstellt"))
    }

    @Test func newMembersCountInTheSiteTheyJoinedOnTheirJoinDay() throws {
        let portal = try Portal()
        let dana = portal.community.viewer("dana")
        let today = KPIDay.number(of: portal.community.clock.now())
        let partners = try portal.community.kpis(for: dana, site: "partners", days: (today - 89)...today)
        let help = try portal.community.kpis(for: dana, site: "help", days: (today - 89)...today)
        #expect(partners.figure("adoption.newMembers")?.value == 7)
        #expect(help.figure("adoption.newMembers")?.value == 1)
        // Jisoo joined two days ago, Ines five: the last three days hold one new partner member.
        let recent = try portal.community.kpis(for: dana, site: "partners", days: (today - 2)...today)
        #expect(recent.figure("adoption.newMembers")?.value == 1)
    }

    @Test(arguments: [1_795_000_000, 1_799_500_000, 1_801_000_000] as [TimeInterval])
    func seededCloseDatesFallInTheQuarterThePortalIsSeededIn(seconds: TimeInterval) throws {
        // 2026-11-18, 2027-01-09 (after New Year) and 2027-01-27.
        let portal = try Portal(clock: ManualClock(Date(timeIntervalSince1970: seconds)))
        let today = Day(portal.community.clock.now())
        let seeded = try portal.community.store.snapshot().all(Opportunity.self).map(\.value).filter { $0.id.rawValue.hasPrefix("opp-") }
        #expect(seeded.count == 4)
        for deal in seeded {
            let close = deal.closeDate
            #expect(close.year == today.year && (close.month - 1) / 3 == (today.month - 1) / 3 && !(close < today), "\(deal.id)")
        }
        let thisQuarter = try portal.community.runReport(
            ReportDefinition(object: "Opportunity", filter: .condition(ReportCondition("CloseDate", .equals, ["this quarter"]))),
            as: portal.viewer("dana"))
        #expect(thisQuarter.total.count >= 4)
    }
}
