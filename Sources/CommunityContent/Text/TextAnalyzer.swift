/// Turns text into index terms and queries into query units, per language.
///
/// - Every language: NFKC, case folding, diacritic folding (ä ↔ ae both ways, because both
///   sides are folded to `ae`).
/// - English: the surface form and its Porter stem.
/// - German: the surface form and its light stem; compounds are matched by their parts at
///   query time (a query word also matches vocabulary terms it begins or ends).
/// - Korean: syllable bigrams of each word, so particles and spacing do not matter.
public enum TextAnalyzer {
    /// The index terms of `text` written in `language`, one entry per occurrence.
    public static func indexTerms(_ text: String, language: ContentLanguage) -> [String] {
        var out: [String] = []
        for token in Tokenizer.tokens(text) { appendIndexTerms(of: token, language: language, to: &out) }
        return out
    }

    static func appendIndexTerms(of token: TextToken, language: ContentLanguage, to out: inout [String]) {
        appendIndexTerms(of: token.text, isHangul: token.isHangul, language: language, to: &out)
    }

    /// The index terms of one normalised word.
    static func appendIndexTerms(of word: String, isHangul: Bool, language: ContentLanguage, to out: inout [String]) {
        if isHangul {
            out.append(contentsOf: HangulText.bigrams(word))
            let stem = HangulText.stripParticle(word)
            if stem.count == 1, stem != word { out.append(stem) }
            return
        }
        if StopWords.contains(word, language) { return }
        out.append(word)
        switch language {
        case .german:
            let stem = GermanStemmer.stem(word)
            if stem != word { out.append(stem) }
        case .english, .korean, .other:
            let stem = PorterStemmer.stem(word)
            if stem != word { out.append(stem) }
        }
    }

    /// The query units of a query text: one per word, one per Hangul bigram.
    ///
    /// `language` chooses stop words; when `nil`, stop words of every analysed language
    /// are dropped. Stop words are kept when a query has nothing else.
    public static func queryUnits(_ text: String, language: ContentLanguage?) -> [QueryUnit] {
        let tokens = Tokenizer.tokens(text)
        let chosen = meaningfulTokenIndices(tokens, language: language).map { tokens[$0] }
        var units: [QueryUnit] = []
        for (index, token) in chosen.enumerated() {
            let isLast = index == chosen.count - 1
            units.append(contentsOf: queryUnits(of: token, wordIndex: index, isLast: isLast))
        }
        return units
    }

    /// The positions of the tokens a query scores: every token but stop words (all of them
    /// when the query has nothing else). A unit's `wordIndex` counts these positions.
    static func meaningfulTokenIndices(_ tokens: [TextToken], language: ContentLanguage?) -> [Int] {
        let isStop: (String) -> Bool = { word in
            if let language { StopWords.contains(word, language) } else { StopWords.anyLanguage(word) }
        }
        let meaningful = tokens.indices.filter { tokens[$0].isHangul || !isStop(tokens[$0].text) }
        return meaningful.isEmpty ? Array(tokens.indices) : meaningful
    }

    static func queryUnits(of token: TextToken, wordIndex: Int, isLast: Bool) -> [QueryUnit] {
        let word = token.text
        if token.isHangul {
            let stem = HangulText.stripParticle(word)
            if stem.count == 1 {
                return [QueryUnit(word: stem, forms: [stem], isHangul: true, wordIndex: wordIndex, isLastWord: isLast)]
            }
            return HangulText.bigrams(stem).map {
                QueryUnit(word: $0, forms: [$0], isHangul: true, wordIndex: wordIndex, isLastWord: isLast)
            }
        }
        var forms = [word]
        for stem in [PorterStemmer.stem(word), GermanStemmer.stem(word)] where !forms.contains(stem) {
            forms.append(stem)
        }
        return [QueryUnit(word: word, forms: forms, isHangul: false, wordIndex: wordIndex, isLastWord: isLast)]
    }

    /// Whether a document token matches a query token for phrase queries: equal, equal
    /// stems, or (Hangul) equal once a particle is stripped.
    static func tokensMatch(_ query: TextToken, _ document: TextToken) -> Bool {
        if query.text == document.text { return true }
        if query.isHangul || document.isHangul {
            guard query.isHangul, document.isHangul else { return false }
            return HangulText.stripParticle(document.text) == HangulText.stripParticle(query.text)
        }
        return PorterStemmer.stem(query.text) == PorterStemmer.stem(document.text)
            || GermanStemmer.stem(query.text) == GermanStemmer.stem(document.text)
    }
}

/// One scoring unit of a query: a word (with its stems) or a Hangul bigram.
public struct QueryUnit: Sendable, Hashable {
    /// The normalised word (or bigram).
    public var word: String
    /// Index terms that match it exactly: the word and its stems.
    public var forms: [String]
    /// Whether it is Hangul (no typo tolerance or decompounding, bigrams instead).
    public var isHangul: Bool
    /// The position of the query word it came from (bigrams of one word share it).
    public var wordIndex: Int
    /// Whether it came from the last word (the one autocomplete treats as a prefix).
    public var isLastWord: Bool
}
