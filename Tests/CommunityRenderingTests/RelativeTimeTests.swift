import CommunityModel
@testable import CommunityRendering
import Foundation
import Testing

/// Posts, answers, comments, announcements and approvals say when they happened relative to now,
/// in the viewer's language, inside a `time` element that carries the exact moment.
@Suite struct RelativeTimeTests {
    static let now = Date(timeIntervalSince1970: 1_767_225_600)  // 2026-01-01T00:00:00Z

    /// A feed with one post from three hours before ``now``, and a question answered then.
    struct RecentEngagement: EngagementProvider {
        var posted: Date
        func feed(viewer: Viewer, limit: Int) throws -> [FeedItemView] { [FeedItemView(author: "자료", body: .plain("자료"), posted: posted)] }
        func questions(topic: String?, viewer: Viewer, limit: Int) throws -> [QuestionSummary] {
            [QuestionSummary(id: "q1", title: "자료", author: "자료", asked: posted)]
        }
        func question(id: String, viewer: Viewer) throws -> QuestionView? {
            QuestionView(summary: QuestionSummary(id: id, title: "자료", author: "자료", asked: posted), body: .plain("자료"),
                         answers: [.init(author: "자료", body: .plain("자료"), posted: posted)])
        }
    }

    static func render(_ type: ComponentType, locale: String, posted: Date, parameters: [String: String] = [:]) throws -> String {
        let site = try ComponentTranslationTests.probeSite(type)
        var services = Fixtures.services(engine: Fixtures.accessEngine(), engagement: RecentEngagement(posted: posted))
        services = services.withSiteForms(FakeSiteForms(text: "자료", moment: posted))
        let clock = ManualClock(now)
        let responder = try SiteResponder(site: site, registry: .standard, services: services, csrf: Fixtures.csrf, clock: clock)
        var user = Fixtures.employee
        user.locale = locale
        let page = try #require(site.page("probe"))
        let request = SiteRequest(.get, "/help/probe", viewer: Fixtures.viewer(user))
        return ComponentTranslationTests.mainSegment(responder.render(page, parameters: parameters, request: request, form: nil).body)
    }

    @Test(arguments: [("en_US", "3 hours ago"), ("de_DE", "vor 3 Stunden"), ("ko_KR", "3시간 전")])
    func theFeedSaysHowLongAgo(locale: String, expected: String) throws {
        let html = try Self.render("community.feed", locale: locale, posted: Self.now.addingTimeInterval(-3 * 3600))
        #expect(html.contains("<time datetime=\"2025-12-31T21:00:00Z\" title=\""), "\(html)")
        #expect(html.contains(">\(expected)</time>"), "\(html)")
    }

    @Test func theAbsoluteMomentIsTheTitleInTheViewersLocale() throws {
        let html = try Self.render("community.feed", locale: "de_DE", posted: Self.now.addingTimeInterval(-3 * 3600))
        let title = try #require(html.firstMatch(of: #/<time datetime="[^"]+" title="([^"]+)">/#)?.output.1)
        #expect(title.contains("2025") && title.contains("31"), "\(title)")
        #expect(!title.contains("ago") && !title.contains("vor"))
    }

    @Test(arguments: ["community.questionDetail", "community.questionList", "community.caseActivity", "community.employeePortal", "community.approvalQueue", "community.moderationQueue"])
    func otherTimesAreRelativeToo(type: ComponentType) throws {
        let html = try Self.render(type, locale: "en_US", posted: Self.now.addingTimeInterval(-2 * 86_400), parameters: ["id": "q1"])
        #expect(html.contains("<time datetime=\"2025-12-30T00:00:00Z\""), "\(type): \(html)")
        #expect(html.contains(">2 days ago</time>"), "\(type): \(html)")
    }

    @Test func momentsNobodyValidatedDrawNothing() {
        for seconds in [Double.nan, .infinity, -.infinity, 1e300, -1e300, 253_402_300_800] {
            #expect(Markup.machineReadable(Date(timeIntervalSince1970: seconds)) == nil, "\(seconds)")
        }
        #expect(Markup.machineReadable(Date(timeIntervalSince1970: 0)) == "1970-01-01T00:00:00Z")
    }
}
