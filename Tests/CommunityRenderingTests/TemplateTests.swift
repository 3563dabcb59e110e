import CommunityModel
import CommunityAccess
import CommunityRendering
import Testing

@Suite struct TemplateTests {
    @Test(arguments: SiteTemplate.all.map(\.id))
    func templatesCreateWorkingSites(_ id: String) throws {
        let template = try #require(SiteTemplate.all.first { $0.id == id })
        var site = try template.makeSite(.init(id: "t", name: "Acme \(template.name)", urlPrefix: "/t", memberProfileIDs: ["staff", "partner", "customer"]))
        site.status = .published
        #expect(site.template == id)
        #expect(site.validate(registry: .standard).isEmpty)
        #expect(site.homePageID != nil && site.notFoundPageID != nil && site.forbiddenPageID != nil)
        let responder = try SiteResponder(site: site, registry: .standard, services: Fixtures.services(engine: Fixtures.accessEngine()), csrf: Fixtures.csrf, clock: Fixtures.clock)
        for user in [Fixtures.employee, Fixtures.partnerA] {
            for page in site.pages where page.parameter == nil {
                let response = responder.handle(Fixtures.request(.get, site.url(of: page.id)!.string, as: user))
                #expect([200, 403, 404].contains(response.status), "\(page.id)")
                #expect(!response.body.contains("ck-error\" role=\"alert\""), "\(id) \(page.id) rendered an error")
            }
        }
        #expect(responder.handle(Fixtures.request(.get, "/t/no-such-page")).status == 404)
    }

    @Test func partnerCentralPersonalisesForGoldPartners() throws {
        var site = try SiteTemplate.partnerCentral.makeSite(.init(id: "p", name: "Partners", urlPrefix: "/p", memberProfileIDs: ["staff", "partner"]))
        site.status = .published
        let responder = try SiteResponder(site: site, registry: .standard, services: Fixtures.services(engine: Fixtures.accessEngine()), csrf: Fixtures.csrf)
        #expect(responder.handle(Fixtures.request(.get, "/p/", as: Fixtures.partnerA)).body.contains("Welcome, Gold partners"))
        #expect(responder.handle(Fixtures.request(.get, "/p/", as: Fixtures.partnerB)).body.contains("Welcome, partners"))
        #expect(responder.handle(Fixtures.request(.get, "/p/programme", as: Fixtures.partnerA)).status == 200)
        #expect(responder.handle(Fixtures.request(.get, "/p/programme", as: Fixtures.partnerB)).status == 403)
        let deals = responder.handle(Fixtures.request(.get, "/p/deals", as: Fixtures.employee)).body
        #expect(deals.contains("<svg") || deals.contains("Nothing to show"))
    }
}
