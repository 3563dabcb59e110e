import CommunityContent
import Foundation

/// Builders for search documents in tests.
enum SearchFixtures {
    static let epoch = Date(timeIntervalSince1970: 1_767_225_600)

    static func doc(
        _ id: String, _ locale: String, _ title: String, summary: String = "", body: String = "",
        type: SearchDocumentType = .article, categories: [String] = [], topics: [String] = [],
        visibility: SearchVisibility = .everyone, updatedDaysAgo: Double = 30, popularity: Double = 0
    ) -> SearchDocument {
        SearchDocument(
            type: type, id: id, locale: locale, title: title, summary: summary, body: body, categories: categories,
            topics: topics, visibility: visibility, createdAt: epoch.addingTimeInterval(-updatedDaysAgo * 86_400),
            popularity: popularity)
    }

    /// A small trilingual knowledge base.
    static func knowledgeBase() -> [SearchDocument] {
        [
            doc("ko1", "ko_KR", "비밀번호를 재설정하는 방법", body: "로그인 화면에서 비밀번호 찾기를 누르고 이메일로 받은 링크를 엽니다."),
            doc("ko2", "ko_KR", "비밀번호재설정 메일이 오지 않을 때", body: "스팸함을 확인하고 관리자에게 문의하세요."),
            doc("ko3", "ko_KR", "청구서 주소 변경", body: "계정 설정에서 청구서 주소를 바꿀 수 있습니다."),
            doc("ko4", "ko_KR", "모바일 앱 설치", body: "앱을 스토어에서 내려받으세요."),
            doc("de1", "de_DE", "Rechnungsadresse ändern", body: "Die Rechnungsadresse ändern Sie in den Kontoeinstellungen."),
            doc("de2", "de_DE", "Passwort zurücksetzen", body: "Klicken Sie auf Passwort vergessen und folgen Sie dem Link."),
            doc("de3", "de_DE", "Straßenname in der Lieferadresse", body: "Die Lieferadresse enthält Straße und Hausnummer."),
            doc("de4", "de_DE", "Kundenrechnung herunterladen", body: "Alle Rechnungen finden Sie als PDF im Portal."),
            doc("en1", "en_US", "How to reset your password", body: "Open the sign-in page and choose Forgot password."),
            doc("en2", "en_US", "Connecting your calendar", summary: "Calendar connections for Outlook and Google.", body: "Connections sync every hour."),
            doc("en3", "en_US", "Billing address changes", body: "Update the billing address under account settings."),
            doc("en4", "en_US", "Exporting reports to <CSV>", body: "Use the export button; formulas like a<b & c>d are escaped."),
        ]
    }
}
