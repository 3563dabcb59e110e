import Foundation

/// One search over one state of the index: expands query units into index terms, scores
/// posting lists, applies filters and visibility per candidate, keeps the top hits and
/// counts facets, then renders the page.
struct QueryExecution {
    let query: SearchQuery
    let viewer: SearchViewer
    let state: IndexState
    let options: RankingOptions
    let now: Double
    let parsed: ParsedQuery
    /// Synonyms, joined and split spellings of the query's words.
    let alternatives: QueryAlternatives
    /// The language code of the query's locale (`en`), for the locale policy and synonyms.
    let localeCode: String?

    /// Per unit: how much of a query word it stands for (Hangul words split into bigrams).
    let wordShare: [Double]
    let textWords: Int
    /// ``coordination(_:extraCoverage:)`` without extra coverage, per mask, when the query has
    /// at most ``coordinationTableUnits`` units (a division less per scored document).
    let coordinations: [Double]
    static let coordinationTableUnits = 6

    init(query: SearchQuery, viewer: SearchViewer, state: IndexState, options: RankingOptions, now: Double) {
        self.query = query
        self.viewer = viewer
        self.state = state
        self.options = options
        self.now = now
        var parsed = ParsedQuery(query, contextWeight: options.contextWeight)
        let localeCode = query.locale.map(SearchLocalePolicy.languageCode)
        self.localeCode = localeCode
        self.alternatives = QueryAlternatives(&parsed, synonyms: query.synonyms, localeCode: localeCode, state: state, options: options)
        self.parsed = parsed
        var perWord: [Int: Int] = [:]
        for (u, unit) in parsed.units.enumerated() where parsed.fromText[u] { perWord[unit.wordIndex, default: 0] += 1 }
        self.wordShare = parsed.units.indices.map { u in
            parsed.fromText[u] ? 1.0 / Double(perWord[parsed.units[u].wordIndex] ?? 1) : 0
        }
        self.textWords = perWord.count
        let units = parsed.units.count, share = wordShare, words = perWord.count, weight = options.coordinationWeight
        self.coordinations =
            units <= Self.coordinationTableUnits
            ? (0..<(UInt64(1) << UInt64(units))).map {
                Self.coordination($0, extraCoverage: 0, wordShare: share, textWords: words, weight: weight)
            } : []
    }

    /// One index term a unit expands to in one segment.
    struct Expansion {
        var term: Int32
        var factor: Double
        /// The BM25F weight of a match (idf × factor × unit weight × (k1 + 1)), set once the
        /// global document frequencies are known.
        var weight: Float = 0
    }

    /// Whether this search may skip documents that cannot enter the top hits (``QueryExecution/scorePruned``);
    /// `false` scores every match (the reference the pruned path is tested against).
    var allowsPruning = true

    /// Whether the pruned path computes exactly what the exhaustive one does for this query:
    /// no multi-word alternatives or phrases (their per-document rules need every match), and
    /// ranking options under which every factor grows with the text score.
    var canPrune: Bool {
        allowsPruning && alternatives.isEmpty && alternatives.multiUnitMask == 0 && parsed.phrases.isEmpty
            && options.prunesSafely && query.offset + query.limit > 0
    }

