import CommunityKit
import Foundation
import Testing

/// The site pages' components, rendered with data for Korean-speaking members, print none of
/// their English text.
@Suite struct SitePagesKoreanTests {
    static let prefixes = ["caseWork.", "caseQueue.", "accessExplain.", "registrations.", "fundClaims.", "fundAllocation.",
                           "leadPool.", "leadConversion.", "ideaForm.", "ideaDetail.", "knowledgeAuthoring."]

    /// The English strings of these components that Korean replaces (long enough to be words).
    static let english: [String] = UIStrings.builtInKeys.filter { key in prefixes.contains { key.rawValue.hasPrefix($0) } }.compactMap { key in
        let text = UIStrings.standard.text(key, locale: "en")
        guard text != UIStrings.standard.text(key, locale: "ko"), !text.contains("{"), text.count >= 4 else { return nil }
        return text
    }

    /// Every user speaks Korean, and the site offers it.
    static func korean(_ community: Community) throws {
        try community.store.write { tx in
            for user in try tx.all(User.self).map(\.value) {
                var copy = user
                copy.locale = "ko_KR"
                try tx.put(copy)
            }
        }
        guard var site = community.site("partners")?.site else { return }
        site.locales = ["en_US", "ko_KR"]
        try community.addSite(site)
    }

    /// Checks the page's `main` (the header and footer carry the site's own name, "Partners").
    static func expectKorean(_ page: String, _ path: String, sourceLocation: SourceLocation = #_sourceLocation) {
        guard let start = page.range(of: "<main"), let end = page.range(of: "</main>") else {
            Issue.record("\(path) has no main", sourceLocation: sourceLocation)
            return
        }
        let html = String(page[start.lowerBound..<end.upperBound])
        #expect(html.count > 200, "\(path) shows nothing", sourceLocation: sourceLocation)
        for text in english {
            #expect(!html.contains(">" + text + "<") && !html.contains("\"" + text + "\"") && !html.contains(">" + text + " "),
                    "\(path) printed \"\(text)\"", sourceLocation: sourceLocation)
        }
    }

    /// Korean headings each page must show (its components rendered, not hidden).
    static let headings = [
        "case": "케이스 처리", "case-queue": "내 대기열의 케이스", "registrations": "검토 대기 중인 가입 신청", "lead-pat": "이 레코드를 볼 수 있는 사람",
        "funds": "자금 청구", "channel": "파트너 예산", "lead-ok": "이 리드 전환", "ideas": "아이디어 올리기", "idea": "댓글", "authoring": "지식 문서 작성",
    ]

    static func expectHeading(_ page: String, _ path: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let parts = path.split(separator: "/").map(String.init)
        let key = parts.count > 2 && parts[1] != "case" && parts[1] != "idea" ? parts[2] : parts[1]
        guard let heading = headings[key] else { return }
        #expect(page.contains(heading), "\(path) lacks \(heading)", sourceLocation: sourceLocation)
    }

    @Test func sitePagesReadKorean() throws {
        #expect(Self.english.count > 60)
        let sitePages = try SitePagesTests.community()
        try Self.korean(sitePages)
        let record = try sitePages.cases.submit(CaseDraft(subject: "Invoice"), by: "pat")
        try sitePages.store.write { tx in
            try tx.put(SiteRegistration(id: "reg-1", siteID: "partners", name: "Jordan", email: "j@x.example", locale: "ko_KR",
                                        status: .pending, createdAt: sitePages.clock.now()))
        }
        var pages: [(String, ID<User>, [String: String])] = [
            ("/partners/case/\(record.id.rawValue)", "cara", [:]), ("/partners/case-queue", "cara", [:]), ("/partners/registrations", "cara", [:]),
            ("/partners/lead/lead-pat", "cara", [AccessExplanationComponent.memberQuery: "pat"]),
            ("/partners/lead/lead-pat", "cara", [AccessExplanationComponent.memberQuery: "nobody"]),
        ]
        for (path, user, query) in pages {
            let html = SitePagesTests.get(sitePages, path, as: user, query: query).body
            #expect(html.contains("lang=\"ko"), "\(path)")
            Self.expectKorean(html, path)
            Self.expectHeading(html, path)
        }

        let programme = try ChannelProgramPagesTests.community()
        try Self.korean(programme)
        pages = [("/partners/funds", "pat", [:]), ("/partners/channel", "cara", [:]), ("/partners/lead/lead-ok", "pat", [:])]
        for (path, user, _) in pages {
            let html = PartnerProgramPageTests.get(programme, path, as: user).body
            Self.expectKorean(html, path)
            Self.expectHeading(html, path)
        }

        let content = try IdeaAndKnowledgePagesTests.community()
        try Self.korean(content)
        let zone = try content.engagement.ideas.createZone(name: "포털", categories: [], site: "partners", by: "cara")
        let idea = try content.engagement.ideas.submit(to: zone.id, title: "아이디어", body: "설명", by: "pat")
        _ = try content.knowledge.createArticle(locale: "en_US", content: ArticleContent(title: "문서"), by: "cara")
        for (path, user) in [("/partners/ideas", "pat"), ("/partners/idea/\(idea.id.rawValue)", "pat"), ("/partners/authoring", "cara")] as [(String, ID<User>)] {
            let html = PartnerProgramPageTests.get(content, path, as: user).body
            Self.expectKorean(html, path)
            Self.expectHeading(html, path)
        }
    }
}
