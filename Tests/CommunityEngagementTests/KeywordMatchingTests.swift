import CommunityModel
import Testing

@testable import CommunityEngagement

@Suite struct KeywordMatchingTests {
    @Test(arguments: ["은", "는", "이", "가", "을", "를", "의", "에", "에서", "으로", "로", "와", "과", "도", "만"])
    func koreanParticlesStillMatch(_ particle: String) {
        let m = KeywordMatcher([Keyword("바보")])
        let text = "너는 정말 바보\(particle) 맞아"
        let found = m.matches(in: text)
        #expect(found.count == 1, "바보\(particle)")
        #expect(found.first.map { String(text[$0.range]) } == "바보")
        #expect(m.masked(text) == "너는 정말 **\(particle) 맞아")
    }

    @Test func koreanWholeWordOnly() {
        let m = KeywordMatcher([Keyword("바보")])
        #expect(m.matches(in: "바보에서는 안돼").count == 1)  // two stacked particles
        #expect(m.matches(in: "바보상자").isEmpty)  // a different word that starts with it
        #expect(m.matches(in: "울보바보").isEmpty)
        #expect(m.matches(in: "바보!").count == 1)
    }

    @Test func germanCaseUmlautAndCompounds() {
        let word = KeywordMatcher([Keyword("Müll")])
        #expect(word.matches(in: "So ein MÜLL hier").count == 1)
        #expect(word.matches(in: "So ein Muell hier").count == 1)
        #expect(word.matches(in: "Müllabfuhr kommt").isEmpty)  // .word does not match compounds
        let compound = KeywordMatcher([Keyword("Idiot", matching: .compound)])
        #expect(compound.matches(in: "Du Vollidiot!").count == 1)
        #expect(compound.matches(in: "Idiotenverein").count == 1)
        #expect(compound.matches(in: "IDIOTEN").count == 1)
        #expect(compound.masked("Du Vollidiot!") == "Du *********!")
        let sharp = KeywordMatcher([Keyword("Scheiße")])
        #expect(sharp.matches(in: "scheisse") .count == 1)
        #expect(sharp.matches(in: "SCHEISSE!").count == 1)
    }

    @Test func englishWholeWordsAvoidScunthorpe() {
        let m = KeywordMatcher([Keyword("ass")])
        #expect(m.matches(in: "a class assignment").isEmpty)
        #expect(m.matches(in: "you ass").count == 1)
        #expect(m.matches(in: "Ｙｏｕ ＡＳＳ").count == 1)  // full-width folded
        #expect(m.matches(in: "asses").count == 1)
    }

    @Test func phrasesAndMasking() {
        let m = KeywordMatcher([Keyword("go away"), Keyword("spam")])
        #expect(m.masked("please go away now, SPAM!") == "please ******* now, ****!")
        #expect(m.matches(in: "go home").isEmpty)
        #expect(KeywordMatcher([Keyword("  ")]).matches(in: "anything").isEmpty)
    }

    @Test func screenPicksStrongestActionAndScopes() {
        let rules = [
            ModerationRule(id: "r1", name: "mask", keywords: [Keyword("darn")], action: .mask),
            ModerationRule(id: "r2", name: "flag", keywords: [Keyword("refund")], action: .flag, contentKinds: [.post]),
            ModerationRule(id: "r3", name: "block", keywords: [Keyword("casino")], action: .block, memberKinds: [.customer]),
            ModerationRule(id: "r4", name: "off", keywords: [Keyword("darn")], action: .freeze, isActive: false),
        ]
        let screen = ContentScreen(rules: rules)
        #expect(screen.verdict(for: "darn it", kind: .post, memberKind: .customer).action == .mask)
        #expect(screen.verdict(for: "darn refund", kind: .post, memberKind: .customer).action == .flag)
        #expect(screen.verdict(for: "darn refund", kind: .comment, memberKind: .customer).action == .mask)
        #expect(screen.verdict(for: "casino", kind: .post, memberKind: .customer).action == .block)
        #expect(screen.verdict(for: "casino", kind: .post, memberKind: .partner).action == nil)
        #expect(screen.verdict(for: "hello", kind: .post, memberKind: .customer) == .clean)
        let html = try! RichTextSanitizer().sanitize("<p>darn &amp; <b>darn</b> <a href=\"/darn\">x</a></p>")
        #expect(screen.masked(html, kind: .post, memberKind: .customer).html == "<p>**** &amp; <b>****</b> <a href=\"/darn\" rel=\"nofollow noopener ugc\">x</a></p>")
    }
}
