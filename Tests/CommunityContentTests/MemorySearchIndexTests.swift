import CommunityContent
import Foundation
import Testing

@Suite struct MemorySearchIndexTests {
    func index(_ docs: [SearchDocument] = SearchFixtures.knowledgeBase()) throws -> MemorySearchIndex {
        let index = MemorySearchIndex(clock: ManualClockForTests())
        try index.upsert(docs)
        return index
    }

    func ids(_ index: MemorySearchIndex, _ query: SearchQuery, as viewer: SearchViewer = .unrestricted) throws -> [String] {
        try index.search(query, as: viewer).hits.map(\.key.id)
    }

    // MARK: Korean

    @Test func koreanWordFindsParticleAndSpacingVariants() throws {
        let index = try index()
        let found = try ids(index, SearchQuery("비밀번호", locale: "ko_KR"))
        #expect(Set(found.prefix(2)) == ["ko1", "ko2"])  // 비밀번호를 and 비밀번호재설정
    }

    @Test func koreanQueryWithParticleAndSpaceFindsJoinedCompound() throws {
        let index = try index()
        let found = try ids(index, SearchQuery("비밀번호를 재설정", locale: "ko_KR"))
        #expect(found.first == "ko1" || found.first == "ko2")
        #expect(Set(found.prefix(2)) == ["ko1", "ko2"])
    }

    @Test func koreanSingleSyllableWordMatches() throws {
        let index = try index()
        #expect(try ids(index, SearchQuery("앱", locale: "ko_KR")).first == "ko4")
    }

    // MARK: German

    @Test func germanCompoundFoundByItsParts() throws {
        let index = try index()
        let rechnung = try ids(index, SearchQuery("Rechnung", locale: "de_DE"))
        #expect(rechnung.contains("de1"))  // Rechnungsadresse (first part)
        #expect(rechnung.contains("de4"))  // Kundenrechnung (last part), Rechnungen (plural)
        let adresse = try ids(index, SearchQuery("Adresse", locale: "de_DE"))
        #expect(adresse.contains("de1") && adresse.contains("de3"))
    }

    @Test func germanUmlautAndSharpSFoldBothWays() throws {
        let index = try index()
        #expect(try ids(index, SearchQuery("aendern", locale: "de_DE")).first == "de1")
        #expect(try ids(index, SearchQuery("ändern", locale: "de_DE")).first == "de1")
        #expect(try ids(index, SearchQuery("Strasse", locale: "de_DE")).first == "de3")
        #expect(try ids(index, SearchQuery("zuruecksetzen", locale: "de_DE")).first == "de2")
    }

    // MARK: English

    @Test func englishStemmingMatchesInflections() throws {
        let index = try index()
        #expect(try ids(index, SearchQuery("connected calendars", locale: "en_US")).first == "en2")
        #expect(try ids(index, SearchQuery("resetting passwords", locale: "en_US")).first == "en1")
    }

    // MARK: Typos, prefixes, phrases

    @Test func typoToleranceOneEditForShortTwoForLong() throws {
        let index = try index()
        #expect(try ids(index, SearchQuery("pasword", locale: "en_US")).contains("en1"))  // 1 edit, 7 letters
        #expect(try ids(index, SearchQuery("calender", locale: "en_US")).first == "en2")  // 1 edit
        #expect(try ids(index, SearchQuery("conectoins", locale: "en_US")).first == "en2")  // 2 edits, 10 letters
        #expect(try ids(index, SearchQuery("pasword", locale: "en_US", typoTolerance: false)).isEmpty)
        // Three letters: no typo allowed.
        #expect(try ids(index, SearchQuery("csx", locale: "en_US")).isEmpty)
        // Two typos in a seven-letter word are too many.
        #expect(try ids(index, SearchQuery("pazwodr", locale: "en_US")).isEmpty)
    }

    @Test func prefixSearchForAutocomplete() throws {
        let index = try index()
        #expect(try ids(index, SearchQuery("calen", locale: "en_US", prefixLastWord: true)).first == "en2")
        #expect(try ids(index, SearchQuery("calen", locale: "en_US", typoTolerance: false)).isEmpty)
    }

    @Test func phraseRequiresWordsInOrder() throws {
        let docs = [
            SearchFixtures.doc("a", "en_US", "Reset password now"),
            SearchFixtures.doc("b", "en_US", "Password policy", body: "You may reset it later"),
        ]
        let index = try index(docs)
        #expect(try Set(ids(index, SearchQuery("reset password", locale: "en_US"))) == ["a", "b"])
        #expect(try ids(index, SearchQuery("\"reset password\"", locale: "en_US")) == ["a"])
        #expect(try ids(index, SearchQuery("\"password reset\"", locale: "en_US")).isEmpty)
    }

    @Test func allWordsRequiresEveryWord() throws {
        let index = try index()
        let any = try ids(index, SearchQuery("billing calendar", locale: "en_US", typoTolerance: false))
        #expect(Set(any) == ["en2", "en3"])
        let all = try ids(index, SearchQuery("billing calendar", locale: "en_US", matching: .allWords, typoTolerance: false))
        #expect(all.isEmpty)
    }

    // MARK: Ranking

    @Test func titleOutranksBody() throws {
        let docs = [
            SearchFixtures.doc("body", "en_US", "Account settings", body: "Change the invoice layout here."),
            SearchFixtures.doc("title", "en_US", "Invoice layout", body: "Details about settings."),
        ]
        #expect(try ids(index(docs), SearchQuery("invoice", locale: "en_US")) == ["title", "body"])
    }

