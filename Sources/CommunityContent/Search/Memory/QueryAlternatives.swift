/// What a query's words also stand for: synonyms from the query's ``SynonymSet``, adjacent
/// words joined ("web hooks" → "webhooks") and a word split where the index's vocabulary
/// has both halves ("webhook" → "web hook").
///
/// A synonym that is one word for one query word becomes an extra form of that word's unit
/// (scored at ``RankingOptions/synonymFactor``, the better of the two counting). Any other
/// alternative becomes extra units (not counted as query words) covering a *span* of query
/// words: a document that matches every unit of an alternative counts as matching the whole
/// span; one that matches only some of them gets nothing from the alternative.
struct QueryAlternatives {
    /// One alternative: the units that stand for a span.
    struct Alternative {
        var mask: UInt64
        var units: [Int]
    }

    /// Query words with alternatives.
    struct Span {
        /// Bits of the span's own (text) units.
        var textMask: UInt64
        /// How many query words the span covers.
        var words: Double
        /// Indexes into `alternatives`.
        var alternatives: [Int]
    }

    var alternatives: [Alternative] = []
    var spans: [Span] = []
    /// Per unit: synonym forms (the one-word-for-one-word case).
    var extraForms: [Int: [String]] = [:]
    /// Bits of units of alternatives with more than one unit (scored only when complete).
    var multiUnitMask: UInt64 = 0
    /// Bits of every span's own units.
    var spanTextMask: UInt64 = 0

    var isEmpty: Bool { spans.isEmpty }

    /// Finds the alternatives of `parsed`'s words and appends their units to it.
    init(_ parsed: inout ParsedQuery, synonyms: SynonymSet, localeCode: String?, state: IndexState, options: RankingOptions) {
        let tokens = Tokenizer.tokens(parsed.looseText)
        guard !tokens.isEmpty, tokens.count <= ParsedQuery.maxUnits else { return }
        let chosen = TextAnalyzer.meaningfulTokenIndices(tokens, language: parsed.language)
        var wordOf = [Int?](repeating: nil, count: tokens.count)
        for (w, t) in chosen.enumerated() { wordOf[t] = w }
        var unitsOfWord: [Int: [Int]] = [:]
        for u in parsed.units.indices where parsed.fromText[u] { unitsOfWord[parsed.units[u].wordIndex, default: []].append(u) }
        // Most probes are not terms: each segment's filter turns them away after one hash.
        func inVocabulary(_ form: String) -> Bool {
            let hash = TermFilter.hash(form)
            return state.segments.contains { $0.termID(form, hash: hash) != nil }
        }
        func inVocabulary(_ forms: [String]) -> Bool { forms.contains(where: inVocabulary) }

        // 1. Synonyms: the longest term that starts at each word, left to right.
        if !synonyms.isEmpty {
            var i = 0
            while i < tokens.count {
                var length = min(synonyms.longestTerm, tokens.count - i)
                var found = false
                while length > 0, !found {
                    var texts = tokens[i..<(i + length)].map(\.text)
                    var alternatives = synonyms.alternatives(for: texts, languageCode: localeCode)
                    if alternatives == nil, length == 1, tokens[i].isHangul {
                        texts = [HangulText.stripParticle(tokens[i].text)]
                        alternatives = synonyms.alternatives(for: texts, languageCode: localeCode)
                    }
                    if let alternatives {
                        let words = (i..<(i + length)).compactMap { wordOf[$0] }
                        let units = alternatives.map { TextAnalyzer.queryUnits($0, language: parsed.language) }
                        found = add(span: words, units, factor: options.synonymFactor, oneForOne: true, to: &parsed, unitsOfWord)
                    }
                    if !found { length -= 1 }
                }
                i += max(1, length)
            }
        }

        // 2. Adjacent words joined, when the index knows the joined word.
        for i in tokens.indices.dropLast() {
            let a = tokens[i], b = tokens[i + 1]
            guard !a.isHangul, !b.isHangul, wordOf[i] != nil || wordOf[i + 1] != nil else { continue }
            let joined = TextAnalyzer.queryUnits(of: TextToken(text: a.text + b.text, range: a.range, isHangul: false), wordIndex: 0, isLast: false)
            guard joined.count == 1, inVocabulary(joined[0].forms) else { continue }
            let words = [wordOf[i], wordOf[i + 1]].compactMap { $0 }
            _ = add(span: words, [joined], factor: options.spellingFactor, oneForOne: false, to: &parsed, unitsOfWord)
        }

        // 3. A word split where the vocabulary has both halves (the most even cut).
        for (w, t) in chosen.enumerated() {
            let token = tokens[t]
            let characters = Array(token.text.indices)
            let count = characters.count
            guard !token.isHangul, (4...30).contains(count) else { continue }
            var best: [QueryUnit]?
            var bestShorter = 0
            for cut in 1..<count {
                let leftCount = cut, rightCount = count - cut
                let shorter = min(leftCount, rightCount)
                guard shorter > bestShorter, rightCount >= 2, leftCount >= 2 || rightCount >= 4 else { continue }
                let left = String(token.text[..<characters[cut]]), right = String(token.text[characters[cut]...])
                guard inVocabulary(left), !StopWords.anyLanguage(left), !StopWords.anyLanguage(right) else { continue }
                let parts = [left, right].enumerated().map {
                    TextAnalyzer.queryUnits(of: TextToken(text: $0.element, range: token.range, isHangul: false), wordIndex: $0.offset, isLast: false)[0]
                }
                guard parts.allSatisfy({ inVocabulary($0.forms) }) else { continue }
                best = parts
                bestShorter = shorter
            }
            if let best { _ = add(span: [w], [best], factor: options.spellingFactor, oneForOne: false, to: &parsed, unitsOfWord) }
        }
    }

