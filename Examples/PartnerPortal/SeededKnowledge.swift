import CommunityKit
import Foundation
import Synchronization

/// Knowledge articles for the demo in English, German and Korean. Partner-only articles are
/// hidden from guests and customers. (CommunityContent's article store replaces this when it lands.)
final class SeededKnowledge: KnowledgeProvider {
    struct Entry {
        let view: ArticleDisplay
        let partnerOnly: Bool
    }

    private let entries: [Entry]
    private let votes = Mutex<[String: (yes: Int, no: Int)]>([:])

    init() {
        func article(_ id: String, _ slug: String, _ locale: String, _ title: String, _ summary: String, _ body: String, topics: [String], partnerOnly: Bool = false) -> Entry {
            Entry(view: ArticleDisplay(summary: ArticleCard(id: id, slug: slug, title: title, summary: summary, locale: locale, topics: topics), body: .plain(body)), partnerOnly: partnerOnly)
        }
        entries = [
            article("ka-1", "register-a-deal", "en_US", "How to register a deal", "Register leads to protect your deals.",
                    "Open Leads, fill in the company and contact, and submit.\n\nYour channel manager reviews it within two business days.", topics: ["Deals"]),
            article("ka-2", "deal-registrieren", "de_DE", "So registrieren Sie einen Deal", "Leads registrieren und Deals schützen.",
                    "Öffnen Sie „Leads“, geben Sie Firma und Kontakt ein und senden Sie ab.\n\nIhr Channel-Manager prüft die Registrierung.", topics: ["Deals"]),
            article("ka-3", "deal-deungnok", "ko_KR", "딜 등록 방법", "리드를 등록하여 딜을 보호하세요.",
                    "리드 메뉴에서 회사와 담당자를 입력한 뒤 제출합니다.\n\n채널 매니저가 영업일 기준 2일 이내에 검토합니다.", topics: ["Deals"]),
            article("ka-4", "reset-password", "en_US", "Reset your password", "Forgot your password? Reset it here.",
                    "Choose “Forgot password” on the sign-in page and follow the e-mail.", topics: ["Accounts"]),
            article("ka-5", "mdf-guide", "en_US", "Market development funds guide", "How Gold partners claim MDF.",
                    "Submit a fund request before the activity, then a claim with proof of performance.", topics: ["Funds"], partnerOnly: true),
        ]
    }

    private func visible(_ viewer: Viewer) -> [Entry] {
        let partner = viewer.user.map { $0.kind == .partner || $0.kind == .internal } ?? false
        return entries.filter { !$0.partnerOnly || partner }
    }

    private func counted(_ view: ArticleDisplay) -> ArticleDisplay {
        var view = view
        let v = votes.withLock { $0[view.summary.id] } ?? (yes: 0, no: 0)
        view.helpfulYes = v.yes
        view.helpfulNo = v.no
        return view
    }

    /// Articles in the viewer's language first, then the rest.
    private func ordered(_ list: [Entry], locale: String) -> [ArticleCard] {
        let language = locale.prefix(2)
        return list.map(\.view.summary).sorted { a, b in
            (a.locale.prefix(2) == language ? 0 : 1, a.title) < (b.locale.prefix(2) == language ? 0 : 1, b.title)
        }
    }

    func search(_ query: String, locale: String, viewer: Viewer, limit: Int) throws -> [ArticleCard] {
        let words = query.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).split(separator: " ")
        let hits = visible(viewer).filter { entry in
            let text = (entry.view.summary.title + " " + entry.view.summary.summary).folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            return words.contains { text.contains($0) }
        }
        return Array(ordered(hits, locale: locale).prefix(limit))
    }

    func articles(topic: String?, locale: String, viewer: Viewer, limit: Int) throws -> [ArticleCard] {
        Array(ordered(visible(viewer).filter { topic == nil || $0.view.summary.topics.contains(topic!) }, locale: locale).prefix(limit))
    }

    func article(slug: String, locale: String, viewer: Viewer) throws -> ArticleDisplay? {
        visible(viewer).first { $0.view.summary.slug == slug }.map { counted($0.view) }
    }

    func topics(viewer: Viewer) throws -> [TopicSummary] {
        let all = visible(viewer).flatMap(\.view.summary.topics)
        return Set(all).sorted().map { name in TopicSummary(name: name, itemCount: all.filter { $0 == name }.count) }
    }

    func vote(articleID: String, helpful: Bool, viewer: Viewer) throws {
        votes.withLock { votes in
            var v = votes[articleID] ?? (yes: 0, no: 0)
            if helpful { v.yes += 1 } else { v.no += 1 }
            votes[articleID] = v
        }
    }

    /// Article paths a guest may open, for the sitemap.
    func guestSlugs() -> [String] { entries.filter { !$0.partnerOnly }.map(\.view.summary.slug) }
}

/// Lists guest-readable articles in the sitemap.
struct ArticleSitemap: SitemapSource {
    let slugs: [String]
    func guestPaths(in site: Site) -> [String] {
        guard site.pages.contains(where: { $0.id == "article" }) else { return [] }
        return slugs.map { "/article/" + SafeURL.encodeSegment($0) }
    }
}
