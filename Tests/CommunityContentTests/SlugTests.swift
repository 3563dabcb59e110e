import CommunityContent
import CommunityModel
import Foundation
import Testing

@Suite struct SlugTests {
    typealias F = KnowledgeFixture

    @Test(arguments: [
        ("Rechnungsadresse ändern", "rechnungsadresse-aendern"),
        ("Straße & Hausnummer", "strasse-hausnummer"),
        ("비밀번호를 재설정하는 방법", "비밀번호를-재설정하는-방법"),
        ("How to: Reset *your* password?!", "how-to-reset-your-password"),
        ("Café Crème", "cafe-creme"),
        ("iOS앱 설치", "ios-앱-설치"),
    ])
    func slugFromTitle(title: String, slug: String) {
        #expect(SlugGenerator.slug(from: title) == slug)
    }

    @Test func slugsAreLimitedAndValidated() {
        let long = SlugGenerator.slug(from: String(repeating: "word ", count: 50))
        #expect(long.count <= SlugGenerator.maxLength)
        #expect(SlugGenerator.isValid("faq-2"))
        #expect(!SlugGenerator.isValid("Bad Slug"))
        #expect(!SlugGenerator.isValid("../etc"))
        #expect(!SlugGenerator.isValid(""))
    }

    @Test func collisionsGetNumberedAndOldSlugsStayAliases() throws {
        let f = try F()
        let a = try f.publishedArticle("Reset password")
        let b = try f.publishedArticle("Reset password")
        let c = try f.publishedArticle("Reset Password!")
        #expect(try f.knowledge.slug(of: a.id, locale: "en_US") == "reset-password")
        #expect(try f.knowledge.slug(of: b.id, locale: "en_US") == "reset-password-2")
        #expect(try f.knowledge.slug(of: c.id, locale: "en_US") == "reset-password-3")
        // Retitling and publishing moves the slug; the old one still resolves, as an alias.
        try f.knowledge.saveDraft(a.id, locale: "en_US", content: ArticleContent(title: "Recover your account"), by: F.author)
        try f.knowledge.publish(a.id, locale: "en_US", by: F.author)
        #expect(try f.knowledge.slug(of: a.id, locale: "en_US") == "recover-your-account")
        let old = try #require(try f.knowledge.resolve(slug: "reset-password", locale: "en_US"))
        #expect(old.articleID == a.id && old.isAlias && old.currentSlug == "recover-your-account")
        // The alias still belongs to a: a new article with that title skips it.
        let d = try f.publishedArticle("Reset password")
        #expect(try f.knowledge.slug(of: d.id, locale: "en_US") == "reset-password-4")
        // Slugs are per locale; Hangul kept, umlauts transliterated.
        try f.knowledge.addTranslation(to: a.id, locale: "ko_KR", content: ArticleContent(title: "계정 복구"), by: F.author)
        try f.knowledge.addTranslation(to: a.id, locale: "de_DE", content: ArticleContent(title: "Konto wiederherstellen für Nutzer"), by: F.author)
        #expect(try f.knowledge.resolve(slug: "계정-복구", locale: "ko_KR")?.articleID == a.id)
        #expect(try f.knowledge.slug(of: a.id, locale: "de_DE") == "konto-wiederherstellen-fuer-nutzer")
        #expect(try f.knowledge.resolve(slug: "계정-복구", locale: "en_US") == nil)
    }

    @Test func explicitSlugDuplicateIsTypedError() throws {
        let f = try F()
        let a = try f.publishedArticle("Alpha")
        let b = try f.publishedArticle("Beta")
        #expect(throws: KnowledgeError.duplicateSlug(slug: "alpha", locale: "en_US", takenBy: a.id.rawValue)) {
            try f.knowledge.setSlug(b.id, locale: "en_US", slug: "alpha", by: F.author)
        }
        #expect(throws: KnowledgeError.invalidSlug("Not A Slug")) {
            try f.knowledge.setSlug(b.id, locale: "en_US", slug: "Not A Slug", by: F.author)
        }
        try f.knowledge.setSlug(b.id, locale: "en_US", slug: "beta-guide", by: F.author)
        #expect(try f.knowledge.resolve(slug: "beta", locale: "en_US")?.isAlias == true)
        #expect(try f.knowledge.resolve(slug: "beta-guide", locale: "en_US")?.articleID == b.id)
        let hit = try #require(try f.knowledge.search(SearchQuery("beta"), as: F.author).hits.first)
        #expect(hit.path == "beta-guide")
    }
}
