import CommunityContent
import CommunityModel
import Foundation
import Testing

@Suite struct SynonymSearchTests {
    func index(_ docs: [SearchDocument]) throws -> MemorySearchIndex {
        let index = MemorySearchIndex(clock: ManualClockForTests())
        try index.upsert(docs)
        return index
    }

    func ids(_ index: MemorySearchIndex, _ text: String, locale: String? = "en_US", synonyms: SynonymSet = .empty,
             matching: SearchQuery.Matching = .anyWord) throws -> [String] {
        var query = SearchQuery(text, locale: locale, matching: matching)
        query.synonyms = synonyms
        return try index.search(query, as: .unrestricted).hits.map(\.key.id)
    }

    let signIn = SynonymSet([SynonymGroup(locale: "en", terms: ["sign in", "log in", "login"])])

    let helpCenter = [
        SearchFixtures.doc("login", "en_US", "Troubleshooting login failures", body: "What to do when the portal rejects your password."),
        SearchFixtures.doc("invoice", "en_US", "Download an invoice", body: "Invoices are listed under Billing."),
        SearchFixtures.doc("signin", "en_US", "Sign in with single sign-on", body: "Use your company account to sign in."),
        SearchFixtures.doc("funds", "en_US", "Request market development funds", body: "Partners request funds for campaigns."),
        SearchFixtures.doc("dev", "en_US", "Development environment", body: "Set up a sandbox for development."),
    ]

    @Test func aTwoWayGroupFindsTheOtherTermsOfAParaphrase() throws {
        let index = try index(helpCenter)
        #expect(try !ids(index, "can't sign in").contains("login"), "without the group the login article is not found")
        let found = try ids(index, "can't sign in", synonyms: signIn)
        #expect(found.prefix(2).contains("login"))
        #expect(found.contains("signin"))
        #expect(try ids(index, "login", synonyms: signIn).contains("signin"), "two-way: login finds sign in")
    }

    @Test func theWordAsTypedRanksAboveItsSynonym() throws {
        let index = try index(helpCenter)
        let found = try ids(index, "sign in", synonyms: signIn)
        #expect(found.first == "signin")
        #expect(found.contains("login"))
        let query = { (text: String) in
            var q = SearchQuery(text, locale: "en_US")
            q.synonyms = signIn
            return q
        }
        let viaSynonym = try index.search(query("sign in"), as: .unrestricted).hits.first { $0.key.id == "login" }?.score ?? 0
        let exact = try index.search(query("login"), as: .unrestricted).hits.first { $0.key.id == "login" }?.score ?? 0
        #expect(viaSynonym > 0 && viaSynonym < exact)
    }

    @Test func aOneWayGroupExpandsOnlyFromItsTermsToItsTargets() throws {
        let docs = [
            SearchFixtures.doc("invoice", "en_US", "Download an invoice"),
            SearchFixtures.doc("bill", "en_US", "Pay a bill by card"),
        ]
        let index = try index(docs)
        let oneWay = SynonymSet([SynonymGroup(locale: "en", kind: .oneWay, terms: ["bill"], targets: ["invoice"])])
        #expect(try Set(ids(index, "bill", synonyms: oneWay)) == ["bill", "invoice"])
        #expect(try ids(index, "invoice", synonyms: oneWay) == ["invoice"])
        #expect(try Set(ids(index, "bills", synonyms: oneWay)) == ["bill", "invoice"], "inflected terms match through their stems")
    }

    @Test func aMultiWordAlternativeCountsOnlyWhenAllItsWordsMatch() throws {
        let index = try index(helpCenter)
        let mdf = SynonymSet([SynonymGroup(terms: ["mdf", "market development funds"])])
        let found = try ids(index, "mdf", synonyms: mdf)
        #expect(found == ["funds"], "the development article matches one word of three and is not found")
        #expect(try ids(index, "mdf", synonyms: mdf, matching: .allWords) == ["funds"])
    }

    @Test func allWordsMatchingAcceptsASynonymForARequiredWord() throws {
        let index = try index(helpCenter)
        #expect(try ids(index, "sign in failures", matching: .allWords).isEmpty)
        #expect(try ids(index, "sign in failures", synonyms: signIn, matching: .allWords) == ["login"])
    }

    @Test func aGroupAppliesOnlyToQueriesInItsLanguage() throws {
        let docs = [SearchFixtures.doc("de-login", "de_DE", "Probleme beim Einloggen")]
        let index = try index(docs)
        let german = SynonymSet([SynonymGroup(locale: "de", terms: ["anmelden", "einloggen"])])
        #expect(try ids(index, "anmelden", locale: "de_DE", synonyms: german) == ["de-login"])
        #expect(try ids(index, "anmelden", locale: "en_US", synonyms: german).isEmpty)
        #expect(try ids(index, "anmelden", locale: nil, synonyms: german) == ["de-login"], "a query without locale uses every group")
    }

