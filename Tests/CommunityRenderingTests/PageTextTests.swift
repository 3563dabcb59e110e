import CommunityModel
@testable import CommunityRendering
import Foundation
import Testing

/// Text that used to stay English around translated pages: statuses, kinds, processes, levels
/// and notification rows the adapters pass as raw values; host-defined names through the
/// site's translations; the plain error, limit and upload answers.
@Suite struct PageTextTests {
    struct Leaders: EngagementProvider {
        func leaderboard(viewer: Viewer, limit: Int) throws -> [LeaderEntry] {
            [LeaderEntry(name: "지수", points: 5_000, level: "Champion"), LeaderEntry(name: "보", points: 3, level: "Gast")]
        }
    }

    static func render(_ type: ComponentType, user: User, locale: String, translations: SiteTranslations? = nil,
                       engagement: (any EngagementProvider)? = FakeEngagement()) throws -> String {
        var site = try ComponentTranslationTests.probeSite(type)
        if let translations { site.translations = translations }
        let services = Fixtures.services(engine: Fixtures.accessEngine(), engagement: engagement).withSiteForms(FakeSiteForms(text: "Daten"))
        let responder = try SiteResponder(site: site, registry: .standard, services: services, csrf: Fixtures.csrf, clock: Fixtures.clock)
        var viewer = user
        viewer.locale = locale
        let page = try #require(site.page("probe"))
        return ComponentTranslationTests.mainSegment(responder.render(
            page, parameters: ["id": "c1"], request: SiteRequest(.get, "/help/probe", viewer: Fixtures.viewer(viewer)), form: nil).body)
    }

