import CommunityKit
@testable import PartnerPortalKit
import Foundation
import Testing

/// The JSON API and the pages agree: for every persona of the example — partner users, Northwind
/// staff, a customer and the guest — the leads, deals and cases the API lists (every page of its
/// cursors) are the records the site's list pages link to.
@Suite struct APIAgreementTests {
    static let portal: Portal? = try? Portal()

    /// The record ids a list page links to (`/partners/lead/<id>`).
    func linkedIDs(_ html: String, prefix: String, segment: String) -> Set<String> {
        var ids = Set<String>()
        guard let pattern = try? Regex("href=\"\(prefix)/\(segment)/([^\"?/]+)\"") else { return ids }
        for match in html.matches(of: pattern) {
            if let id = match.output[1].substring { ids.insert(String(id)) }
        }
        return ids
    }

    /// Every id an API list returns, following `nextCursor` two items at a time (so a list of
    /// more than two records crosses pages); `nil` when the API refuses the caller.
    func listedIDs(_ community: Community, _ path: String, token: String?) throws -> [String]? {
        var ids: [String] = []
        var cursor: String?
        for _ in 0..<500 {
            var query = ["limit": "2"]
            if let cursor { query["cursor"] = cursor }
            let headers = token.map { ["authorization": "Bearer " + $0] } ?? [:]
            let response = community.handle(SiteRequest(.get, path, query: query, headers: headers))
            guard response.status == 200 else { return nil }
            let body = try JSONDecoder().decode(JSONValue.self, from: Data(response.body.utf8))
            guard case .array(let items)? = body["items"] else { return nil }
            ids += items.compactMap { $0["id"]?.stringValue }
            guard let next = body["nextCursor"]?.stringValue else { return ids }
            cursor = next
        }
        Issue.record("\(path) did not end after 500 pages")
        return ids
    }

    /// Each list the API offers, with the site's pages that list the same records (a persona's
    /// records are those of the pages they may open). Partner Central has no case list page.
    @Test(arguments: [
        ("/partners", ["leads"], "lead", "/leads"), ("/partners", ["deals"], "deal", "/opportunities"),
        ("/help", ["cases", "known-issues"], "case", "/cases"),
    ])
    func everyPersonaListsTheSameRecordsThroughTheAPIAsOnThePage(prefix: String, pages: [String], segment: String, endpoint: String) throws {
        let portal = try #require(Self.portal)
        let community = portal.community
        let site = try #require(community.site(forPath: prefix + "/")?.site)
        var personas: [User?] = Seed.people.filter { site.isMember(community.viewer($0.id)) }
        personas.append(nil)  // the guest
        #expect(personas.contains { $0?.kind == .customer } || prefix == "/partners")
        var compared = 0
        for user in personas {
            let name = user?.id.rawValue ?? "guest"
            let opened = pages.map { portal.get(prefix + "/" + $0, as: user?.id.rawValue) }.filter { $0.status == 200 }
            let token = try user.map { try community.createPersonalAccessToken(for: $0.id, name: "agreement", scopes: APIScope.readOnly).text }
            let api = try listedIDs(community, prefix + "/api/v1" + endpoint, token: token)
            guard !opened.isEmpty else {
                // Pages this persona may not open list nothing; neither may the API.
                #expect(api == nil || api?.isEmpty == true, "\(name) \(prefix): no list page opens, but the API lists \(api ?? [])")
                continue
            }
            let listed = try #require(api, "\(name) \(endpoint) refused")
            #expect(listed.count == Set(listed).count, "\(name) \(endpoint) repeats ids across cursor pages")
            let linked = opened.reduce(into: Set<String>()) { $0.formUnion(linkedIDs($1.body, prefix: prefix, segment: segment)) }
            #expect(Set(listed) == linked, "\(name) \(prefix) \(pages)")
            compared += 1
        }
        #expect(compared > 1)
    }
}