    mutating func run(scratch: inout ScoringScratch) -> SearchResults {
        let units = parsed.units
        if units.isEmpty {
            let filtered = query.types != nil || query.locales != nil || query.categories != nil || query.topics != nil
            return filtered ? browse() : SearchResults(hits: [], totalCount: 0)
        }

        // 1. Expansions per segment, and global document frequencies.
        var expansions: [[[Expansion]]] = []  // [segment][unit]
        var matchedTerms = Set<String>()
        var globalDF: [String: Int] = [:]
        var exactFrequency = [Int](repeating: 0, count: units.count)
        // Per segment, per unit: each form's term id, looked up once (the segment's filter turns most misses away).
        let formHashes = units.map { $0.forms.map(TermFilter.hash) }
        let formIDs: [[[Int32?]]] = state.segments.map { segment in
            units.indices.map { u in units[u].forms.indices.map { segment.termID(units[u].forms[$0], hash: formHashes[u][$0]) } }
        }
        for (s, segment) in state.segments.enumerated() {
            for u in units.indices {
                for case let id? in formIDs[s][u] { exactFrequency[u] += segment.postings[Int(id)].count }
            }
        }
        for (s, segment) in state.segments.enumerated() {
            let perUnit = units.indices.map {
                expand(
                    unit: $0, in: segment, formIDs: formIDs[s][$0], typos: exactFrequency[$0] < options.typoSkipFrequency,
                    scratch: &scratch)
            }
            for list in perUnit {
                for e in list { matchedTerms.insert(segment.terms[Int(e.term)]) }
            }
            expansions.append(perUnit)
        }
        // The forms' frequencies from the ids above; other matched terms (typos, prefixes, synonyms) by name.
        for (u, unit) in units.enumerated() {
            for (f, form) in unit.forms.enumerated() {
                var df = 0
                for s in state.segments.indices {
                    if let id = formIDs[s][u][f] { df += state.segments[s].postings[Int(id)].count }
                }
                if df > 0 { globalDF[form] = df }
            }
        }
        for term in matchedTerms where globalDF[term] == nil {
            globalDF[term] = state.segments.reduce(0) { $0 + $1.documentFrequency(term) }
        }
        let totalDocs = Double(max(1, state.segments.reduce(0) { $0 + $1.count }))
        let k1 = Float(options.k1)
        for s in expansions.indices {
            for u in expansions[s].indices {
                for i in expansions[s][u].indices {
                    let e = expansions[s][u][i]
                    let df = Double(globalDF[state.segments[s].terms[Int(e.term)]] ?? 1)
                    var idf = log(1 + (totalDocs - df + 0.5) / (df + 0.5))
                    if e.factor < 1, exactFrequency[u] > 0 {
                        // A variant (typo, prefix, compound part) never weighs more than the
                        // word as typed: rare misspellings must not outrank exact matches.
                        let exactDF = Double(exactFrequency[u])
                        idf = min(idf, log(1 + (totalDocs - exactDF + 0.5) / (exactDF + 0.5)))
                    }
                    expansions[s][u][i].weight = Float(idf * e.factor * parsed.weights[u]) * (k1 + 1)
                }
            }
        }

        // Units every match must contain.
        var requiredMask: UInt64 = 0
        if query.matching == .allWords {
            for u in units.indices where parsed.fromText[u] { requiredMask |= 1 << UInt64(u) }
            // A word with alternatives is required as "the word or one of its alternatives".
            requiredMask &= ~alternatives.spanTextMask
        }
        if !parsed.phrases.isEmpty {
            let phraseWords = Set(parsed.phrases.flatMap { $0.map(\.text) })
            for (u, unit) in units.enumerated() where parsed.fromText[u] {
                if phraseWords.contains(unit.word) || unit.isHangul && phraseWords.contains(where: { $0.contains(unit.word) }) {
                    requiredMask |= 1 << UInt64(u)
                }
            }
        }

        var top = TopHits(capacity: query.offset + query.limit, segments: state.segments)
        var total = 0
        var facetCounts: [SearchQuery.Facet: [String: Int]] = [:]
        let adjustments = QueryAdjustments(query, options: options)
        let pruning = canPrune

        // 2. Score each segment.
        for (s, segment) in state.segments.enumerated() {
            if pruning {
                scorePruned(
                    segment: s, expansions: expansions[s], requiredMask: requiredMask, adjustments: adjustments, top: &top,
                    total: &total, facetCounts: &facetCounts, scratch: &scratch)
                continue
            }
            scratch.ensure(documents: segment.count)
            let visibleKeys = visibleKeyIDs(in: segment)
            var candidates: [Int32] = []
            // Scores of units of multi-unit alternatives, added only when the alternative is complete.
            var contributions: [Int: [Int32: Float]] = [:]
            for u in units.indices {
                var unitTouched: [Int32] = []
                let stamp = Int32(u)
                for e in expansions[s][u] {
                    let weight = e.weight
                    let postings = segment.postings[Int(e.term)], weighted = segment.postingWeights[Int(e.term)]
                    if expansions[s][u].count == 1, alternatives.multiUnitMask & (1 << UInt64(u)) == 0 {
                        // One index term: its contribution is the unit's; add it in the same pass
                        // (the same sums as below, one slot access per posting instead of two).
                        let bit: UInt64 = 1 << UInt64(u)
                        for (i, p) in postings.enumerated() {
                            let d = Int(p.doc)
                            let contribution = Self.contribution(weight, weighted[i].weighted, k1)
                            if scratch.slots[d].matched == 0 { candidates.append(p.doc) }
                            scratch.slots[d].matched |= bit
                            scratch.slots[d].score += contribution
                        }
                        continue
                    }
                    for (i, p) in postings.enumerated() {
                        let d = Int(p.doc)
                        let contribution = Self.contribution(weight, weighted[i].weighted, k1)
                        if scratch.slots[d].unitStamp != stamp {
                            scratch.slots[d].unitStamp = stamp
                            scratch.slots[d].unitBest = contribution
                            unitTouched.append(p.doc)
                        } else if contribution > scratch.slots[d].unitBest {
                            scratch.slots[d].unitBest = contribution
                        }
                    }
                }
                let deferred = alternatives.multiUnitMask & (1 << UInt64(u)) != 0
                for doc in unitTouched {
                    let d = Int(doc)
                    if scratch.slots[d].matched == 0 { candidates.append(doc) }
                    scratch.slots[d].matched |= 1 << UInt64(u)
                    if deferred {
                        contributions[u, default: [:]][doc] = scratch.slots[d].unitBest
                    } else {
                        scratch.slots[d].score += scratch.slots[d].unitBest
                    }
                }
            }

            let deleted = state.deleted[s]
            // Promoted documents join the candidates even without a word match.
            let promotedHere = Set(adjustments.promotedDocuments(in: segment, deleted: deleted))
            for doc in promotedHere where scratch.slots[Int(doc)].matched == 0 { candidates.append(doc) }
            let filter = SegmentFilter(query: query, segment: segment)
            var facetTally = [Int](repeating: 0, count: query.facets.isEmpty ? 0 : segment.valueNames.count)
            let localValues = localValueFlags(in: segment)
            let maxBoost = staticBound(adjustments)
            for doc in candidates {
                let d = Int(doc)
                var mask = scratch.slots[d].matched
                var raw = Double(scratch.slots[d].score)
                scratch.slots[d] = ScoreSlot()
                let promotedScore =
                    !promotedHere.isEmpty && promotedHere.contains(doc) ? adjustments.promotedScore(segment.documents[d].key) : nil
                var extraCoverage = 0.0
                if !alternatives.isEmpty {
                    let resolved = alternatives.resolve(mask: &mask, raw: &raw, contributions: contributions, doc: doc, wordShare: wordShare)
                    if promotedScore == nil {
                        guard mask != 0, resolved.everySpan || query.matching != .allWords else { continue }
                    }
                    extraCoverage = resolved.extraCoverage
                }
                guard !deleted[d], promotedScore != nil || mask & requiredMask == requiredMask else { continue }
                guard filter.admits(d, segment), isVisible(segment, d, visibleKeys) else { continue }
                if promotedScore == nil, !parsed.phrases.isEmpty, !containsPhrases(segment.documents[d]) { continue }
                total += 1
                if promotedScore == nil { scratch.fullyScored += 1 }
                if !facetTally.isEmpty { tallyFacets(segment, d, into: &facetTally) }
                if let promotedScore {
                    if top.admits(promotedScore) {
                        top.offer(TopHits.Entry(score: promotedScore, segment: s, doc: doc))
                    }
                    continue
                }
                var score = raw * coordination(mask, extraCoverage: extraCoverage)
                if !adjustments.boosts.isEmpty { score *= adjustments.boost(segment.documents[d].key) }
                guard top.admits(score * maxBoost) else { continue }
                score = documentFactors(score, segment, d, localValues: localValues)
                if top.admits(score) {
                    top.offer(TopHits.Entry(score: score, segment: s, doc: doc))
                }
            }
            addFacets(facetTally, segment, into: &facetCounts)
        }

        // 3. Render the page.
        let page = top.sorted().dropFirst(query.offset)
        // Every hit's row and title are read first: plain reads of several hits overlap, whereas the
        // reference counting of the copies below would wait for one memory miss after another.
        var lead: UInt8 = 0
        for entry in page { lead |= state.segments[entry.segment].titleLead(Int(entry.doc)) }
        withExtendedLifetime(lead) {}
        let hits = page.map { entry -> SearchHit in
            let segment = state.segments[entry.segment]
            let d = Int(entry.doc)
            let language = segment.languages[d]
            // The fields one by one, read in place: a copy of the whole document would retain every field of it.
            return segment.documents.withUnsafeBufferPointer { rows in
                let title = rows[d].title
                var titleHTML = Highlighter.escape(title[...])
                var snippet = ""
                if query.highlight {
                    let summary = rows[d].summary, body = rows[d].body
                    titleHTML = Highlighter.mark(title, language: language, matched: matchedTerms)
                    let summaryHits = Tokenizer.tokens(summary).contains {
                        Highlighter.isHit($0, language: language, matched: matchedTerms)
                    }
                    let source = summaryHits || body.isEmpty ? summary : body
                    snippet = Highlighter.snippet(source, language: language, matched: matchedTerms)
                }
                let key = rows[d].key
                var hit = SearchHit(
                    key: key, locale: rows[d].locale, title: title, path: rows[d].path,
                    score: entry.score, titleHTML: titleHTML, snippetHTML: snippet)
                hit.isPromoted = !adjustments.promotedRank.isEmpty && adjustments.promotedRank[key] != nil
                return hit
            }
        }
        return SearchResults(hits: Array(hits), totalCount: total, facets: Self.sortedFacets(facetCounts))
    }

