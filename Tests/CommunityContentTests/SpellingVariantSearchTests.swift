import CommunityContent
import Foundation
import Testing

/// Split and joined spellings find each other without a synonym group.
@Suite struct SpellingVariantSearchTests {
    let docs = [
        SearchFixtures.doc("webhooks", "en_US", "Webhooks", summary: "Receive events from the portal."),
        SearchFixtures.doc("webhook-retry", "en_US", "Web hook retries", summary: "How failed deliveries are retried."),
        SearchFixtures.doc("email-change", "en_US", "Change your email address"),
        SearchFixtures.doc("e-mail-settings", "en_US", "E-mail settings", summary: "Choose which notifications you get."),
        SearchFixtures.doc("login", "en_US", "Login troubleshooting"),
        SearchFixtures.doc("web-portal", "en_US", "Web portal overview", summary: "Pages and menus."),
        SearchFixtures.doc("hooks", "en_US", "Coat hooks", summary: "Office furniture."),
    ]

    func ids(_ text: String, matching: SearchQuery.Matching = .anyWord) throws -> [String] {
        let index = MemorySearchIndex(clock: ManualClockForTests())
        try index.upsert(docs)
        return try index.search(SearchQuery(text, locale: "en_US", matching: matching), as: .unrestricted).hits.map(\.key.id)
    }

    @Test func separatedWordsFindTheJoinedWord() throws {
        #expect(try ids("web hooks").first == "webhooks")
        #expect(try ids("e mail change").first == "email-change")
        #expect(try ids("log in").first == "login")
        #expect(try ids("web hooks", matching: .allWords).contains("webhooks"))
    }

    @Test func aJoinedWordFindsItsSeparatedSpelling() throws {
        let webhook = try ids("webhook")
        #expect(webhook.contains("webhook-retry"))
        #expect(webhook.contains("webhooks"))
        #expect(!webhook.contains("web-portal"), "one half of a split word is not a match")
        #expect(!webhook.contains("hooks"))
        #expect(try ids("email").contains("e-mail-settings"))
        #expect(try ids("email settings").first == "e-mail-settings")
    }

    @Test func aSplitWordCountsAsTheWholeQueryWord() throws {
        // Both documents match every query word (one as typed, one split): the split spelling
        // must not be ranked as a partial match.
        let found = try ids("webhook retries", matching: .allWords)
        #expect(found == ["webhook-retry"])
    }
}