    /// Adds a span of query words and its alternatives (each a list of units); false when
    /// nothing was added (no query word in the span, or no room for more units).
    private mutating func add(
        span words: [Int], _ alternativeUnits: [[QueryUnit]], factor: Double, oneForOne: Bool, to parsed: inout ParsedQuery,
        _ unitsOfWord: [Int: [Int]]
    ) -> Bool {
        guard !words.isEmpty else { return false }
        var textUnits: [Int] = []
        for w in Set(words) {
            guard let units = unitsOfWord[w] else { return false }
            textUnits += units
        }
        var span = Span(textMask: 0, words: Double(Set(words).count), alternatives: [])
        for u in textUnits { span.textMask |= 1 << UInt64(u) }
        var added = false
        for units in alternativeUnits where !units.isEmpty {
            if oneForOne, textUnits.count == 1, units.count == 1, !units[0].isHangul, !parsed.units[textUnits[0]].isHangul {
                extraForms[textUnits[0], default: []] += units[0].forms
                added = true
                continue
            }
            guard parsed.units.count + units.count <= ParsedQuery.maxUnits else { continue }
            let alternativeWords = Double(Set(units.map(\.wordIndex)).count)
            var alternative = Alternative(mask: 0, units: [])
            for var unit in units {
                unit.isLastWord = false
                let u = parsed.units.count
                parsed.units.append(unit)
                parsed.weights.append(factor * span.words / max(1, alternativeWords))
                parsed.fromText.append(false)
                alternative.mask |= 1 << UInt64(u)
                alternative.units.append(u)
            }
            if units.count > 1 { multiUnitMask |= alternative.mask }
            span.alternatives.append(alternatives.count)
            alternatives.append(alternative)
            added = true
        }
        if !span.alternatives.isEmpty {
            spans.append(span)
            spanTextMask |= span.textMask
        }
        return added
    }

    /// Applies the alternatives to one candidate: drops the bits of alternatives it matches
    /// only in part, adds the scores of complete multi-unit ones, and tells how much more of
    /// the query it covers through them and whether every span is matched (own words or an
    /// alternative).
    func resolve(
        mask: inout UInt64, raw: inout Double, contributions: [Int: [Int32: Float]], doc: Int32, wordShare: [Double]
    ) -> (extraCoverage: Double, everySpan: Bool) {
        var extra = 0.0
        var everySpan = true
        var complete = [Bool](repeating: false, count: alternatives.count)
        for (a, alternative) in alternatives.enumerated() where mask & alternative.mask != 0 {
            if mask & alternative.mask == alternative.mask {
                complete[a] = true
                if alternative.units.count > 1 {
                    for u in alternative.units { raw += Double(contributions[u]?[doc] ?? 0) }
                }
            } else {
                mask &= ~alternative.mask
            }
        }
        for span in spans {
            let viaAlternative = span.alternatives.contains { complete[$0] }
            if viaAlternative {
                var own = 0.0
                var bits = mask & span.textMask
                while bits != 0 {
                    own += wordShare[bits.trailingZeroBitCount]
                    bits &= bits - 1
                }
                extra += max(0, span.words - own)
            } else if mask & span.textMask != span.textMask {
                everySpan = false
            }
        }
        return (extra, everySpan)
    }
}
