import CommunityKit
import Foundation
import Testing

/// Records made through a site's pages carry that site (`siteID`, Salesforce's NetworkId), and
/// the community KPIs count them there: cases, leads, article views and votes, fund requests
/// and claims, self-registered members. Records the host makes outside any site carry none.
@Suite struct SiteAttributionTests {
    func kpis(_ community: Community, _ scope: KPIScope) -> CommunityKPIs {
        let today = KPIDay.number(of: community.clock.now())
        return CommunityKPIs(aggregates: community.kpiAggregator.aggregates, scope: scope, days: (today - 29)...today, context: KPIContext())
    }

    /// The figure on the help site, on the partner site and across all sites.
    func perSite(_ community: Community, _ name: String) -> [Double?] {
        [kpis(community, .site("help")).figure(name)?.value, kpis(community, .site("partners")).figure(name)?.value,
         kpis(community, .allSites).figure(name)?.value]
    }

    @Test func casesAndLeadsSubmittedThroughASiteFormCarryTheSite() throws {
        let community = try SiteScopingTests.twoSites()
        let pat = community.viewer("pat", sessionID: "s-pat")
        let helpCase = SiteScopingTests.post(community, "submitCase", site: "/help", page: "/questions",
                                             form: ["subject": "Printer jams", "description": "Page two", "priority": "low"], viewer: pat)
        #expect(helpCase.status == 303)
        let partnerCase = SiteScopingTests.post(community, "submitCase", site: "/partners", page: "/leads",
                                                form: ["subject": "Price list", "description": "404", "priority": "high"], viewer: pat)
        #expect(partnerCase.status == 303)
        let lead = SiteScopingTests.post(community, "registerLead", site: "/partners", page: "/leads",
                                         form: ["company": "Woodgrove", "lastName": "Shah"], viewer: pat)
        #expect(lead.status == 303)
        let snapshot = community.store.snapshot()
        let cases = try snapshot.all(Case.self).map(\.value)
        #expect(Set(cases.map { [$0.subject, $0.siteID ?? "-"] }) == [["Printer jams", "help"], ["Price list", "partners"]])
        #expect(try snapshot.all(Lead.self).map(\.value).first { $0.company == "Woodgrove" }?.siteID == "partners")
        #expect(perSite(community, "service.casesCreated") == [1, 1, 2])
        #expect(perSite(community, "partner.leadsRegistered") == [0, 1, 1])
        // The host's own case, made outside any site, counts in every site.
        try community.cases.submit(CaseDraft(subject: "Host case"), by: "pat")
        #expect(try community.store.snapshot().all(Case.self).map(\.value).first { $0.subject == "Host case" }?.siteID == nil)
        #expect(perSite(community, "service.casesCreated") == [2, 2, 3])
    }

    @Test func articleViewsAndVotesCountInTheSiteTheyHappenedIn() throws {
        let community = try SiteScopingTests.twoSites()
        let kb = community.knowledge
        let article = try kb.createArticle(locale: "en_US", content: ArticleContent(title: "Reset your router", body: "<p>Hold the button.</p>"),
                                           channels: [.public, .partner], by: "cara")
        try kb.publish(article.id, locale: "en_US", by: "cara")
        let slug = try #require(try kb.slug(of: article.id, locale: "en_US"))
        let pat = community.viewer("pat", sessionID: "s-pat")
        #expect(community.handle(SiteRequest(.get, "/help/article/\(slug)", viewer: pat)).status == 200)
        let vote = SiteScopingTests.post(community, "articleVote", site: "/help", page: "/article/\(slug)",
                                         form: ["article": article.id.rawValue, "helpful": "yes"], viewer: pat)
        #expect(vote.status == 303)
        let snapshot = community.store.snapshot()
        #expect(try snapshot.all(ArticleViewRecord.self).map(\.value.siteID) == ["help"])
        #expect(try snapshot.all(ArticleFeedback.self).map(\.value.siteID) == ["help"])
        #expect(perSite(community, "knowledge.views") == [1, 0, 1])
        #expect(perSite(community, "knowledge.helpfulVotes") == [1, 0, 1])
        // A rating given through the service with a site counts there.
        try kb.rate(article.id, stars: 4, by: "mia", site: "partners")
        #expect(perSite(community, "knowledge.ratings") == [0, 1, 1])
    }

    @Test func fundRequestsAndClaimsCarryTheSiteTheyWereMadeIn() throws {
        let community = try SiteScopingTests.twoSites()
        let period = FundRequestsComponent.quarter(of: community.clock.now())
        try community.funds.allocate(10_000, to: "acme", period: period, by: "cara")
        let made = try community.funds.requestFunds(1_000, for: "Roadshow", period: period, by: "pat", site: "partners")
        #expect(made.request.siteID == "partners")
        try community.store.write { tx in
            var approved = try #require(try tx.value(made.request.id))
            approved.status = .approved
            try tx.put(approved)
        }
        // A claim made without a site takes its request's.
        let claim = try community.funds.claim(400, against: made.request.id, proof: "Invoice 7", by: "pat")
        #expect(claim.claim.siteID == "partners")
        #expect(perSite(community, "partner.fundRequested") == [0, 100_000, 100_000])
    }
}