    /// A query without words but with filters lists every visible match, newest and most
    /// popular first (topic pages, category listings).
    func browse() -> SearchResults {
        var top = TopHits(capacity: query.offset + query.limit, segments: state.segments)
        var total = 0
        var facetCounts: [SearchQuery.Facet: [String: Int]] = [:]
        for (s, segment) in state.segments.enumerated() {
            let visibleKeys = visibleKeyIDs(in: segment)
            let filter = SegmentFilter(query: query, segment: segment)
            var facetTally = [Int](repeating: 0, count: query.facets.isEmpty ? 0 : segment.valueNames.count)
            for d in 0..<segment.count where !state.deleted[s][d] {
                guard filter.admits(d, segment), isVisible(segment, d, visibleKeys) else { continue }
                total += 1
                if !facetTally.isEmpty { tallyFacets(segment, d, into: &facetTally) }
                let ageDays = max(0, now - segment.updatedAt[d]) / 86_400
                let score =
                    (1 + exp2(-ageDays / max(0.001, options.recencyHalfLifeDays)))
                    * (1 + min(1, log1p(segment.popularity[d]) / 10))
                if top.admits(score) {
                    top.offer(TopHits.Entry(score: score, segment: s, doc: Int32(d)))
                }
            }
            addFacets(facetTally, segment, into: &facetCounts)
        }
        let hits = top.sorted().dropFirst(query.offset).map { entry -> SearchHit in
            let document = state.segments[entry.segment].documents[Int(entry.doc)]
            let escapedTitle = Highlighter.escape(document.title[...])
            let snippet = query.highlight ? Highlighter.escape((document.summary.isEmpty ? document.body : document.summary).prefix(200)) : ""
            return SearchHit(
                key: document.key, locale: document.locale, title: document.title, path: document.path, score: entry.score,
                titleHTML: escapedTitle, snippetHTML: snippet)
        }
        return SearchResults(hits: Array(hits), totalCount: total, facets: Self.sortedFacets(facetCounts))
    }

