import CommunityContent
import Foundation
import Testing

@Suite struct SearchLocalePolicyTests {
    func index(_ policy: SearchLocalePolicy = SearchLocalePolicy(), _ docs: [SearchDocument]) throws -> MemorySearchIndex {
        var options = RankingOptions()
        options.localePolicy = policy
        let index = MemorySearchIndex(options: options, clock: ManualClockForTests())
        try index.upsert(docs)
        return index
    }

    let mdf = [
        SearchFixtures.doc(
            "en-mdf", "en_US", "Request market development funds", summary: "Claim MDF for a campaign.",
            body: "Partners request funds for joint marketing."),
        SearchFixtures.doc(
            "de-mdf", "de_DE", "MDF beantragen", summary: "MDF für eine Kampagne beantragen.",
            body: "MDF: Partner beantragen MDF für gemeinsames Marketing. MDF werden geprüft."),
    ]

    let deals = [
        SearchFixtures.doc(
            "en-register-deal", "en_US", "Deal registration: register a deal", summary: "Protect a deal you are working on.",
            body: "Open Deal registration. Approved deals are protected for ninety days. A deal is yours."),
        SearchFixtures.doc(
            "en-deal-desk", "en_US", "Deal desk: Deal schützen", summary: "Ask the deal desk to protect a deal (Deal schützen).",
            body: "The deal desk approves deal discounts on each deal."),
        SearchFixtures.doc(
            "de-register-deal", "de_DE", "Verkaufschance als Partner registrieren", summary: "Eine Verkaufschance schützen.",
            body: "Öffnen Sie die Deal-Registrierung. Genehmigte Verkaufschancen sind neunzig Tage geschützt."),
    ]

    @Test func mdfInEnglishRanksTheEnglishArticleAboveTheGermanOne() throws {
        let query = SearchQuery("mdf", locale: "en_US")
        let blind = try index(.languageBlind, mdf).search(query, as: .unrestricted)
        #expect(blind.hits.first?.key.id == "de-mdf", "without the policy the German article, which says MDF more often, wins")
        let results = try index(SearchLocalePolicy(), mdf).search(query, as: .unrestricted)
        #expect(results.hits.map(\.key.id) == ["en-mdf", "de-mdf"], "the German article is ranked after, not hidden")
        #expect(results.totalCount == 2)
    }

    @Test func dealSchuetzenInGermanRanksTheGermanAnswerFirst() throws {
        let results = try index(SearchLocalePolicy(), deals).search(SearchQuery("deal schützen", locale: "de_DE"), as: .unrestricted)
        #expect(results.hits.first?.key.id == "de-register-deal")
        #expect(results.totalCount == 3, "the English articles are still listed")
    }

    @Test func aMuchBetterMatchInAnotherLanguageStillRanksFirst() throws {
        let docs = [
            SearchFixtures.doc("en-weak", "en_US", "Partner portal", body: "Rebates are listed elsewhere."),
            SearchFixtures.doc("de-strong", "de_DE", "Rebates Rebates", summary: "Rebates portal rebates", body: "Rebates portal"),
        ]
        let query = SearchQuery("rebates portal", locale: "en_US")
        #expect(try index(SearchLocalePolicy(foreignMargin: 1.2), docs).search(query, as: .unrestricted).hits.first?.key.id == "de-strong")
        let strict = try index(SearchLocalePolicy(foreignMargin: 100), docs).search(query, as: .unrestricted)
        #expect(strict.hits.map(\.key.id) == ["en-weak", "de-strong"], "a large margin ranks it last, still listed")
    }

    @Test func regionalLocalesOfTheQueryLanguageCountAsLocal() throws {
        let docs = [
            SearchFixtures.doc("gb", "en_GB", "MDF claims", summary: "Claim funds."),
            SearchFixtures.doc("de", "de_DE", "MDF MDF", summary: "MDF beantragen MDF"),
        ]
        #expect(try index(SearchLocalePolicy(), docs).search(SearchQuery("mdf", locale: "en_US"), as: .unrestricted).hits.first?.key.id == "gb")
    }

    @Test func queriesWithoutLocaleRankEveryLanguageAlike() throws {
        #expect(try index(SearchLocalePolicy(), mdf).search(SearchQuery("mdf"), as: .unrestricted).hits.first?.key.id == "de-mdf")
    }

    @Test func everyPageSizeAgreesWithTheFullRanking() throws {
        var docs: [SearchDocument] = []
        for i in 0..<12 {
            docs.append(SearchFixtures.doc("en\(i)", "en_US", "Invoice export \(i)", body: String(repeating: "invoice ", count: i % 3 + 1)))
            docs.append(SearchFixtures.doc("de\(i)", "de_DE", "Invoice Export \(i)", body: String(repeating: "invoice export ", count: i % 4 + 1)))
            docs.append(SearchFixtures.doc("ko\(i)", "ko_KR", "Invoice 내보내기 \(i)"))
        }
        let index = try index(SearchLocalePolicy(), docs)
        let full = try index.search(SearchQuery("invoice export", locale: "en_US", limit: 100), as: .unrestricted)
        #expect(full.totalCount == docs.count)
        #expect(full.hits.prefix(12).allSatisfy { $0.locale == "en_US" })
        for size in [1, 4, 7, 10] {
            var pages: [String] = []
            for offset in stride(from: 0, to: docs.count, by: size) {
                let page = try index.search(SearchQuery("invoice export", locale: "en_US", offset: offset, limit: size), as: .unrestricted)
                #expect(page.totalCount == full.totalCount)
                pages += page.hits.map(\.key.id)
            }
            #expect(pages == full.hits.map(\.key.id))
        }
    }
}