    @Test func fundRequestsReadGerman() throws {
        let html = try Self.render("community.fundRequests", user: Fixtures.partnerA, locale: "de_DE")
        for text in ["Marketing-Entwicklungsmittel", "15.500,00 $ von 20.000,00 $ verfügbar", "Eingereicht", "Genehmigt", "Abgelehnt", "Zurückgezogen",
                     "abgerechnet 100,00 $", "2.500,00 $", "Mittel beantragen", ">Maßnahme", ">Betrag"] {
            #expect(html.contains(text), "missing \(text)")
        }
        for english in ["submitted", "approved", "claimed", "available", "Request funds"] { #expect(!html.contains(english), "\(english)") }
    }

    @Test func theEmployeePortalNamesKindsThroughTheSiteAndStatusesThroughTheTables() throws {
        let translations = SiteTranslations(["Daten": ["ko": "휴가"], "Employee hub": ["ko": "직원 허브"]])
        let html = try Self.render("community.employeePortal", user: Fixtures.employee, locale: "ko_KR", translations: translations)
        #expect(html.contains("<option value=\"Daten\">휴가</option>"))
        #expect(html.contains("<strong>휴가</strong>"))
        for text in ["신청 종류", "상세 내용", "첫날", "마지막 날", "제출됨", "승인됨", "직원 포털"] { #expect(html.contains(text), "missing \(text)") }
        #expect(!html.contains(">Kind") && !html.contains(">Details") && !html.contains("YYYY"))
    }

    @Test func approvalsNameTheirProcessInTheViewersLanguage() throws {
        let html = try Self.render("community.approvalQueue", user: Fixtures.employee, locale: "de_DE")
        for text in ["<h2>Genehmigungen</h2>", "Lead-Registrierung: Daten", "Mittelantrag: Daten", "Mittelabrechnung: Daten", "Mitarbeiterantrag: Daten: Daten"] {
            #expect(html.contains(text), "missing \(text)")
        }
        // A host's own process is shown as written (through the site's translations when it has one).
        #expect(html.contains("<h3>Daten: Daten</h3>"))
    }

    @Test func notificationRowsAndFrequenciesAreTranslated() throws {
        let html = try Self.render("community.notificationSettings", user: Fixtures.partnerA, locale: "ko_KR")
        for text in [">멘션<", ">케이스 업데이트<", ">승인과 기타 알림<", ">매일<", ">매주<", ">안 받음<", "<h2>알림</h2>"] {
            #expect(html.contains(text), "missing \(text)")
        }
        #expect(!html.contains("Mentions") && !html.contains(">daily<") && !html.contains(">E-mail<"))
    }

    @Test func moderationKindsReasonsAndActionsAreTranslated() throws {
        let html = try Self.render("community.moderationQueue", user: Fixtures.employee, locale: "de_DE")
        for text in ["Beitrag von Daten", "gemeldet: Daten", "Schlüsselwortregel getroffen", "Gruppe verlangt Freigabe", ">freigegeben<"] {
            #expect(html.contains(text), "missing \(text)")
        }
        #expect(!html.contains(" by ") && !html.contains("keywordRule") && !html.contains(">approved<"))
        #expect(PageTextTests.auditSubjects(html) == ["Beitrag", "Antwort", "Daten"])
    }

    /// The fourth cell of each audit log row.
    static func auditSubjects(_ html: String) -> [String] {
        html.matches(of: #/<tr><td>[^<]*</td><td>[^<]*</td><td>[^<]*</td><td>([^<]*)</td>/#).map { String($0.output.1) }
    }

    @Test func caseCommentsMarkInternalOnesInTheViewersLanguage() throws {
        let html = try Self.render("community.caseActivity", user: Fixtures.employee, locale: "de_DE")
        #expect(html.contains(" · nur intern</p>"))
        #expect(!html.contains("internal<"))
    }

    @Test func builtInLevelsAreTranslatedAndAHostsOwnGoesThroughTheSite() throws {
        let html = try Self.render("community.leaderboard", user: Fixtures.partnerA, locale: "ko_KR",
                                   translations: SiteTranslations(["Gast": ["ko": "손님"]]), engagement: Leaders())
        #expect(html.contains(">등급: 챔피언<") && html.contains(">등급: 손님<"))
        #expect(html.contains("<td class=\"ck-num\">5,000</td>"))
    }

    /// Three columns (rank, member with their level beneath, points) so the board fits a
    /// sidebar or a phone; points in the viewer's number format.
    @Test func theLeaderboardPutsTheLevelUnderTheName() throws {
        let html = try Self.render("community.leaderboard", user: Fixtures.partnerA, locale: "de_DE", engagement: Leaders())
        #expect(html.contains(#"<td>지수<br><small class="ck-meta">Stufe: Champion</small></td><td class="ck-num">5.000</td>"#))
        #expect(html.components(separatedBy: "<th ").count == 4, "rank, member, points")
    }

    @Test func anArticleInAnotherLanguageSaysWhichOne() throws {
        let html = try Self.render("community.articleList", user: Fixtures.partnerA, locale: "ko_KR", engagement: nil)
        #expect(html.contains("<div lang=\"en-US\"><h3>") && html.contains("<div lang=\"de-DE\"><h3>"))
        let english = try Self.render("community.articleList", user: Fixtures.partnerA, locale: "en_US", engagement: nil)
        #expect(!english.contains("lang=\"en-US\"") && english.contains("<div lang=\"de-DE\">"))
    }

    // MARK: Plain answers

    static func responder() throws -> SiteResponder {
        try SiteResponder(site: Fixtures.site(), registry: .standard, services: Fixtures.services(engine: Fixtures.accessEngine()),
                          csrf: Fixtures.csrf, clock: Fixtures.clock)
    }

    static func guestRequest(_ path: String, language: String, method: SiteRequest.Method = .get) -> SiteRequest {
        var request = SiteRequest(method, path, viewer: .guest)
        request.headers["accept-language"] = language
        return request
    }

    @Test(arguments: [("ko", "찾을 수 없음"), ("de", "Nicht gefunden"), ("en", "Not found")])
    func plainNotFoundAnswersAreTranslated(language: String, expected: String) throws {
        let responder = try Self.responder()
        for path in ["/elsewhere", "/help/_locale/fr", "/help/_assets/missing.png", "/help/_file/nothing"] {
            let response = responder.handle(Self.guestRequest(path, language: language))
            #expect(response.status == 404, "\(path)")
            if response.headers["Content-Type"]?.hasPrefix("text/plain") == true {
                #expect(response.body.hasPrefix(expected), "\(path): \(response.body)")
            }
        }
    }

    @Test func requestLimitsAnswerInTheGuestsLanguage() throws {
        let responder = try Self.responder()
        let long = Self.guestRequest("/help/" + String(repeating: "a", count: 3_000), language: "de")
        let response = responder.handle(long)
        #expect(response.status == 414)
        #expect(response.body == "Die Adresse ist zu lang (höchstens 2048 Byte).")
    }

    @Test func errorMessagesHaveEveryCaseInEveryLanguage() {
        let limits: [RequestLimitError] = [.pathTooLong(bytes: 1, limit: 2), .queryTooLong(limit: 1), .tooManyQueryParameters(count: 3, limit: 2),
                                           .bodyTooLarge(limit: 1), .tooManyFields(count: 3, limit: 2), .fieldTooLong(field: "f", bytes: 3, limit: 2),
                                           .controlCharacter(field: "f"), .uploadTooLarge(bytes: 3, limit: 2)]
        let uploads: [UploadError] = [.empty(field: "f"), .tooLarge(field: "f", bytes: 3, limit: 2),
                                      .disallowedType(field: "f", contentType: "a/b", allowed: ["image/png"]), .contentMismatch(field: "f", declared: "image/png")]
        let multipart: [MultipartError] = [.notMultipart("text/plain"), .missingBoundary, .invalidBoundary, .malformed(reason: "x", offset: 3),
                                           .tooManyParts(limit: 2), .fieldTooLarge(field: "f", limit: 2), .fileTooLarge(field: "f", limit: 2),
                                           .headersTooLarge(limit: 2), .duplicateField("f"), .invalidText(field: "f"), .invalidContentType(field: "f")]
        for locale in ["en", "de", "ko"] {
            let messages = limits.map { $0.message(.standard, locale: locale) } + uploads.map { $0.message(.standard, locale: locale) }
                + multipart.map { $0.message(.standard, locale: locale) }
            for message in messages {
                #expect(!message.contains("{") && !message.hasPrefix("limit.") && !message.hasPrefix("upload.") && !message.hasPrefix("multipart."), "\(locale): \(message)")
            }
        }
        #expect(UploadError.tooLarge(field: "f", bytes: 2048, limit: 1024).message(.standard, locale: "ko") == "파일이 너무 큽니다(2048바이트, 최대 1024).")
        // Byte offsets and parser detail stay in the log's description.
        #expect(!MultipartError.malformed(reason: "bad header", offset: 17).message(.standard, locale: "en").contains("17"))
    }
}