    func addFacets(_ tally: [Int], _ segment: IndexSegment, into counts: inout [SearchQuery.Facet: [String: Int]]) {
        for (v, n) in tally.enumerated() where n > 0 {
            let name = segment.valueNames[v]
            let facet: SearchQuery.Facet
            switch name.first {
            case "l": facet = .locale
            case "t": facet = .type
            case "c": facet = .category
            default: facet = .topic
            }
            guard query.facets.contains(facet) else { continue }
            counts[facet, default: [:]][String(name.dropFirst(2)), default: 0] += n
        }
    }

    static func sortedFacets(_ counts: [SearchQuery.Facet: [String: Int]]) -> [SearchQuery.Facet: [FacetCount]] {
        var facets: [SearchQuery.Facet: [FacetCount]] = [:]
        for (facet, values) in counts {
            facets[facet] = values.map { FacetCount(value: $0.key, count: $0.value) }
                .sorted { $0.count != $1.count ? $0.count > $1.count : $0.value < $1.value }
        }
        return facets
    }

    // MARK: Expansion

    /// The index terms unit `u` stands for in `segment`; `formIDs` are the ids of its forms there (nil: not a term).
    func expand(unit u: Int, in segment: IndexSegment, formIDs: [Int32?], typos allowTypos: Bool, scratch: inout ScoringScratch)
        -> [Expansion]
    {
        let unit = parsed.units[u]
        var exact: [Int32: Double] = [:]
        for case let id? in formIDs { exact[id] = 1 }
        let isText = parsed.fromText[u]
        var extra: [Int32: Double] = [:]
        func offer(_ id: Int32, _ factor: Double) {
            guard exact[id] == nil else { return }
            if factor > extra[id] ?? 0 { extra[id] = factor }
        }
        for form in alternatives.extraForms[u] ?? [] {
            if let id = segment.termIDs[form] { offer(id, options.synonymFactor) }
        }
        let length = unit.word.count
        let limit = options.maxExpansions
        if unit.isHangul {
            if isText, length == 1 {
                for id in segment.termsWithPrefix(unit.word, limit: limit * 4) { offer(id, options.compoundFactor) }
                for id in segment.termsWithSuffix(unit.word, limit: limit * 4) { offer(id, options.compoundFactor) }
            }
            if isText, query.typoTolerance, allowTypos, length == 2 {
                for id in segment.hangulTypoNeighbours(of: unit.word, limit: limit * 8) { offer(id, options.oneTypoFactor) }
            }
        } else if isText {
            if query.prefixLastWord, unit.isLastWord {
                for id in segment.termsWithPrefix(unit.word, limit: limit * 8) { offer(id, options.prefixFactor) }
            }
            if length >= 4, parsed.language == nil || parsed.language == .german {
                for id in segment.termsWithPrefix(unit.word, limit: limit * 8)
                where segment.terms[Int(id)].count >= length + 3 {
                    offer(id, options.compoundFactor)
                }
                for id in segment.termsWithSuffix(unit.word, limit: limit * 8)
                where segment.terms[Int(id)].count >= length + 3 {
                    offer(id, options.compoundFactor)
                }
            }
            let typos = EditDistance.allowedTypos(forLength: length)
            if query.typoTolerance, allowTypos, typos > 0 {
                let scalars = Array(unit.word.unicodeScalars)
                for (id, distance) in segment.typoNeighbours(of: scalars, maxTypos: typos, counters: &scratch.typoCounters) {
                    offer(id, distance == 1 ? options.oneTypoFactor : options.twoTypoFactor)
                }
            }
        }
        var out = exact.map { Expansion(term: $0.key, factor: $0.value) }
        if !extra.isEmpty {
            let ranked = extra.sorted { a, b in
                if a.value != b.value { return a.value > b.value }
                let da = segment.postings[Int(a.key)].count, db = segment.postings[Int(b.key)].count
                return da != db ? da > db : a.key < b.key
            }
            out += ranked.prefix(limit).map { Expansion(term: $0.key, factor: $0.value) }
        }
        return out
    }

