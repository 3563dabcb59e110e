/// The few words the library itself prints, in English, German and Korean.
public enum Localized {
    private static let table: [String: [String: String]] = [
        "skip": ["en": "Skip to content", "de": "Zum Inhalt springen", "ko": "본문으로 건너뛰기"],
        "search": ["en": "Search", "de": "Suchen", "ko": "검색"],
        "submit": ["en": "Submit", "de": "Absenden", "ko": "제출"],
        "helpful": ["en": "Was this helpful?", "de": "War das hilfreich?", "ko": "도움이 되었나요?"],
        "yes": ["en": "Yes", "de": "Ja", "ko": "예"],
        "no": ["en": "No", "de": "Nein", "ko": "아니요"],
        "noResults": ["en": "Nothing to show.", "de": "Nichts anzuzeigen.", "ko": "표시할 항목이 없습니다."],
        "unavailable": ["en": "This section is not available.", "de": "Dieser Bereich ist nicht verfügbar.", "ko": "이 영역을 사용할 수 없습니다."],
        "notFound": ["en": "Page not found", "de": "Seite nicht gefunden", "ko": "페이지를 찾을 수 없습니다"],
        "forbidden": ["en": "You do not have access to this page", "de": "Sie haben keinen Zugriff auf diese Seite", "ko": "이 페이지에 접근할 권한이 없습니다"],
        "navigation": ["en": "Main navigation", "de": "Hauptnavigation", "ko": "주 메뉴"],
        "menu": ["en": "Menu", "de": "Menü", "ko": "메뉴"],
        "footerNavigation": ["en": "Footer", "de": "Fußzeile", "ko": "바닥글"],
        "noDeals": ["en": "No deals yet. Deals appear here once your registered leads are converted.", "de": "Noch keine Deals. Deals erscheinen hier, sobald Ihre registrierten Leads umgewandelt sind.", "ko": "아직 거래가 없습니다. 등록한 리드가 전환되면 여기에 표시됩니다."],
        "registerLead": ["en": "Register a lead", "de": "Lead registrieren", "ko": "리드 등록"],
        "noPosts": ["en": "No posts yet. Updates from your groups and colleagues will appear here.", "de": "Noch keine Beiträge. Neuigkeiten aus Ihren Gruppen und von Kollegen erscheinen hier.", "ko": "아직 게시물이 없습니다. 그룹과 동료의 소식이 여기에 표시됩니다."],
    ]

    /// The text for `key` in `locale` (`de_DE` → German), English when missing.
    public static func text(_ key: String, locale: String) -> String {
        let language = String(locale.prefix(2)).lowercased()
        return table[key]?[language] ?? table[key]?["en"] ?? key
    }
}