    @Test func recencyAndPopularityAreTunableBoosts() throws {
        let docs = [
            SearchFixtures.doc("old", "en_US", "Invoice layout", updatedDaysAgo: 900, popularity: 0),
            SearchFixtures.doc("fresh", "en_US", "Invoice layout", updatedDaysAgo: 1, popularity: 0),
            SearchFixtures.doc("popular", "en_US", "Invoice layout", updatedDaysAgo: 900, popularity: 5000),
        ]
        var options = RankingOptions()
        options.popularityBoost = 0
        let recencyOnly = MemorySearchIndex(options: options, clock: ManualClockForTests())
        try recencyOnly.upsert(docs)
        #expect(try ids(recencyOnly, SearchQuery("invoice")).first == "fresh")
        options.recencyBoost = 0
        options.popularityBoost = 0.5
        let popularityOnly = MemorySearchIndex(options: options, clock: ManualClockForTests())
        try popularityOnly.upsert(docs)
        #expect(try ids(popularityOnly, SearchQuery("invoice")).first == "popular")
    }

    // MARK: Filters, facets, snippets

    @Test func filtersAndFacets() throws {
        let docs = [
            SearchFixtures.doc("1", "en_US", "Invoice basics", categories: ["billing"], topics: ["t1"]),
            SearchFixtures.doc("2", "de_DE", "Invoice Grundlagen", type: .question, categories: ["billing"], topics: ["t2"]),
            SearchFixtures.doc("3", "en_US", "Invoice export", type: .file, categories: ["reports"], topics: ["t1"]),
        ]
        let index = try index(docs)
        let all = try index.search(SearchQuery("invoice", facets: [.category, .locale, .type, .topic]), as: .unrestricted)
        #expect(all.totalCount == 3)
        #expect(all.facets[.category] == [FacetCount(value: "billing", count: 2), FacetCount(value: "reports", count: 1)])
        #expect(all.facets[.locale]?.first == FacetCount(value: "en_US", count: 2))
        #expect(all.facets[.type]?.count == 3)
        #expect(all.facets[.topic]?.first == FacetCount(value: "t1", count: 2))
        #expect(try Set(ids(index, SearchQuery("invoice", categories: ["billing"]))) == ["1", "2"])
        #expect(try ids(index, SearchQuery("invoice", locales: ["de_DE"])) == ["2"])
        #expect(try ids(index, SearchQuery("invoice", types: [.file])) == ["3"])
        #expect(try Set(ids(index, SearchQuery("invoice", topics: ["t1"]))) == ["1", "3"])
    }

    @Test func snippetsAreEscapedWithMarkedHits() throws {
        let index = try index()
        let hit = try #require(index.search(SearchQuery("reports formulas", locale: "en_US"), as: .unrestricted).hits.first)
        #expect(hit.key.id == "en4")
        #expect(hit.titleHTML == "Exporting <mark>reports</mark> to &lt;CSV&gt;")
        #expect(hit.snippetHTML.contains("<mark>formulas</mark>"))
        #expect(hit.snippetHTML.contains("a&lt;b &amp; c&gt;d"))
        #expect(!hit.snippetHTML.contains("<b"))
        let korean = try #require(index.search(SearchQuery("비밀번호", locale: "ko_KR"), as: .unrestricted).hits.first)
        #expect(korean.titleHTML.contains("<mark>"))
    }

    // MARK: Updates

    @Test func upsertReplacesAndRemoveHidesAtOnce() throws {
        let index = try index()
        #expect(try ids(index, SearchQuery("calendar")).contains("en2"))
        try index.upsert(SearchFixtures.doc("en2", "en_US", "Printer drivers"))
        #expect(try !ids(index, SearchQuery("calendar")).contains("en2"))
        #expect(try ids(index, SearchQuery("printer")) == ["en2"])
        try index.remove(SearchDocumentKey(type: .article, id: "en2"))
        #expect(try ids(index, SearchQuery("printer")).isEmpty)
        #expect(try index.document(SearchDocumentKey(type: .article, id: "en2")) == nil)
        #expect(try index.count() == 11)
    }

    @Test func manySmallWritesMergeIntoFewSegments() throws {
        let index = MemorySearchIndex(clock: ManualClockForTests())
        for i in 0..<300 { try index.upsert(SearchFixtures.doc("d\(i)", "en_US", "Widget number w\(i)")) }
        for i in stride(from: 0, to: 300, by: 3) { try index.remove(SearchDocumentKey(type: .article, id: "d\(i)")) }
        #expect(index.segmentCount <= 12)
        #expect(try index.count() == 200)
        let results = try index.search(SearchQuery("widget", limit: 1000), as: .unrestricted)
        #expect(results.totalCount == 200)
        #expect(try ids(index, SearchQuery("w4", typoTolerance: false)) == ["d4"])
        #expect(try ids(index, SearchQuery("w3", typoTolerance: false)).isEmpty)
    }

    @Test func invalidDocumentsAreRefused() throws {
        let index = MemorySearchIndex()
        #expect(throws: SearchIndexError.emptyID(type: "article")) {
            try index.upsert(SearchFixtures.doc("", "en_US", "x"))
        }
        let huge = String(repeating: "a", count: SearchIndexError.maxShortFieldCharacters + 1)
        #expect(throws: SearchIndexError.self) { try index.upsert(SearchFixtures.doc("x", "en_US", huge)) }
        #expect(try index.count() == 0)
    }
}
