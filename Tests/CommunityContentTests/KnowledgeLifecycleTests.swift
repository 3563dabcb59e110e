import CommunityContent
import CommunityModel
import Foundation
import Synchronization
import Testing

@Suite struct KnowledgeLifecycleTests {
    typealias F = KnowledgeFixture

    @Test func draftIsInvisibleUntilPublished() throws {
        let f = try F()
        let article = try f.knowledge.createArticle(
            locale: "en_US", content: ArticleContent(title: "Reset your password", body: "Use the link."),
            channels: [.internal, .customer], by: F.author)
        #expect(try f.knowledge.read(article.id, locale: "en_US", as: F.customer) == nil)
        #expect(try f.searchIDs("password", as: F.customer).isEmpty)
        let live = try f.knowledge.publish(article.id, locale: "en_US", by: F.author)
        #expect(live.status == .published && live.number == 1)
        #expect(try f.knowledge.read(article.id, locale: "en_US", as: F.customer)?.title == "Reset your password")
        #expect(try f.searchIDs("password", as: F.customer) == ["\(article.id.rawValue)/en_US"])
        #expect(f.published.withLock { $0.map(\.version) } == [1])
    }

    @Test func editingPublishedCreatesNewDraftWhilePublishedStaysLive() throws {
        let f = try F()
        let article = try f.publishedArticle("Invoice basics", body: "Old text about invoices.")
        f.clock.advance(by: 3600)
        let draft = try f.knowledge.saveDraft(
            article.id, locale: "en_US", content: ArticleContent(title: "Invoice basics", body: "New text about receipts."),
            by: F.author)
        #expect(draft.number == 2 && draft.status == .draft)
        #expect(try f.knowledge.read(article.id, locale: "en_US", as: F.customer)?.body == "Old text about invoices.")
        #expect(try f.searchIDs("receipts", as: F.author).isEmpty)
        // Saving again edits the same draft.
        let again = try f.knowledge.saveDraft(
            article.id, locale: "en_US", content: ArticleContent(title: "Invoice basics", body: "Newer text about receipts."),
            by: F.author)
        #expect(again.number == 2)
        try f.knowledge.publish(article.id, locale: "en_US", by: F.author)
        #expect(try f.knowledge.read(article.id, locale: "en_US", as: F.customer)?.body == "Newer text about receipts.")
        #expect(try f.searchIDs("receipts", as: F.customer).count == 1)
        #expect(try f.searchIDs("invoices", as: F.customer, locale: "en_US").allSatisfy { _ in true })
        let history = try f.knowledge.history(article.id, locale: "en_US", by: F.author)
        #expect(history.map(\.number) == [1, 2])
        #expect(history.map(\.status) == [.archived, .published])
        #expect(history.allSatisfy { $0.authorID == F.author })
        #expect(history[0].archivedAt == history[1].publishedAt)
    }

