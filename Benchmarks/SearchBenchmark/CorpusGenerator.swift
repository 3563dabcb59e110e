import Foundation
import SearchBenchmarkKit

/// Generates a synthetic trilingual corpus (English-like, German-like with compounds,
/// Korean with particles) and judged queries taken from the documents' titles, some with
/// a typo. Deterministic for a seed.
struct CorpusGenerator {
    var random: SplitMix

    init(seed: UInt64) { random = SplitMix(state: seed) }

    struct Language {
        var locale: String
        var words: [String]
        var cdf: [Double]
    }

    mutating func makeLanguages(vocabulary: Int) -> [Language] {
        let latinOnsets = ["b", "c", "d", "f", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "w", "st", "tr", "pl", "sch", "br", "gr"]
        let vowels = ["a", "e", "i", "o", "u", "ei", "au", "ä", "ö", "ü", "ie"]
        let codas = ["", "n", "r", "s", "t", "ng", "ck", "l", "m"]
        func latinWord(_ r: inout SplitMix, german: Bool) -> String {
            let syllables = 2 + Int(r.next() % 3)
            var w = ""
            for _ in 0..<syllables {
                w += r.pick(latinOnsets)
                let v = r.pick(vowels)
                w += german ? v : String(v.unicodeScalars.filter { $0.isASCII }.map(Character.init)).isEmpty ? "a" : String(v.unicodeScalars.filter { $0.isASCII }.map(Character.init))
                w += r.pick(codas)
            }
            return w
        }
        func hangulWord(_ r: inout SplitMix) -> String {
            let syllables = 2 + Int(r.next() % 3)
            var scalars = String.UnicodeScalarView()
            for _ in 0..<syllables {
                let l = UInt32(r.next() % 19), v = UInt32(r.next() % 21), t = UInt32(r.next() % 28) % 4 == 0 ? UInt32(r.next() % 28) : 0
                scalars.append(Unicode.Scalar(0xAC00 + (l * 21 + v) * 28 + t)!)
            }
            return String(scalars)
        }
        var en = Set<String>(), de = Set<String>(), ko = Set<String>()
        while en.count < vocabulary { en.insert(latinWord(&random, german: false)) }
        while de.count < vocabulary / 2 { de.insert(latinWord(&random, german: true)) }
        // German compounds from two simple words.
        let deSimple = Array(de).sorted()
        while de.count < vocabulary {
            de.insert(random.pick(deSimple) + random.pick(["", "s", "en"]) + random.pick(deSimple))
        }
        while ko.count < vocabulary { ko.insert(hangulWord(&random)) }
        func zipf(_ n: Int) -> [Double] {
            var acc = 0.0
            var out = [Double]()
            out.reserveCapacity(n)
            for i in 1...n {
                acc += 1 / Double(i)
                out.append(acc)
            }
            return out.map { $0 / acc }
        }
        var sets = [Array(en), Array(de), Array(ko)].map { $0.sorted() }
        for i in sets.indices { sets[i].shuffle(using: &random) }
        return [
            Language(locale: "en_US", words: sets[0], cdf: zipf(sets[0].count)),
            Language(locale: "de_DE", words: sets[1], cdf: zipf(sets[1].count)),
            Language(locale: "ko_KR", words: sets[2], cdf: zipf(sets[2].count)),
        ]
    }

    /// A word drawn from the language's Zipf distribution; `contentOnly` skips the 100
    /// most frequent ranks, which play the part of function words (titles and queries are
    /// made of content words).
    mutating func word(_ language: Language, contentOnly: Bool = false) -> String {
        let floor = contentOnly ? language.cdf[99] : 0
        let x = floor + (1 - floor) * Double(random.next() % 1_000_000) / 1_000_000
        var lo = 0, hi = language.cdf.count - 1
        while lo < hi {
            let mid = (lo + hi) / 2
            if language.cdf[mid] < x { lo = mid + 1 } else { hi = mid }
        }
        let w = language.words[lo]
        if language.locale == "ko_KR", random.next() % 3 == 0 { return w + random.pick(["를", "은", "는", "이", "에서", "으로"]) }
        return w
    }

    mutating func text(_ language: Language, words: Int, contentOnly: Bool = false) -> String {
        (0..<words).map { _ in word(language, contentOnly: contentOnly) }.joined(separator: " ")
    }

    /// Documents in turn English, German and Korean (or all in `only`, a language code);
    /// popularity and age vary with the position (recorded in the entries' `popularity` and
    /// `updatedAt` fields).
    mutating func corpus(count: Int, vocabulary: Int, epoch: Date, only: String? = nil) -> [CorpusEntry] {
        let all = makeLanguages(vocabulary: vocabulary)
        let chosen = only.map { code in all.filter { $0.locale.hasPrefix(code + "_") } } ?? all
        let languages = chosen.isEmpty ? all : chosen
        return (0..<count).map { i in
            let language = languages[i % languages.count]
            let updated = epoch.addingTimeInterval(-Double(i % 365) * 86_400)
            return CorpusEntry(
                id: "g\(i)", locale: language.locale, title: text(language, words: 4 + Int(random.next() % 5), contentOnly: true),
                summary: text(language, words: 10 + Int(random.next() % 6)),
                body: text(language, words: 40 + Int(random.next() % 41)),
                categories: ["c\(random.next() % 20)"], popularity: Double(i % 50),
                updatedAt: updated.formatted(.iso8601))
        }
    }

    /// Queries of two or three title words of a random document, a third of them with one typo
    /// in a long Latin word; their category (`clean-2-words`, `clean-3-words`, `typo`) groups
    /// relevance and latency in the output.
    mutating func queries(for corpus: [CorpusEntry], count: Int) -> [JudgedQuery] {
        (0..<count).map { _ in
            let doc = random.pick(corpus)
            let words = doc.title.split(separator: " ").map(String.init)
            let take = min(words.count, 2 + Int(random.next() % 2))
            let first = Int(random.next() % UInt64(words.count - take + 1))
            var chosen = Array(words[first..<(first + take)])
            var category = "clean-\(take)-words"
            if random.next() % 3 == 0, let i = chosen.firstIndex(where: { $0.count >= 6 && $0.unicodeScalars.first!.isASCII }) {
                var chars = Array(chosen[i])
                let p = 1 + Int(random.next() % UInt64(chars.count - 2))
                chars.swapAt(p, p + 1)
                chosen[i] = String(chars)
                category = "typo"
            }
            return JudgedQuery(
                query: chosen.joined(separator: " "), locale: doc.locale, relevant: RelevanceJudgments(relevant: [doc.id]),
                language: String(doc.locale.prefix(2)), category: category)
        }
    }
}

/// A small deterministic random generator.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func pick<T>(_ items: [T]) -> T { items[Int(next() % UInt64(items.count))] }
}