    // MARK: Filters and visibility

    func visibleKeyIDs(in segment: IndexSegment) -> [Bool] {
        var visible = [Bool](repeating: false, count: segment.accessKeys.count)
        guard !viewer.isUnrestricted else { return visible }
        if viewer.keys.count < segment.accessKeys.count {
            for key in viewer.keys { if let id = segment.accessKeys[key] { visible[Int(id)] = true } }
        } else {
            for (key, id) in segment.accessKeys where viewer.keys.contains(key) { visible[Int(id)] = true }
        }
        return visible
    }

    /// Per value id of a segment: whether it is a locale in the query's language (empty when the
    /// locale policy gives such documents no factor).
    func localValueFlags(in segment: IndexSegment) -> [Bool] {
        guard let localeCode, options.localePolicy.localFactor > 1 else { return [] }
        var flags = [Bool](repeating: false, count: segment.valueNames.count)
        for (id, language) in segment.localeLanguages where language == localeCode { flags[Int(id)] = true }
        return flags
    }

    // MARK: Score arithmetic (shared by the exhaustive and the pruned path, so both compute the same numbers)

    /// One posting's BM25F contribution: `weight` × saturated weighted term frequency.
    @inline(__always)
    static func contribution(_ weight: Float, _ tf: Float, _ k1: Float) -> Float {
        weight * tf / (tf + k1)
    }

