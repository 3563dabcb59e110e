import CommunityKit
import Foundation

/// Knowledge articles in English, German and Korean, written, translated and published
/// through CommunityContent by Cara (who holds Manage Knowledge). The MDF guide is for
/// partners and employees only; the rest is public.
enum KnowledgeSeed {
    struct Seeded {
        /// Site-relative article paths, per locale.
        var paths: [String] = []
        /// Paths of articles only partners may read.
        var partnerOnly: [String] = []
    }

    /// The articles already published in a store seeded by an earlier run: every article
    /// Cara can read, and among them those the guest cannot.
    static func published(_ community: Community) throws -> Seeded {
        var seeded = Seeded()
        var guest: Set<String> = []
        for locale in ["en_US", "de_DE", "ko_KR"] {
            for item in try community.knowledge.recentlyUpdated(limit: 200, locale: locale, as: "cara") {
                if let slug = item.slug { seeded.paths.append("/article/" + SafeURL.encodeSegment(slug)) }
            }
            for item in try community.knowledge.recentlyUpdated(limit: 200, locale: locale, as: nil) {
                if let slug = item.slug { guest.insert("/article/" + SafeURL.encodeSegment(slug)) }
            }
        }
        seeded.paths = Array(Set(seeded.paths)).sorted()
        seeded.partnerOnly = seeded.paths.filter { !guest.contains($0) }
        return seeded
    }

    static func run(_ community: Community) throws -> Seeded {
        let kb = community.knowledge
        var seeded = Seeded()
        let deals = try community.topics.createTopic(name: "Deals", description: "Registering and closing deals", by: "cara")
        let funds = try community.topics.createTopic(name: "Funds", description: "Market development funds", by: "cara")
        try community.topics.setNavigational(deals.id, order: 1, by: "cara")
        try community.topics.setNavigational(funds.id, order: 2, by: "cara")

        func publish(_ translations: [(String, ArticleContent)], channels: Set<KnowledgeChannel>, topic: Topic) throws -> [String] {
            let (master, content) = translations[0]
            let article = try kb.createArticle(locale: master, content: content, channels: channels, by: "cara")
            try kb.publish(article.id, locale: master, by: "cara")
            for (locale, content) in translations.dropFirst() {
                try kb.addTranslation(to: article.id, locale: locale, content: content, by: "cara")
                try kb.publish(article.id, locale: locale, by: "cara")
            }
            try community.topics.assign(topic.id, to: TopicTarget(type: .article, id: article.id.rawValue), by: "cara")
            return try translations.compactMap { locale, _ in try kb.slug(of: article.id, locale: locale).map { "/article/" + SafeURL.encodeSegment($0) } }
        }

        let everyone: Set<KnowledgeChannel> = [.internal, .partner, .customer, .public]
        seeded.paths += try publish([
            ("en_US", ArticleContent(title: "How to register a deal", summary: "Register leads to protect your deals.",
                                     body: "<p>Open <strong>Leads</strong>, fill in the company and contact, and submit.</p><p>Your channel manager reviews it within two business days.</p>")),
            ("de_DE", ArticleContent(title: "So registrieren Sie einen Deal", summary: "Leads registrieren und Deals schützen.",
                                     body: "<p>Öffnen Sie <strong>Leads</strong>, geben Sie Firma und Kontakt ein und senden Sie ab.</p>")),
            ("ko_KR", ArticleContent(title: "딜 등록 방법", summary: "리드를 등록하여 딜을 보호하세요.",
                                     body: "<p>리드 메뉴에서 회사와 담당자를 입력한 뒤 제출합니다.</p><p>채널 매니저가 영업일 기준 2일 이내에 검토합니다.</p>")),
        ], channels: everyone, topic: deals)
        seeded.paths += try publish([
            ("en_US", ArticleContent(title: "Dashboard outage checklist", summary: "What to check when dashboards do not load.",
                                     body: "<p>Check the status page, clear the cache, then open a case.</p>")),
        ], channels: everyone, topic: deals)
        let mdf = try publish([
            ("en_US", ArticleContent(title: "Market development funds guide", summary: "How Gold partners claim MDF.",
                                     body: "<p>Submit a fund request before the activity, then a claim with proof of performance.</p>")),
            ("de_DE", ArticleContent(title: "Leitfaden für Marketingmittel", summary: "So beantragen Gold-Partner MDF.",
                                     body: "<p>Stellen Sie vor der Aktivität einen Antrag und danach eine Abrechnung mit Nachweis.</p>")),
        ], channels: [.internal, .partner], topic: funds)
        seeded.paths += mdf
        seeded.partnerOnly = mdf
        try TopicSeed.run(community)
        return seeded
    }
}

/// Lists the articles a guest may read in the sitemap, asking Content as the guest.
struct KnowledgeSitemap: SitemapSource {
    let knowledge: KnowledgeService

    func guestPaths(in site: Site) -> [String] {
        guard site.pages.contains(where: { $0.id == "article" }) else { return [] }
        var paths: Set<String> = []
        for locale in site.locales {
            for summary in (try? knowledge.recentlyUpdated(limit: 200, locale: locale, as: nil)) ?? [] {
                if let slug = summary.slug { paths.insert("/article/" + SafeURL.encodeSegment(slug)) }
            }
        }
        return paths.sorted()
    }
}