    @Test func restoreOlderVersionAsNewDraft() throws {
        let f = try F()
        let article = try f.publishedArticle("Printer setup", body: "Version one text.")
        try f.knowledge.saveDraft(article.id, locale: "en_US", content: ArticleContent(title: "Printer setup", body: "Version two text."), by: F.author)
        try f.knowledge.publish(article.id, locale: "en_US", by: F.author)
        let restored = try f.knowledge.restore(article.id, locale: "en_US", version: 1, by: F.author)
        #expect(restored.number == 3 && restored.restoredFrom == 1 && restored.body == "Version one text.")
        try f.knowledge.publish(article.id, locale: "en_US", by: F.author)
        #expect(try f.knowledge.read(article.id, locale: "en_US", as: F.employee)?.body == "Version one text.")
        #expect(throws: KnowledgeError.unknownVersion(article: article.id.rawValue, locale: "en_US", number: 9)) {
            try f.knowledge.restore(article.id, locale: "en_US", version: 9, by: F.author)
        }
    }

    @Test func archivingRemovesFromSearchAtOnce() throws {
        let f = try F()
        let article = try f.publishedArticle("Warranty claims", body: "How to claim warranty.")
        #expect(try f.searchIDs("warranty", as: F.customer).count == 1)
        try f.knowledge.archive(article.id, locale: "en_US", by: F.author)
        #expect(try f.searchIDs("warranty", as: F.customer).isEmpty)
        #expect(try f.knowledge.read(article.id, locale: "en_US", as: F.customer) == nil)
    }

    @Test func illegalTransitionsAreTypedAndWriteNothing() throws {
        let f = try F()
        let article = try f.knowledge.createArticle(locale: "en_US", content: ArticleContent(title: "Draft only"), by: F.author)
        let before = f.store.snapshot().sequence
        #expect(throws: KnowledgeError.illegalTransition(article: article.id.rawValue, locale: "en_US", from: .draft, action: "archive")) {
            try f.knowledge.archive(article.id, locale: "en_US", by: F.author)
        }
        try f.knowledge.publish(article.id, locale: "en_US", by: F.author)
        try f.knowledge.archive(article.id, locale: "en_US", by: F.author)
        #expect(throws: KnowledgeError.illegalTransition(article: article.id.rawValue, locale: "en_US", from: .archived, action: "publish")) {
            try f.knowledge.publish(article.id, locale: "en_US", version: 1, by: F.author)
        }
        #expect(throws: KnowledgeError.illegalTransition(article: article.id.rawValue, locale: "en_US", from: .archived, action: "publish")) {
            try f.knowledge.publish(article.id, locale: "en_US", by: F.author)
        }
        #expect(f.store.snapshot().sequence > before)
        let seq = f.store.snapshot().sequence
        #expect(throws: KnowledgeError.self) { try f.knowledge.archive(article.id, locale: "en_US", by: F.author) }
        #expect(f.store.snapshot().sequence == seq)
    }

    @Test func validationErrors() throws {
        let f = try F()
        #expect(throws: KnowledgeError.missingTitle(locale: "en_US")) {
            try f.knowledge.createArticle(locale: "en_US", content: ArticleContent(title: "  "), by: F.author)
        }
        let big = String(repeating: "x", count: KnowledgeLimits().body + 1)
        #expect(throws: KnowledgeError.fieldTooLong(field: "body", limit: KnowledgeLimits().body, actual: big.count)) {
            try f.knowledge.createArticle(locale: "en_US", content: ArticleContent(title: "T", body: big), by: F.author)
        }
        #expect(throws: KnowledgeError.unknownCategory("nope")) {
            try f.knowledge.createArticle(locale: "en_US", content: ArticleContent(title: "T"), categories: ["nope"], by: F.author)
        }
        #expect(throws: KnowledgeError.invalidLocale("english!")) {
            try f.knowledge.createArticle(locale: "english!", content: ArticleContent(title: "T"), by: F.author)
        }
        #expect(throws: KnowledgeError.noChannel) {
            try f.knowledge.createArticle(locale: "en_US", content: ArticleContent(title: "T"), channels: [], by: F.author)
        }
        #expect(throws: KnowledgeError.notAllowed(user: "customer", action: "create articles")) {
            try f.knowledge.createArticle(locale: "en_US", content: ArticleContent(title: "T"), by: F.customer)
        }
        #expect(try f.store.snapshot().count(KnowledgeArticle.self) == 0)
    }

    @Test func translationsHaveOwnLifecycleAndFallBackToMaster() throws {
        let f = try F()
        let article = try f.publishedArticle("Change your billing address", body: "Open settings.")
        try f.knowledge.addTranslation(
            to: article.id, locale: "de_DE", content: ArticleContent(title: "Rechnungsadresse ändern", body: "Öffnen Sie die Einstellungen."),
            by: F.author)
        // German draft not published yet: a German reader gets the English master.
        #expect(try f.knowledge.read(article.id, locale: "de_DE", as: F.customer)?.locale == "en_US")
        try f.knowledge.publish(article.id, locale: "de_DE", by: F.author)
        #expect(try f.knowledge.read(article.id, locale: "de_DE", as: F.customer)?.title == "Rechnungsadresse ändern")
        #expect(try f.knowledge.read(article.id, locale: "de_AT", as: F.customer)?.locale == "de_DE")
        #expect(try f.knowledge.read(article.id, locale: "ko_KR", as: F.customer)?.locale == "en_US")
        #expect(try f.searchIDs("Rechnung", as: F.customer, locale: "de_DE") == ["\(article.id.rawValue)/de_DE"])
        try f.knowledge.archive(article.id, locale: "de_DE", by: F.author)
        #expect(try f.knowledge.read(article.id, locale: "de_DE", as: F.customer)?.locale == "en_US")
        #expect(throws: KnowledgeError.translationExists(article: article.id.rawValue, locale: "en_US")) {
            try f.knowledge.addTranslation(to: article.id, locale: "en_US", content: ArticleContent(title: "x"), by: F.author)
        }
        #expect(try f.knowledge.locales(of: article.id, by: F.author) == ["de_DE", "en_US"])
    }
}
