import CommunityContent
import CommunityModel
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
            // An English article that quotes the German term ("Deal schützen") for German-speaking partners.
            "en-deal-desk", "en_US", "Deal desk: Deal schützen", summary: "Ask the deal desk to protect a deal (Deal schützen).",
            body: "The deal desk approves deal discounts on each deal."),
        SearchFixtures.doc(
            "de-register-deal", "de_DE", "Verkaufschance als Partner registrieren", summary: "Eine Verkaufschance schützen.",
            body: "Öffnen Sie die Deal-Registrierung. Genehmigte Verkaufschancen sind neunzig Tage geschützt."),
    ]

    @Test func englishQueryRanksTheEnglishArticleFirst() throws {
        let query = SearchQuery("mdf", locale: "en_US")
        // Without the policy the German article, which says MDF more often, wins.
        let blind = try index(.languageBlind, mdf).search(query, as: .unrestricted)
        #expect(blind.hits.first?.key.id == "de-mdf")
        let results = try index(SearchLocalePolicy(), mdf).search(query, as: .unrestricted)
        #expect(results.hits.map(\.key.id) == ["en-mdf", "de-mdf"], "too few English matches: German fills in")
    }

    @Test func germanQueryRanksTheGermanAnswerFirst() throws {
        let query = SearchQuery("deal schützen", locale: "de_DE")
        let results = try index(SearchLocalePolicy(), deals).search(query, as: .unrestricted)
        #expect(results.hits.first?.key.id == "de-register-deal")
    }

    @Test func otherLanguagesAreLeftOutWhenTheLocaleHasEnoughMatches() throws {
        let docs =
            (0..<3).map { SearchFixtures.doc("en\($0)", "en_US", "Invoice export \($0)") }
            + [SearchFixtures.doc("de", "de_DE", "Invoice Export")]
        let results = try index(SearchLocalePolicy(minimumLocalResults: 3), docs)
            .search(SearchQuery("invoice export", locale: "en_US"), as: .unrestricted)
        #expect(results.hits.map(\.key.id).sorted() == ["en0", "en1", "en2"])
        #expect(results.totalCount == 3)
        let fewer = try index(SearchLocalePolicy(minimumLocalResults: 4), docs)
            .search(SearchQuery("invoice export", locale: "en_US"), as: .unrestricted)
        #expect(fewer.hits.last?.key.id == "de")
        #expect(fewer.totalCount == 4)
    }

    @Test func aMuchBetterMatchInAnotherLanguageStillRanksFirst() throws {
        let docs = [
            SearchFixtures.doc("en-weak", "en_US", "Partner portal", body: "Rebates are listed elsewhere."),
            SearchFixtures.doc("en-other", "en_US", "Portal overview"),
            SearchFixtures.doc("en-third", "en_US", "Portal news"),
            SearchFixtures.doc("de-strong", "de_DE", "Rebates Rebates", summary: "Rebates portal rebates", body: "Rebates portal"),
        ]
        let query = SearchQuery("rebates portal", locale: "en_US")
        let results = try index(SearchLocalePolicy(foreignScoreRatio: 1.2), docs).search(query, as: .unrestricted)
        #expect(results.hits.first?.key.id == "de-strong")
        let strict = try index(SearchLocalePolicy(foreignScoreRatio: 100), docs).search(query, as: .unrestricted)
        #expect(!strict.hits.contains { $0.key.id == "de-strong" })
    }

    @Test func queriesWithoutLocaleRankEveryLanguageAlike() throws {
        let results = try index(SearchLocalePolicy(), mdf).search(SearchQuery("mdf"), as: .unrestricted)
        #expect(results.hits.first?.key.id == "de-mdf")
    }
}
