import CommunityContent
import CommunityModel
import Foundation
import Testing

@Suite struct SearchPromotionIndexTests {
    private func index() throws -> MemorySearchIndex {
        let index = MemorySearchIndex(clock: ManualClockForTests())
        try index.upsert([
            SearchFixtures.doc("refund-policy", "en_US", "Refund policy", body: "How refunds work."),
            SearchFixtures.doc("refund-form", "en_US", "Request a refund", body: "Use the refund form."),
            SearchFixtures.doc("billing", "en_US", "Billing overview", body: "Invoices and payment methods."),
            SearchFixtures.doc("secret", "en_US", "Partner rebate terms", visibility: .anyOf(["group:partners"])),
        ])
        return index
    }

    private func key(_ id: String) -> SearchDocumentKey { SearchDocumentKey(type: .article, id: id) }

    @Test func promotedDocumentsComeFirstInOrderAndAreMarked() throws {
        let index = try index()
        var query = SearchQuery("refund", locale: "en_US")
        query.promoted = [key("billing"), key("refund-form")]
        let results = try index.search(query, as: .anonymous)
        #expect(results.hits.map(\.key.id) == ["billing", "refund-form", "refund-policy"])
        #expect(results.hits.map(\.isPromoted) == [true, true, false])
        // "billing" does not match the word but is shown; it counts once, like a match.
        #expect(results.totalCount == 3)
        let plain = try index.search(SearchQuery("refund", locale: "en_US"), as: .anonymous)
        #expect(plain.totalCount == 2)
        #expect(plain.hits.allSatisfy { !$0.isPromoted })
    }

    @Test func aPromotedDocumentTheViewerCannotSeeNeverAppearsNorCounts() throws {
        let index = try index()
        var query = SearchQuery("refund", locale: "en_US")
        query.promoted = [key("secret"), key("refund-form")]
        let guest = try index.search(query, as: .anonymous)
        #expect(!guest.hits.contains { $0.key.id == "secret" })
        #expect(guest.totalCount == 2)
        #expect(guest.hits.first?.key.id == "refund-form")
        let partner = try index.search(query, as: SearchViewer(keys: ["group:partners"]))
        #expect(partner.hits.map(\.key.id).prefix(2) == ["secret", "refund-form"])
        #expect(partner.totalCount == 3)
    }

    @Test func promotionsRespectFiltersPagingAndUnknownKeys() throws {
        let index = try index()
        var query = SearchQuery("refund", locale: "en_US", types: [.question])
        query.promoted = [key("billing")]
        #expect(try index.search(query, as: .anonymous).totalCount == 0)  // the type filter still applies
        var paged = SearchQuery("refund", locale: "en_US", offset: 1, limit: 1)
        paged.promoted = [key("billing"), key("nowhere")]
        let page = try index.search(paged, as: .anonymous)
        #expect(page.totalCount == 3)
        #expect(page.hits.count == 1 && page.hits.first?.isPromoted == false)
        var facets = SearchQuery("refund", locale: "en_US", facets: [.type])
        facets.promoted = [key("billing")]
        #expect(try index.search(facets, as: .anonymous).facets[.type]?.first?.count == 3)
    }

    @Test func removedPromotedDocumentsDisappear() throws {
        let index = try index()
        try index.remove(key("billing"))
        var query = SearchQuery("refund", locale: "en_US")
        query.promoted = [key("billing")]
        let results = try index.search(query, as: .anonymous)
        #expect(results.totalCount == 2 && !results.hits.contains { $0.key.id == "billing" })
    }

    @Test func boostsReorderMatchesWithinTheirBoundAndAddNone() throws {
        let index = try index()
        let plain = try index.search(SearchQuery("refund", locale: "en_US"), as: .anonymous)
        guard let second = plain.hits.last?.key, let first = plain.hits.first?.key else {
            Issue.record("no hits")
            return
        }
        var boosted = SearchQuery("refund", locale: "en_US")
        boosted.boosts = [second: 100, key("billing"): 5]
        let results = try index.search(boosted, as: .anonymous)
        #expect(results.hits.first?.key == second)
        #expect(results.totalCount == 2)  // a boost never adds a match
        let unboosted = plain.hits.first { $0.key == second }?.score ?? 0
        let lifted = results.hits.first { $0.key == second }?.score ?? 0
        #expect(abs(lifted - unboosted * RankingOptions().maxDocumentBoost) < 1e-9 * lifted)  // clamped to the bound
        var shrink = SearchQuery("refund", locale: "en_US")
        shrink.boosts = [first: 0.01, second: .nan]  // below 1 or not finite: ignored
        #expect(try index.search(shrink, as: .anonymous).hits.map(\.key) == plain.hits.map(\.key))
    }
}
