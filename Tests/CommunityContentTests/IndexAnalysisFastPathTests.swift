@testable import CommunityContent
import CommunityTesting
import Foundation
import Testing

/// The write path's fast analysis against the plain one, on random text in English, German and
/// Korean (and mixed scripts, combining marks, digits, punctuation): the byte tokenizer finds the
/// words the scalar tokenizer finds, the term cache (words looked up by their bytes) gives the
/// terms `TextAnalyzer.indexTerms` gives, and a segment built from the cache's ids holds what a
/// segment built from the terms' strings holds.
@Suite struct IndexAnalysisFastPathTests {
    /// Pieces of text random strings are made of: ASCII words and noise, German with umlauts and
    /// ß, accents precomposed and combining, Hangul syllables and particles, compatibility jamo,
    /// Latin next to Hangul, full-width letters, CJK, emoji, digits.
    static let pieces = [
        "the", "Password", "reset", "running", "Connections", "iOS", "v2", "2026", "e-mail", "a", "to", "of",
        "Größe", "Übersicht", "Straße", "STRASSE", "Anmeldung", "Kennwörter", "zurücksetzen", "über", "und", "die",
        "café", "cafe\u{301}", "naïve", "Å", "ǅ", "ﬁle", "Ａｐｐ", "éclair",
        "비밀번호를", "재설정", "앱에서", "로그인", "하세요", "ㄱㄴ", "iOS앱", "앱iOS", "한\u{302}국",
        "東京", "😀", "x\u{20DD}", "٣", "Ωmega", "İstanbul",
        " ", " ", "  ", ", ", ". ", "-", "/", "'", "\n", "(", ")", "…", "\u{00A0}",
    ]

    static func randomText(_ random: inout SeededRandom, pieces: Int) -> String {
        var text = ""
        for _ in 0..<pieces {
            text += Self.pieces[Int(random.next() % UInt64(Self.pieces.count))]
            if random.next() % 3 == 0 { text += " " }
        }
        return text
    }

    @Test func byteTokenizerFindsTheWordsOfTheScalarTokenizer() {
        var random = SeededRandom(seed: 20)
        for _ in 0..<2_000 {
            let text = Self.randomText(&random, pieces: 1 + Int(random.next() % 12))
            var expected: [(Range<Int>, Bool)] = []
            Tokenizer.forEachWord(in: text) { _, range, isHangul in
                let start = text.utf8.distance(from: text.utf8.startIndex, to: range.lowerBound)
                let end = text.utf8.distance(from: text.utf8.startIndex, to: range.upperBound)
                expected.append((start..<end, isHangul))
            }
            var found: [(Range<Int>, Bool)] = []
            var copy = text
            copy.withUTF8 { bytes in Tokenizer.forEachWordRange(in: bytes) { found.append(($0, $1)) } }
            #expect(found.map(\.0) == expected.map(\.0), "\(text)")
            #expect(found.map(\.1) == expected.map(\.1), "\(text)")
        }
    }

    @Test(arguments: [ContentLanguage.english, .german, .korean, .other])
    func cachedAnalysisGivesTheTermsOfTextAnalyzer(language: ContentLanguage) {
        let seeds: [ContentLanguage: UInt64] = [.english: 7, .german: 8, .korean: 9, .other: 10]
        var random = SeededRandom(seed: seeds[language] ?? 0)
        var shared = IndexTermCache()
        for round in 0..<1_500 {
            let text = Self.randomText(&random, pieces: 1 + Int(random.next() % 20))
            let expected = TextAnalyzer.indexTerms(text, language: language)
            // A cache that knows many words already (most lookups hit), and a new one (all miss).
            var sharedIDs: [Int32] = []
            shared.forEachTerm(in: text, language: language) { sharedIDs.append($0) }
            let viaShared = sharedIDs.map { shared.terms[Int($0)] }
            var fresh = IndexTermCache()
            var freshIDs: [Int32] = []
            fresh.forEachTerm(in: text, language: language) { freshIDs.append($0) }
            let viaFresh = freshIDs.map { fresh.terms[Int($0)] }
            #expect(viaShared == expected, "\(round): \(text)")
            #expect(viaFresh == expected, "\(round): \(text)")
        }
    }

    @Test func segmentBuiltFromTheCacheHoldsWhatThePlainBuildHolds() {
        var random = SeededRandom(seed: 99)
        let locales = ["en_US", "de_DE", "ko_KR"]
        let documents = (0..<1_300).map { i in
            SearchFixtures.doc(
                "d\(i)", locales[i % 3], Self.randomText(&random, pieces: 4), summary: Self.randomText(&random, pieces: 8),
                body: Self.randomText(&random, pieces: 30), categories: ["c\(i % 4)"])
        }
        var cache = IndexTermCache()
        // Two writes through one cache, so the second one meets words and terms the first taught it;
        // the first is analysed in parts on several cores when there are several.
        for part in [documents[..<1_100], documents[1_100...]] {
            let analyzed = MemorySearchIndex.analyze(Array(part), cache: &cache)
            cache.settle()
            let plain = part.map { AnalyzedDocument($0) }
            #expect(analyzed.map { $0.terms.map(\.0) } == plain.map { $0.terms.map(\.0) })
            let fast = IndexSegment(uid: 0, documents: analyzed, shapes: cache, options: RankingOptions())
            let reference = IndexSegment(uid: 1, documents: plain, options: RankingOptions())
            #expect(fast.terms == reference.terms)
            #expect(fast.termIDs == reference.termIDs)
            #expect(fast.postings.map { $0.map(\.doc) } == reference.postings.map { $0.map(\.doc) })
            #expect(
                fast.postings.map { $0.map { [$0.tf.title, $0.tf.summary, $0.tf.body] } }
                    == reference.postings.map { $0.map { [$0.tf.title, $0.tf.summary, $0.tf.body] } })
            #expect(fast.postingWeights == reference.postingWeights)
            #expect(fast.sortedTerms == reference.sortedTerms && fast.reversedTerms == reference.reversedTerms)
            #expect(fast.reversedBytes == reference.reversedBytes && fast.termScalars == reference.termScalars)
            #expect(fast.gramIndex == reference.gramIndex)
        }
    }
}
