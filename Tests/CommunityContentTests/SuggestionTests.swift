import CommunityContent
import CommunityModel
import Foundation
import Testing

@Suite struct SuggestionTests {
    typealias F = KnowledgeFixture

    @Test func suggestsMatchingVisibleArticlesInThreeLanguages() throws {
        let f = try F()
        let reset = try f.publishedArticle("How to reset your password", body: "Use Forgot password on the sign-in page.")
        try f.publishedArticle("Change your billing address", body: "Open account settings.")
        let internalReset = try f.publishedArticle("Password reset runbook", body: "Internal steps.", channels: [.internal])
        let de = try f.publishedArticle("Rechnungsadresse ändern", body: "In den Kontoeinstellungen.", locale: "de_DE")
        let ko = try f.publishedArticle("비밀번호를 재설정하는 방법", body: "로그인 화면에서 비밀번호 찾기를 누르세요.", locale: "ko_KR")
        let en = try f.knowledge.suggestArticles(
            subject: "Cannot log in", description: "I forgot my password and need to reset it", locale: "en_US", for: F.customer)
        #expect(en.first?.key.id == "\(reset.id.rawValue)/en_US")
        #expect(!en.contains { $0.key.id.hasPrefix(internalReset.id.rawValue) })
        let german = try f.knowledge.suggestArticles(subject: "Falsche Rechnung", description: "Die Adresse auf der Rechnung stimmt nicht", locale: "de_DE", for: F.customer)
        #expect(german.first?.key.id == "\(de.id.rawValue)/de_DE")
        let korean = try f.knowledge.suggestArticles(subject: "비밀번호 분실", description: "비밀번호를 잊어버렸어요", locale: "ko_KR", for: nil)
        #expect(korean.first?.key.id == "\(ko.id.rawValue)/ko_KR")
    }
}
