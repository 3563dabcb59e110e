import CommunityModel
import CommunityRendering
import Foundation
import Testing

/// The string tables: complete in every shipped locale, extensible by a host, and used by the
/// components instead of English literals.
@Suite struct UIStringsTests {
    static let shipped = ["en", "de", "ko"]

    @Test(arguments: shipped)
    func everyShippedLocaleHasEveryKey(_ locale: String) {
        #expect(UIStrings.standard.missingKeys(in: locale).isEmpty, "missing in \(locale): \(UIStrings.standard.missingKeys(in: locale))")
        let extra = Set(UIStrings.standard.table(locale).keys).subtracting(UIStrings.builtInKeys)
        #expect(extra.isEmpty, "keys in \(locale) that English lacks (typos?): \(extra.sorted())")
        #expect(UIStrings.standard.table(locale).values.allSatisfy { !$0.isEmpty })
    }

    @Test(arguments: ["de", "ko"])
    func translationsKeepEveryPlaceholder(_ locale: String) {
        func placeholders(_ text: String) -> Set<String> {
            var out: Set<String> = []
            var rest = text[...]
            while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
                out.insert(String(rest[open...close]))
                rest = rest[rest.index(after: close)...]
            }
            return out
        }
        for key in UIStrings.builtInKeys {
            let english = UIStrings.standard.text(key, locale: "en")
            let translated = UIStrings.standard.text(key, locale: locale)
            #expect(placeholders(english) == placeholders(translated), "\(key) in \(locale)")
        }
    }

    @Test func aMissingKeyIsReportedAndFallsBackToEnglish() {
        let french = UIStrings.standard.adding(locale: "fr", ["signIn.submit": "Se connecter"])
        #expect(french.missingKeys(in: "fr").contains("header.signOut"))
        #expect(!french.missingKeys(in: "fr").contains("signIn.submit"))
        #expect(french.text("signIn.submit", locale: "fr_FR") == "Se connecter")
        #expect(french.text("header.signOut", locale: "fr_FR") == "Sign out")
        // A key no table has prints itself, so the gap shows on the page.
        #expect(french.text("acme.nothing", locale: "fr") == "acme.nothing")
    }

    @Test func aHostOverridesAStringAndRegionalTablesWin() {
        var strings = UIStrings.standard
        strings.add(locale: "de", ["header.signIn": "Einloggen"])
        strings.add(locale: "de-CH", ["signIn.submit": "Anmelden (CH)"])
        #expect(strings.text("header.signIn", locale: "de_DE") == "Einloggen")
        #expect(strings.text("signIn.submit", locale: "de_CH") == "Anmelden (CH)")
        #expect(strings.text("signIn.submit", locale: "de_DE") == "Anmelden")
        #expect(strings.missingKeys(in: "de_CH").isEmpty)
        #expect(strings.covers("de_AT") && !strings.covers("fr"))
        #expect(strings.text("verify.sent", locale: "ko", ["email": "a@b.example"]).contains("a@b.example"))
    }

    @Test func siteTranslationsTranslatePageTitlesMenusAndHeadings() throws {
        var site = try Fixtures.site()
        site.translations = SiteTranslations(["Docs": ["de": "Dokumentation", "ko": "문서"], "Welcome": ["ko": "환영합니다"]])
        let responder = try Fixtures.responder(site: site)
        let korean = responder.handle(SiteRequest(.get, "/help/docs", headers: ["Accept-Language": "ko"])).body
        #expect(korean.contains("<title>문서 | Help</title>"))
        #expect(korean.contains(">문서</a>"))
        let home = responder.handle(SiteRequest(.get, "/help/", headers: ["Accept-Language": "ko-KR"])).body
        #expect(home.contains("환영합니다"))
        // German has no translation of "Welcome": it shows as written.
        let german = responder.handle(SiteRequest(.get, "/help/", headers: ["Accept-Language": "de"])).body
        #expect(german.contains(">Welcome<") && german.contains(">Dokumentation</a>"))
        #expect(site.translations?.untranslated(into: "de") == ["Welcome"])
    }

    @Test func builtInTemplatesShipTheirOwnTranslations() throws {
        for template in SiteTemplate.all {
            let site = try template.makeSite(.init(id: "t", name: "T", urlPrefix: "/t", locales: ["en_US", "de_DE", "ko_KR"]))
            let translations = try #require(site.translations)
            var authored = site.pages.map(\.title) + site.menus.flatMap { $0.items.map(\.label) }
            authored.removeAll { $0 == "T" }
            for text in authored {
                #expect(translations.translation(of: text, locale: "de") != nil, "\(template.id): \(text) has no German")
                #expect(translations.translation(of: text, locale: "ko") != nil, "\(template.id): \(text) has no Korean")
            }
        }
    }

    /// Counts read "1 answer" but "2 answers" where the language has a singular form, in
    /// each shipped language; a host locale without `.one` forms never borrows English ones.
    @Test func countsUseTheSingularFormForOne() {
        let strings = UIStrings.standard
        #expect(strings.text("questions.answerCount", locale: "en_US", count: 1) == "1 answer")
        #expect(strings.text("questions.answerCount", locale: "en_US", count: 2) == "2 answers")
        #expect(strings.text("questions.answerCount", locale: "en_US", count: 0) == "0 answers")
        #expect(strings.text("ideas.points", locale: "de_DE", count: 1) == "1 Punkt")
        #expect(strings.text("ideas.points", locale: "de_DE", count: 5) == "5 Punkte")
        #expect(strings.text("groups.members", locale: "ko_KR", count: 1) == "회원 1명")
        #expect(strings.text("pipeline.stageSummary", locale: "en", count: 1, ["stage": "Won"]) == "Won: 1 deal")
        let french = strings.adding(locale: "fr", ["questions.answerCount": "{count} réponse(s)"])
        #expect(french.text("questions.answerCount", locale: "fr_FR", count: 1) == "1 réponse(s)")
        for key in UIStrings.builtInKeys where key.rawValue.hasSuffix(".one") {
            #expect(UIStrings.builtInKeys.contains(UIStringKey(String(key.rawValue.dropLast(4)))), "\(key) has no general form")
        }
    }
}
