import CommunityKit

/// German and Korean for the text the example writes into its sites beyond the templates' own:
/// the staff and site pages and their menu items, the trending ideas list, the approval steps,
/// the approved-lead banner, the footer links and the employee request kind.
enum PortalTranslations {
    /// Portal text by source, then language.
    static let entries: [String: [String: String]] = [
        "Employee hub": ["de": "Mitarbeiterbereich", "ko": "직원 허브"],
        "Approvals": ["de": "Genehmigungen", "ko": "승인"],
        "Trending ideas": ["de": "Angesagte Ideen", "ko": "인기 아이디어"],
        "Channel manager review": ["de": "Prüfung durch den Channel-Manager", "ko": "채널 매니저 검토"],
        "Manager review": ["de": "Prüfung durch die Führungskraft", "ko": "관리자 검토"],
        "Builder": ["de": "Baukasten", "ko": "빌더"],
        "Knowledge base": ["de": "Wissensdatenbank", "ko": "지식 베이스"],
        "Your profile": ["de": "Ihr Profil", "ko": "내 프로필"],
        "Notifications": ["de": "Benachrichtigungen", "ko": "알림"],
        "Moderation": ["de": "Moderation", "ko": "운영 관리"],
        "Approved": ["de": "Genehmigt", "ko": "승인됨"],
        "Your channel manager approved this lead: convert it into a deal.":
            ["de": "Ihr Channel-Manager hat diesen Lead genehmigt: Wandeln Sie ihn in einen Deal um.",
             "ko": "채널 매니저가 이 리드를 승인했습니다. 거래로 전환하세요."],
        "leave": ["en": "Leave", "de": "Urlaub", "ko": "휴가"],
        // The site pages' titles and menu items (PortalSitePages).
        "Case queue": ["de": "Fallwarteschlange", "ko": "케이스 대기열"],
        "Channel programme": ["de": "Channel-Programm", "ko": "채널 프로그램"],
        "Idea": ["de": "Idee", "ko": "아이디어"],
        "Join": ["de": "Registrieren", "ko": "가입하기"],
        "Knowledge authoring": ["de": "Wissensartikel verfassen", "ko": "지식 문서 작성"],
        "Registrations": ["de": "Registrierungen", "ko": "가입 신청"],
        // Reports, dashboards and the storage page (PortalReports, PortalStorage).
        "Reports": ["de": "Berichte", "ko": "보고서"],
        "Storage": ["de": "Speicher", "ko": "저장소"],
        "Management console": ["de": "Management-Konsole", "ko": "관리 콘솔"],
        "API tokens": ["de": "API-Tokens", "ko": "API 토큰"],
        "My account's pipeline by stage": ["de": "Pipeline meines Accounts nach Phase", "ko": "내 계정의 단계별 파이프라인"],
        "Open pipeline": ["de": "Offene Pipeline", "ko": "진행 중인 파이프라인"],
        "Pipeline against the 250,000 target": ["de": "Pipeline gegenüber dem Ziel von 250.000", "ko": "목표 250,000 대비 파이프라인"],
        "By stage": ["de": "Nach Phase", "ko": "단계별"],
        "By region": ["de": "Nach Region", "ko": "지역별"],
        "By close month": ["de": "Nach Abschlussmonat", "ko": "마감 월별"],
        "By partner account": ["de": "Nach Partner-Account", "ko": "파트너 계정별"],
    ]

    /// Adds the portal's translations to a site's (the template's stay).
    static func install(into site: inout Site) {
        var translations = site.translations ?? SiteTranslations()
        for (source, byLocale) in entries {
            for (locale, text) in byLocale { translations.set(source, locale: locale, text) }
        }
        site.translations = translations
    }
}