    /// How much of the query the matched units cover, as the coordination factor the text
    /// score is multiplied by (`1 - w + w × coverage²`).
    @inline(__always)
    func coordination(_ mask: UInt64, extraCoverage: Double = 0) -> Double {
        if extraCoverage == 0, mask < UInt64(coordinations.count) { return coordinations[Int(mask)] }
        return Self.coordination(
            mask, extraCoverage: extraCoverage, wordShare: wordShare, textWords: textWords, weight: options.coordinationWeight)
    }

    /// The coordination factor of `mask` (see the instance method).
    static func coordination(_ mask: UInt64, extraCoverage: Double, wordShare: [Double], textWords: Int, weight: Double) -> Double {
        var coverage = 0.0
        if textWords > 0 {
            var bits = mask
            while bits != 0 {
                let u = bits.trailingZeroBitCount
                coverage += wordShare[u]
                bits &= bits - 1
            }
            coverage = min(1, (coverage + extraCoverage) / Double(textWords))
        } else {
            coverage = 1
        }
        return 1 - weight + weight * coverage * coverage
    }

    /// The product of the largest factors a document's score can get besides its text score:
    /// click boost, locale, recency and popularity.
    func staticBound(_ adjustments: QueryAdjustments) -> Double {
        let localFactor = localeCode == nil ? 1 : options.localePolicy.localFactor
        return localFactor * (1 + max(0, options.recencyBoost)) * (1 + max(0, options.popularityBoost)) * adjustments.maxBoost
    }

    /// Applies a document's locale, recency and popularity factors to `score`.
    @inline(__always)
    func documentFactors(_ score: Double, _ segment: IndexSegment, _ d: Int, localValues: [Bool]) -> Double {
        var score = score
        if !localValues.isEmpty, localValues[Int(segment.localeOf[d])] { score *= options.localePolicy.localFactor }
        if options.recencyBoost > 0 {
            let ageDays = max(0, now - segment.updatedAt[d]) / 86_400
            score *= 1 + options.recencyBoost * exp2(-ageDays / max(0.001, options.recencyHalfLifeDays))
        }
        if options.popularityBoost > 0, segment.popularity[d] > 0 {
            score *= 1 + options.popularityBoost * min(1, log1p(segment.popularity[d]) / 10)
        }
        return score
    }

    func isVisible(_ segment: IndexSegment, _ d: Int, _ visibleKeys: [Bool]) -> Bool {
        if viewer.isUnrestricted { return true }
        for clause in segment.visibility[d] where !clause.contains(where: { visibleKeys[Int($0)] }) { return false }
        return true
    }

    func tallyFacets(_ segment: IndexSegment, _ d: Int, into tally: inout [Int]) {
        tally[Int(segment.localeOf[d])] += 1
        tally[Int(segment.typeOf[d])] += 1
        for c in Set(segment.categoriesOf[d]) { tally[Int(c)] += 1 }
        for t in Set(segment.topicsOf[d]) { tally[Int(t)] += 1 }
    }

    /// Whether every quoted phrase occurs, word after word, in one field of the document.
    func containsPhrases(_ document: SearchDocument) -> Bool {
        let fields = [document.title, document.summary, document.body].map(Tokenizer.tokens)
        return parsed.phrases.allSatisfy { phrase in
            fields.contains { tokens in
                guard tokens.count >= phrase.count else { return false }
                return (0...(tokens.count - phrase.count)).contains { start in
                    phrase.indices.allSatisfy { TextAnalyzer.tokensMatch(phrase[$0], tokens[start + $0]) }
                }
            }
        }
    }
}
