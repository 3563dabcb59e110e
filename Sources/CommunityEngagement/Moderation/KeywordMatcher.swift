/// Finds configured keywords in text, word by word, tolerant of case, width, umlaut spelling,
/// Korean particles and German compounds. Built once per rule set and shared.
public struct KeywordMatcher: Sendable {
    /// One match: the keyword and the range of the original text it covers (whole words, minus
    /// any trailing Korean particle).
    public struct Match: Sendable, Equatable {
        /// The keyword as configured.
        public var keyword: Keyword
        /// Where it is in the text.
        public var range: Range<String.Index>
    }

    /// Particles Korean attaches to a noun; a keyword followed by one (or two, `에서는`) still matches.
    public static let koreanParticles: [String] = [
        "에서", "으로", "에게", "한테", "까지", "부터", "처럼", "보다", "이랑", "이나", "이야", "이다",
        "은", "는", "이", "가", "을", "를", "의", "에", "로", "와", "과", "도", "만", "랑", "나", "야", "아", "께",
    ]
    /// Endings German and English add to a word (plural, case) that still count as the word.
    public static let latinEndings: [String] = ["s", "es", "e", "en", "n", "er", "ern", "em"]

    private struct Entry: Sendable {
        let keyword: Keyword
        let words: [String]  // folded
    }

    private let entries: [Entry]
    private let byFirstWord: [String: [Int]]
    private let compoundEntries: [Int]

    /// Prepares `keywords` (blank ones are ignored).
    public init(_ keywords: [Keyword]) {
        var entries: [Entry] = []
        for k in keywords {
            let words = TextFolding.words(k.text).map(\.folded)
            if !words.isEmpty { entries.append(Entry(keyword: k, words: words)) }
        }
        self.entries = entries
        var index: [String: [Int]] = [:]
        var compounds: [Int] = []
        for (i, e) in entries.enumerated() {
            index[e.words[0], default: []].append(i)
            if e.keyword.matching == .compound && e.words.count == 1 { compounds.append(i) }
        }
        byFirstWord = index
        compoundEntries = compounds
    }

    /// How many characters at the end of `word` are inflection after `stem`, if `word` is
    /// `stem` plus allowed inflection.
    static func inflection(of word: String, stem: String) -> Int? {
        guard word.hasPrefix(stem) else { return nil }
        let rest = word.dropFirst(stem.count)
        if rest.isEmpty { return 0 }
        guard let last = stem.unicodeScalars.last else { return nil }
        if TextFolding.isHangul(last) {
            // One or two particles.
            for p in koreanParticles where rest.hasPrefix(p) {
                let after = rest.dropFirst(p.count)
                if after.isEmpty || koreanParticles.contains(String(after)) { return rest.count }
            }
            return nil
        }
        return latinEndings.contains(String(rest)) ? rest.count : nil
    }

    /// Every keyword occurrence in `text`, in text order.
    public func matches(in text: String) -> [Match] {
        guard !entries.isEmpty else { return [] }
        let words = TextFolding.words(text)
        var found: [Match] = []
        for (w, word) in words.enumerated() {
            var matchedHere = false
            // Exact words and phrases, by their first word (folded forms may carry inflection).
            for candidate in candidates(for: word.folded) {
                let e = entries[candidate]
                guard w + e.words.count <= words.count else { continue }
                var ok = true
                var trailing = 0
                for (k, kw) in e.words.enumerated() {
                    let actual = words[w + k].folded
                    if k == e.words.count - 1 {
                        if let t = Self.inflection(of: actual, stem: kw) {
                            trailing = (kw.unicodeScalars.last.map(TextFolding.isHangul) ?? false) ? t : 0
                        } else if e.keyword.matching == .compound && e.words.count == 1 && actual.contains(kw) {
                            trailing = 0
                        } else {
                            ok = false
                        }
                    } else if actual != kw {
                        ok = false
                    }
                    if !ok { break }
                }
                if ok {
                    let lower = word.range.lowerBound
                    let lastRange = words[w + e.words.count - 1].range
                    let upper = text.index(lastRange.upperBound, offsetBy: -trailing)
                    found.append(Match(keyword: e.keyword, range: lower..<upper))
                    matchedHere = true
                }
            }
            if matchedHere { continue }
            // Compound parts anywhere in a word.
            for c in compoundEntries where word.folded.contains(entries[c].words[0]) {
                found.append(Match(keyword: entries[c].keyword, range: word.range))
                break
            }
        }
        return found
    }

    private func candidates(for folded: String) -> [Int] {
        var result: [Int] = byFirstWord[folded] ?? []
        // The word may be a keyword plus inflection: try every prefix that is a keyword's first word.
        var prefix = folded
        var steps = 0
        while !prefix.isEmpty, steps < 4 {
            prefix.removeLast()
            steps += 1
            if let more = byFirstWord[prefix] { result.append(contentsOf: more) }
        }
        return result
    }

    /// `text` with every match replaced by asterisks (one per character).
    public func masked(_ text: String) -> String {
        let found = matches(in: text)
        guard !found.isEmpty else { return text }
        var out = ""
        var cursor = text.startIndex
        for m in found.sorted(by: { $0.range.lowerBound < $1.range.lowerBound }) where m.range.lowerBound >= cursor {
            out += text[cursor..<m.range.lowerBound]
            out += String(repeating: "*", count: text[m.range].count)
            cursor = m.range.upperBound
        }
        out += text[cursor...]
        return out
    }
}
