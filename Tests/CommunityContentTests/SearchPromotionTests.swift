import CommunityContent
import CommunityModel
import Foundation
import Testing

@Suite struct SearchPromotionTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)
    let item = SearchPromotion.Item(kind: .article, id: "ka-1")

    @Test func keywordsMatchAsWordRunsInTheQuery() {
        let promotion = SearchPromotion(keywords: ["  Refund   Policy ", "환불"], items: [item])
        #expect(promotion.keywords == ["refund policy", "환불"])
        #expect(promotion.matches("our REFUND policy", locale: "en_US", at: now))
        #expect(!promotion.matches("refund", locale: "en_US", at: now))
        #expect(!promotion.matches("policy refund", locale: "en_US", at: now))
        #expect(!promotion.matches("refunds policy", locale: "en_US", at: now))
        #expect(promotion.matches("환불을 요청", locale: "ko_KR", at: now))  // particle stripped
    }

    @Test func localeAndDatesLimitWhereAndWhenItApplies() {
        let german = SearchPromotion(keywords: ["rechnung"], locale: "de_DE", items: [item])
        #expect(german.matches("rechnung", locale: "de_AT", at: now))
        #expect(!german.matches("rechnung", locale: "en_US", at: now))
        #expect(!german.matches("rechnung", locale: nil, at: now))
        let window = SearchPromotion(keywords: ["sale"], items: [item], startsAt: now, endsAt: now.addingTimeInterval(3600))
        #expect(!window.matches("sale", locale: nil, at: now.addingTimeInterval(-1)))
        #expect(window.matches("sale", locale: nil, at: now))
        #expect(!window.matches("sale", locale: nil, at: now.addingTimeInterval(3600)))
    }

    @Test func badPromotionsAreRefusedWithTypedReasons() {
        func reason(_ p: SearchPromotion) -> SearchPromotionError? {
            do { try p.check(); return nil } catch { return error }
        }
        #expect(reason(SearchPromotion(keywords: [" "], items: [item])) == .noKeywords)
        #expect(reason(SearchPromotion(keywords: ["a"], items: [])) == .noItems)
        #expect(reason(SearchPromotion(keywords: ["a"], items: [.init(kind: "account", id: "x")])) == .unknownKind("account"))
        #expect(reason(SearchPromotion(keywords: ["a"], items: [.init(kind: .article, id: "a b")])) == .invalidItemID("a b"))
        #expect(reason(SearchPromotion(keywords: ["a"], items: [item, item])) == .duplicateItem("article:ka-1"))
        #expect(reason(SearchPromotion(keywords: ["a"], locale: "de DE", items: [item])) == .invalidLocale("de DE"))
        #expect(reason(SearchPromotion(keywords: [String(repeating: "x", count: 101)], items: [item])) == .keywordTooLong(String(repeating: "x", count: 101), limit: 100))
        #expect(reason(SearchPromotion(keywords: ["a"], items: [item], startsAt: now, endsAt: now)) == .endsBeforeStart)
        #expect(reason(SearchPromotion(keywords: (0..<21).map { "k\($0)" }, items: [item])) == .tooManyKeywords(21, limit: 20))
        #expect(reason(SearchPromotion(keywords: ["a"], items: [item])) == nil)
        #expect(throws: ValidationError.self) { try SearchPromotion(keywords: ["a"], items: []).validate() }
        #expect(SearchPromotion.Item(reference: "question:q-1") == SearchPromotion.Item(kind: .question, id: "q-1"))
        #expect(SearchPromotion.Item(reference: "nocolon") == nil)
        #expect(SearchPromotion.Item(reference: ":x") == nil)
    }
}
