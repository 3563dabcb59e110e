import CommunityKit
@testable import PartnerPortalKit
import Foundation
import Testing

/// The JSON API and the pages agree: for every persona of the example, the leads, deals and
/// cases the API lists are the records the site's list pages link to.
@Suite struct APIAgreementTests {
    static let portal: Portal? = try? Portal()

    /// The record ids a list page links to (`/partners/lead/<id>`).
    func linkedIDs(_ html: String, segment: String) -> Set<String> {
        var ids = Set<String>()
        guard let pattern = try? Regex("href=\"/partners/\(segment)/([^\"?/]+)\"") else { return ids }
        for match in html.matches(of: pattern) {
            if let id = match.output[1].substring { ids.insert(String(id)) }
        }
        return ids
    }

    @Test(arguments: [("leads", "lead", "/leads"), ("deals", "deal", "/opportunities"), ("cases", "case", "/cases")])
    func everyPersonaListsTheSameRecordsThroughTheAPIAsOnThePage(page: String, segment: String, endpoint: String) throws {
        let portal = try #require(Self.portal)
        let community = portal.community
        for user in Seed.people where user.kind != .customer {
            let html = portal.get("/partners/" + page, as: user.id.rawValue)
            guard html.status == 200 else { continue }  // a page this persona may not open
            let token = try community.createPersonalAccessToken(for: user.id, name: "agreement", scopes: APIScope.readOnly).text
            let response = community.handle(SiteRequest(.get, "/partners/api/v1" + endpoint, query: ["limit": "100"], headers: ["authorization": "Bearer " + token]))
            #expect(response.status == 200, "\(user.id) \(endpoint)")
            let body = try JSONDecoder().decode(JSONValue.self, from: Data(response.body.utf8))
            guard case .array(let items)? = body["items"] else { Issue.record("no items"); continue }
            let api = Set(items.compactMap { $0["id"]?.stringValue })
            #expect(api == linkedIDs(html.body, segment: segment), "\(user.id) \(page)")
        }
    }
}
