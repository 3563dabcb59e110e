import CommunityContent
import Foundation
import Testing

@Suite struct HangulJamoTypoTests {
    @Test func syllablesDecomposeIntoTheirLetters() {
        #expect(HangulJamo.decompose("불").map(\.value) == [0x1107, 0x116E, 0x11AF])  // ㅂ ㅜ ㄹ
        #expect(HangulJamo.decompose("호").map(\.value) == [0x1112, 0x1169])  // ㅎ ㅗ, no tail
        #expect(HangulJamo.decompose("a불").count == 4)  // other scalars stay as they are
        #expect(HangulJamo.distance("환뷸", "환불", limit: 2) == 1)
        #expect(HangulJamo.distance("번효", "번호", limit: 2) == 1)
        #expect(HangulJamo.distance("환불", "환불", limit: 1) == 0)
        #expect(HangulJamo.distance("환불", "계정", limit: 2) == nil)
        // Whole syllables differ, so the character-level distance would call it a full substitution.
        #expect(EditDistance.within("뷸", "불", limit: 0) == nil)
    }

    private func index() throws -> MemorySearchIndex {
        let index = MemorySearchIndex(clock: ManualClockForTests())
        try index.upsert([
            SearchFixtures.doc("refund", "ko_KR", "환불 요청 방법", body: "주문 내역에서 환불을 요청합니다."),
            SearchFixtures.doc("password", "ko_KR", "비밀번호 재설정", body: "로그인 화면에서 비밀번호 찾기를 누릅니다."),
            SearchFixtures.doc("install", "ko_KR", "모바일 앱 설치", body: "앱을 스토어에서 내려받으세요."),
        ])
        return index
    }

    @Test func aTypoInsideASyllableStillFinds() throws {
        let index = try index()
        #expect(try index.search(SearchQuery("환뷸", locale: "ko_KR"), as: .unrestricted).hits.first?.key.id == "refund")
        #expect(try index.search(SearchQuery("비밀번효", locale: "ko_KR"), as: .unrestricted).hits.first?.key.id == "password")
        #expect(try index.search(SearchQuery("환뷸을", locale: "ko_KR"), as: .unrestricted).hits.first?.key.id == "refund")
    }

    @Test func jamoTyposAreOffWithoutTypoToleranceAndNeverMatchFarWords() throws {
        let index = try index()
        #expect(try index.search(SearchQuery("환뷸", locale: "ko_KR", typoTolerance: false), as: .unrestricted).totalCount == 0)
        // Two letters off in one syllable (ㅂ→ㄱ and ㅜ→ㅠ: "귤") is more than one edit.
        #expect(try index.search(SearchQuery("환귤", locale: "ko_KR"), as: .unrestricted).totalCount == 0)
    }

    @Test func exactHitsOutrankJamoTypoHits() throws {
        let index = MemorySearchIndex(clock: ManualClockForTests())
        try index.upsert([
            SearchFixtures.doc("typo", "ko_KR", "환불 안내"),
            SearchFixtures.doc("exact", "ko_KR", "환뷸 안내"),  // a document that really spells it so
        ])
        let hits = try index.search(SearchQuery("환뷸", locale: "ko_KR"), as: .unrestricted).hits
        #expect(hits.map(\.key.id) == ["exact", "typo"])
        let scores = hits.map(\.score)
        #expect(scores.count == 2 && scores[0] > scores[1])
    }
}