    @Test func koreanTermsMatchWithParticlesAndSpacing() throws {
        let docs = [
            SearchFixtures.doc("ko-login", "ko_KR", "접속이 안 될 때 확인할 사항"),
            SearchFixtures.doc("ko-refund", "ko_KR", "환불 요청 방법"),
        ]
        let index = try index(docs)
        let korean = SynonymSet(SynonymGroup.starterGroups)
        #expect(try ids(index, "로그인이 오류", locale: "ko_KR", synonyms: korean).first == "ko-login")
        #expect(try ids(index, "로그인이 오류", locale: "ko_KR").isEmpty)
    }

    @Test func starterGroupsAnswerHelpCenterParaphrases() throws {
        let docs = helpCenter + [
            SearchFixtures.doc("cancel", "en_US", "Cancel your subscription"),
            SearchFixtures.doc("de-kuendigen", "de_DE", "Vertrag kündigen"),
            SearchFixtures.doc("passcode", "en_US", "Reset your passcode"),
        ]
        let index = try index(docs)
        let starter = SynonymSet(SynonymGroup.starterGroups)
        #expect(try ids(index, "terminate subscription", synonyms: starter).first == "cancel")
        #expect(try ids(index, "bill", synonyms: starter).first == "invoice")
        #expect(try ids(index, "forgot password", synonyms: starter).prefix(2).contains("passcode"))
        #expect(try ids(index, "vertrag beenden", locale: "de_DE", synonyms: starter).first == "de-kuendigen")
        #expect(try ids(index, "login problem", synonyms: starter).prefix(2).contains("signin"))
    }

    // MARK: Validation

    @Test(arguments: [
        (SynonymGroup(terms: ["sign in", "  ,, "]), SynonymGroupError.emptyTerm(field: .terms, index: 1)),
        (SynonymGroup(terms: (0...20).map { "term\($0)" }), .tooManyTerms(field: .terms, count: 21, limit: 20)),
        (SynonymGroup(terms: ["a", String(repeating: "x", count: 61)]), .termTooLong(field: .terms, index: 1, characters: 61, limit: 60)),
        (SynonymGroup(terms: ["a", "one two three four five"]), .tooManyWords(field: .terms, index: 1, words: 5, limit: 4)),
        (SynonymGroup(terms: ["only"]), .tooFewTerms(count: 1, minimum: 2)),
        (SynonymGroup(kind: .oneWay, terms: ["bill"]), .missingTarget),
        (SynonymGroup(terms: ["a", "b"], targets: ["c"]), .targetsInTwoWayGroup),
        (SynonymGroup(locale: "en US!", terms: ["a", "b"]), .invalidLocale("en US!")),
        (SynonymGroup(terms: ["a", "b\u{0}c"]), .controlCharacter(field: .terms, index: 1)),
        (SynonymGroup(kind: .oneWay, terms: ["bill"], targets: [""]), .emptyTerm(field: .targets, index: 0)),
    ])
    func invalidGroupsAreRefusedWithTypedErrors(group: SynonymGroup, expected: SynonymGroupError) throws {
        #expect(throws: expected) { try group.check() }
        let store = MemoryStore()
        let service = try SynonymService(store: store)
        #expect(throws: expected) { try service.save(group) }
        #expect(try store.snapshot().count(SynonymGroup.self) == 0, "nothing written")
        #expect(throws: (any Error).self) { try store.write { tx in _ = try tx.put(group) } }
        #expect(try store.snapshot().count(SynonymGroup.self) == 0, "the store refuses it too")
    }

    @Test func theServiceFollowsTheStoreAndSeedsOnce() throws {
        let store = MemoryStore()
        let service = try SynonymService(store: store)
        #expect(service.current.isEmpty)
        let group = SynonymGroup(locale: "en", terms: ["invoice", "bill"])
        try store.write { tx in _ = try tx.put(group) }
        #expect(service.current.groups == [group], "a write by anyone reaches the compiled set")
        // The stored invoice/bill group equals the English starter one, which is not added again.
        #expect(try service.seed(SynonymGroup.starterGroups) == SynonymGroup.starterGroups.count - 1)
        #expect(try service.seed(SynonymGroup.starterGroups) == 0)
        #expect(try service.groups(locale: "ko").allSatisfy { $0.locale == "ko" })
        try service.delete(group.id)
        #expect(!service.current.groups.contains(group))
        #expect(throws: SynonymGroupError.unknownGroup(group.id.rawValue)) { try service.delete(group.id) }
        #expect(SynonymGroup.starterGroups.allSatisfy { (try? $0.check()) != nil })
    }
}
