import Foundation
import Synchronization

/// An immutable slice of the index: documents, their posting lists and the vocabulary
/// structures for typo, prefix and compound lookups. Built once, read without locks.
final class IndexSegment: Sendable {
    let uid: Int
    let documents: [SearchDocument]
    let languages: [ContentLanguage]
    let lengths: [(Int, Int, Int)]
    let keyIndex: [SearchDocumentKey: Int32]
    /// Per document: normalisation factors for title, summary and body, field weights folded in.
    let norms: [SIMD4<Float>]
    /// Per term, per posting: the posting's field frequencies weighted by its document's norms
    /// (what BM25F saturates), worked out once per segment so a search reads postings in order
    /// instead of each document's norms; and the document's ``factorCeilings`` entry, so a
    /// top-k search reads it in order too. One array per term for both.
    let postingWeights: [[PostingWeight]]

    /// What a search reads per posting besides the document id.
    struct PostingWeight: Sendable, Equatable {
        /// The norm-weighted field frequency.
        var weighted: Float
        /// The document's recency × popularity ceiling.
        var ceiling: Float
    }
    /// Per term: the largest of its weighted frequencies (the term's best BM25F saturation input in this
    /// segment), the per-term upper bound that lets a top-k search skip documents it cannot rank.
    let maxTFWeights: [Float]
    let updatedAt: [Double]
    let popularity: [Double]
    /// The newest ``updatedAt`` of the segment.
    let recencyReference: Double
    /// Per document: its recency and popularity factors multiplied, with its age counted at
    /// ``recencyReference``; a ceiling on those factors for any search at or after that time
    /// (a document only gets older), read by top-k scoring to skip documents cheaply.
    let factorCeilings: [Float]
    /// Per document: visibility clauses as ids into ``accessKeys``.
    let visibility: [[[Int32]]]
    /// Whether any document carries visibility clauses (false: every viewer sees every document).
    let hasRestrictedDocuments: Bool
    let accessKeys: [String: Int32]
    /// Facet and filter values, interned: per document ids into ``values``.
    let localeOf: [Int32]
    let typeOf: [Int32]
    let categoriesOf: [[Int32]]
    let topicsOf: [[Int32]]
    let values: [String: Int32]
    let valueNames: [String]
    /// The locale values among ``values``: their ids and language codes (`en`), so a search
    /// finds the documents local to its query without reading every value name.
    let localeLanguages: [(value: Int32, language: String)]
    let termIDs: [String: Int32]
    /// A Bloom filter over ``terms``, asked before ``termIDs`` (``termID(_:hash:)``).
    let termFilter: TermFilter
    let terms: [String]
    let postings: [[Posting]]
    /// Term ids ordered by the term's UTF-8 bytes (prefix ranges).
    let sortedTerms: [Int32]
    /// Term ids ordered by the term's reversed UTF-8 bytes (suffix ranges).
    let reversedTerms: [Int32]
    let reversedBytes: [[UInt8]]
    /// Padded character bigram → ids of non-Hangul terms containing it (typo candidates).
    let gramIndex: [UInt64: [Int32]]
    /// Term characters, for the edit-distance check (empty for terms never typo-matched).
    let termScalars: [[Unicode.Scalar]]

    var count: Int { documents.count }

    /// Builds a segment from freshly analysed documents.
    convenience init(uid: Int, documents: [AnalyzedDocument], options: RankingOptions) {
        var termIDs: [String: Int32] = [:]
        var terms: [String] = []
        var postings: [[Posting]] = []
        for (d, doc) in documents.enumerated() {
            for (term, tf) in doc.terms {
                let id: Int32
                if let existing = termIDs[term] {
                    id = existing
                } else {
                    id = Int32(terms.count)
                    termIDs[term] = id
                    terms.append(term)
                    postings.append([])
                }
                postings[Int(id)].append(Posting(doc: Int32(d), tf: tf))
            }
        }
        self.init(
            uid: uid, documents: documents.map(\.document), languages: documents.map(\.language),
            lengths: documents.map(\.lengths), termIDs: termIDs, terms: terms, postings: postings, options: options)
    }

    /// Builds a segment from documents just analysed with `cache` (their ``AnalyzedDocument/termRefs``
    /// name its terms): terms are numbered through an array indexed by the cache's ids, and each
    /// term's characters, bigrams and sort keys come from the cache's ``TermShape``, worked out
    /// once per term rather than once per segment. The same segment as ``init(uid:documents:options:)``.
    convenience init(uid: Int, documents: [AnalyzedDocument], shapes cache: IndexTermCache, options: RankingOptions) {
        let shapes = cache.shapes
        var local = [Int32](repeating: -1, count: shapes.count)
        var refs: [Int32] = []
        var terms: [String] = []
        // Terms numbered in first-seen order and their postings counted, then every posting put
        // in its term's place in one flat array (in document order per term) and each term's list
        // made from its slice at its exact size, instead of growing one array per term.
        var starts: [Int] = []
        var total = 0
        for doc in documents {
            for (k, ref) in doc.termRefs.enumerated() {
                var id = local[Int(ref)]
                if id < 0 {
                    id = Int32(truncatingIfNeeded: terms.count)
                    local[Int(ref)] = id
                    refs.append(ref)
                    terms.append(doc.terms[k].0)
                    starts.append(0)
                }
                starts[Int(id)] += 1
            }
            total += doc.termRefs.count
        }
        var next = 0
        for t in starts.indices {
            let n = starts[t]
            starts[t] = next
            next += n
        }
        starts.append(next)
        var fill = starts
        let flat = [Posting](unsafeUninitializedCapacity: total) { buffer, initialized in
            for (d, doc) in documents.enumerated() {
                for (k, ref) in doc.termRefs.enumerated() {
                    let t = Int(local[Int(ref)])
                    buffer[fill[t]] = Posting(doc: Int32(truncatingIfNeeded: d), tf: doc.terms[k].1)  // a trivial type: assigning initialises
                    fill[t] += 1
                }
            }
            initialized = total
        }
        let postings: [[Posting]] = (0..<terms.count).map { t in Array(flat[starts[t]..<starts[t + 1]]) }
        var termIDs = [String: Int32](minimumCapacity: terms.count)
        for (i, term) in terms.enumerated() { termIDs[term] = Int32(truncatingIfNeeded: i) }
        var grams: [UInt64: [Int32]] = [:]
        var scalars: [[Unicode.Scalar]] = []
        var reversedBytes: [[UInt8]] = []
        scalars.reserveCapacity(terms.count)
        reversedBytes.reserveCapacity(terms.count)
        // Typo bigrams: every (key, term) pair gathered, sorted by key and then term id, and each key's
        // list made from its run at its exact size: one dictionary insert per key instead of one
        // lookup and append per pair. Each list holds its terms in ascending id order, as before.
        var pairs: [(key: UInt64, term: Int32)] = []
        pairs.reserveCapacity(refs.count * 8)
        for (i, ref) in refs.enumerated() {
            // Field by field: a copy of the whole shape would retain each of its arrays.
            let r = Int(ref)
            scalars.append(shapes[r].scalars)
            reversedBytes.append(shapes[r].reversedBytes)
            for key in shapes[r].gramKeys { pairs.append((key, Int32(truncatingIfNeeded: i))) }
        }
        GramPairSort.sortByKey(&pairs)  // made in ascending term order: by key, then term
        var distinct = 0
        for k in pairs.indices where k == 0 || pairs[k].key != pairs[k - 1].key { distinct += 1 }
        grams.reserveCapacity(distinct)
        var runStart = 0
        while runStart < pairs.count {
            let key = pairs[runStart].key
            var runEnd = runStart + 1
            while runEnd < pairs.count, pairs[runEnd].key == key { runEnd += 1 }
            grams[key] = pairs[runStart..<runEnd].map(\.term)
            runStart = runEnd
        }
        // Sorted by the 8-byte keys, kept beside the ids; bytes are compared only on equal keys.
        var byKey = refs.enumerated().map { (key: shapes[Int($1)].sortKey, term: Int32(truncatingIfNeeded: $0)) }
        byKey.sort { x, y in
            if x.key != y.key { return x.key < y.key }
            return terms[Int(x.term)].utf8.lexicographicallyPrecedes(terms[Int(y.term)].utf8)
        }
        let sorted = byKey.map(\.term)
        var byReversedKey = refs.enumerated().map { (key: shapes[Int($1)].reversedSortKey, term: Int32(truncatingIfNeeded: $0)) }
        byReversedKey.sort { x, y in
            if x.key != y.key { return x.key < y.key }
            return reversedBytes[Int(x.term)].lexicographicallyPrecedes(reversedBytes[Int(y.term)])
        }
        let reversedOrder = byReversedKey.map(\.term)
        self.init(
            uid: uid, documents: documents.map(\.document), languages: documents.map(\.language),
            lengths: documents.map(\.lengths), termIDs: termIDs, terms: terms, postings: postings, options: options,
            sortedTerms: sorted, reversedTerms: reversedOrder, typo: (reversedBytes, grams, scalars))
    }

    /// Merges the live documents of two segments without analysing text again: posting
    /// lists are concatenated with renumbered documents.
    convenience init(uid: Int, merging a: IndexSegment, keeping keepA: [Bool], _ b: IndexSegment, keeping keepB: [Bool], options: RankingOptions) {
        if !keepA.contains(false) {
            self.init(uid: uid, appending: [(segment: b, keeping: keepB)], to: a, options: options)
            return
        }
        var documents: [SearchDocument] = []
        var languages: [ContentLanguage] = []
        var lengths: [(Int, Int, Int)] = []
        var remapA = [Int32](repeating: -1, count: a.count), remapB = [Int32](repeating: -1, count: b.count)
        for (segment, keep, isA) in [(a, keepA, true), (b, keepB, false)] {
            for d in 0..<segment.count where keep[d] {
                let n = Int32(documents.count)
                if isA { remapA[d] = n } else { remapB[d] = n }
                documents.append(segment.documents[d])
                languages.append(segment.languages[d])
                lengths.append(segment.lengths[d])
            }
        }
        var termIDs = [String: Int32](minimumCapacity: a.terms.count + b.terms.count / 2)
        var terms: [String] = []
        var postings: [[Posting]] = []
        // Old term id → new term id (-1: dropped), per side; terms first seen in `b` get ids from `firstFromB`.
        var termMaps = [[Int32](repeating: -1, count: a.terms.count), [Int32](repeating: -1, count: b.terms.count)]
        var firstFromB: Int32 = 0
        for (side, (segment, remap)) in [(a, remapA), (b, remapB)].enumerated() {
            if side == 1 { firstFromB = Int32(terms.count) }
            for (t, list) in segment.postings.enumerated() {
                var kept: [Posting] = []
                kept.reserveCapacity(list.count)
                for p in list {
                    let n = remap[Int(p.doc)]
                    if n >= 0 { kept.append(Posting(doc: n, tf: p.tf)) }
                }
                guard !kept.isEmpty else { continue }
                let term = segment.terms[t]
                if let id = termIDs[term] {
                    postings[Int(id)].append(contentsOf: kept)
                    termMaps[side][t] = id
                } else {
                    let id = Int32(terms.count)
                    termIDs[term] = id
                    terms.append(term)
                    postings.append(kept)
                    termMaps[side][t] = id
                }
            }
        }
        // The typo structures of both sides carry over: renumber instead of recomputing.
        var scalars = [[Unicode.Scalar]](repeating: [], count: terms.count)
        var reversedBytes = [[UInt8]](repeating: [], count: terms.count)
        var grams: [UInt64: [Int32]] = [:]
        grams.reserveCapacity(max(a.gramIndex.count, b.gramIndex.count))
        for (side, segment) in [a, b].enumerated() {
            let map = termMaps[side]
            for (t, n) in map.enumerated() where n >= 0 && (side == 0 || n >= firstFromB) {
                scalars[Int(n)] = segment.termScalars[t]
                reversedBytes[Int(n)] = segment.reversedBytes[t]
            }
            for (key, list) in segment.gramIndex {
                var mapped: [Int32] = []
                for id in list {
                    let n = map[Int(id)]
                    if n >= 0, side == 0 || n >= firstFromB { mapped.append(n) }
                }
                if !mapped.isEmpty { grams[key, default: []].append(contentsOf: mapped) }
            }
        }
        // Both vocabularies are already ordered: merge the orders instead of sorting again.
        func mergeOrders(_ x: [Int32], _ xs: IndexSegment, _ y: [Int32], _ ys: IndexSegment, reversed: Bool) -> [Int32] {
            func precedes(_ p: IndexSegment, _ i: Int32, _ q: IndexSegment, _ j: Int32) -> Bool {
                reversed
                    ? p.reversedBytes[Int(i)].lexicographicallyPrecedes(q.reversedBytes[Int(j)])
                    : p.terms[Int(i)].utf8.lexicographicallyPrecedes(q.terms[Int(j)].utf8)
            }
            var out: [Int32] = []
            out.reserveCapacity(terms.count)
            var seen = [Bool](repeating: false, count: terms.count)
            func emit(_ seg: IndexSegment, _ id: Int32) {
                let n = termMaps[seg === xs ? 0 : 1][Int(id)]
                guard n >= 0, !seen[Int(n)] else { return }
                seen[Int(n)] = true
                out.append(n)
            }
            var i = 0, j = 0
            while i < x.count, j < y.count {
                if precedes(ys, y[j], xs, x[i]) {
                    emit(ys, y[j]); j += 1
                } else {
                    emit(xs, x[i]); i += 1
                }
            }
            while i < x.count { emit(xs, x[i]); i += 1 }
            while j < y.count { emit(ys, y[j]); j += 1 }
            return out
        }
        let sorted = mergeOrders(a.sortedTerms, a, b.sortedTerms, b, reversed: false)
        let reversedOrder = mergeOrders(a.reversedTerms, a, b.reversedTerms, b, reversed: true)
        self.init(
            uid: uid, documents: documents, languages: languages, lengths: lengths, termIDs: termIDs, terms: terms,
            postings: postings, options: options, sortedTerms: sorted, reversedTerms: reversedOrder,
            typo: (reversedBytes, grams, scalars))
    }

    /// Merges the live documents of `parts`, oldest first, into one segment: the same segment, term
    /// ids included, as merging them two at a time from the oldest (the first with the second, the
    /// result with the third, …), but built once instead of once per step: when every document of the
    /// oldest is live, it is extended in place of being rebuilt (see the appending merge). Nil for
    /// fewer than two parts.
    static func merging(uid: Int, _ parts: [(segment: IndexSegment, keeping: [Bool])], options: RankingOptions) -> IndexSegment? {
        guard parts.count >= 2 else { return nil }
        let (first, keepFirst) = parts[0]
        if !keepFirst.contains(false) {
            return IndexSegment(uid: uid, appending: Array(parts.dropFirst()), to: first, options: options)
        }
        // Deleted documents in the oldest: the general merge with the second, then the rest appended.
        let (second, keepSecond) = parts[1]
        let base = IndexSegment(uid: uid, merging: first, keeping: keepFirst, second, keeping: keepSecond, options: options)
        guard parts.count > 2 else { return base }
        return IndexSegment(uid: uid, appending: Array(parts.dropFirst(2)), to: base, options: options)
    }

    /// Merges each of `newer` into `a`, in order, when every document of `a` is live: `a`'s documents,
    /// term ids, posting lists and typo structures carry over as they are (shared until written), and
    /// only the newer segments' live documents and their terms are added; `a`'s vocabulary is neither
    /// rehashed nor re-sorted. The same segment, term ids included, as the general merge (taken one
    /// newer segment at a time).
    private convenience init(uid: Int, appending newer: [(segment: IndexSegment, keeping: [Bool])], to a: IndexSegment, options: RankingOptions) {
        var documents = a.documents, languages = a.languages, lengths = a.lengths
        var termIDs = a.termIDs, terms = a.terms, postings = a.postings
        var scalars = a.termScalars, reversedBytes = a.reversedBytes, grams = a.gramIndex
        var sorted = a.sortedTerms, reversedOrder = a.reversedTerms
        var added = 0
        for part in newer { added += part.segment.count }
        documents.reserveCapacity(documents.count + added)
        languages.reserveCapacity(languages.count + added)
        lengths.reserveCapacity(lengths.count + added)
        var seen = Set<UInt64>()
        for (b, keepB) in newer {
            var remapB = [Int32](repeating: -1, count: b.count)
            for d in 0..<b.count where keepB[d] {
                remapB[d] = Int32(truncatingIfNeeded: documents.count)
                documents.append(b.documents[d])
                languages.append(b.languages[d])
                lengths.append(b.lengths[d])
            }
            let firstNew = Int32(truncatingIfNeeded: terms.count)
            var newIDs = [Int32](repeating: -1, count: b.terms.count)  // b's term id → id of a term new so far
            for (t, list) in b.postings.enumerated() {
                var kept: [Posting] = []
                kept.reserveCapacity(list.count)
                for p in list {
                    let n = remapB[Int(p.doc)]
                    if n >= 0 { kept.append(Posting(doc: n, tf: p.tf)) }
                }
                guard !kept.isEmpty else { continue }
                let term = b.terms[t]
                if let id = termIDs[term] {
                    postings[Int(id)].append(contentsOf: kept)
                } else {
                    let id = Int32(truncatingIfNeeded: terms.count)
                    termIDs[term] = id
                    terms.append(term)
                    postings.append(kept)
                    scalars.append(b.termScalars[t])
                    reversedBytes.append(b.reversedBytes[t])
                    newIDs[t] = id
                }
            }
            // Typo bigrams of the new terms only (a term's characters decide them).
            for n in firstNew..<Int32(truncatingIfNeeded: terms.count) {
                let s = scalars[Int(n)]
                guard !s.isEmpty else { continue }
                seen.removeAll(keepingCapacity: true)
                for g in Self.grams(s) where seen.insert(g).inserted { grams[Self.gramKey(g, length: s.count), default: []].append(n) }
            }
            // Both orders: the ones so far as they are, merged with b's new terms in b's order.
            func merged(_ old: [Int32], _ added: [Int32], _ precedes: (Int32, Int32) -> Bool) -> [Int32] {
                guard !added.isEmpty else { return old }
                var out: [Int32] = []
                out.reserveCapacity(old.count + added.count)
                var i = 0, j = 0
                while i < old.count, j < added.count {
                    if precedes(added[j], old[i]) {
                        out.append(added[j]); j += 1
                    } else {
                        out.append(old[i]); i += 1
                    }
                }
                out.append(contentsOf: old[i...])
                out.append(contentsOf: added[j...])
                return out
            }
            let addedSorted = b.sortedTerms.compactMap { newIDs[Int($0)] >= 0 ? newIDs[Int($0)] : nil }
            let addedReversed = b.reversedTerms.compactMap { newIDs[Int($0)] >= 0 ? newIDs[Int($0)] : nil }
            sorted = merged(sorted, addedSorted) { terms[Int($0)].utf8.lexicographicallyPrecedes(terms[Int($1)].utf8) }
            reversedOrder = merged(reversedOrder, addedReversed) {
                reversedBytes[Int($0)].lexicographicallyPrecedes(reversedBytes[Int($1)])
            }
        }
        self.init(
            uid: uid, documents: documents, languages: languages, lengths: lengths, termIDs: termIDs, terms: terms,
            postings: postings, options: options, sortedTerms: sorted, reversedTerms: reversedOrder,
            typo: (reversedBytes, grams, scalars), base: a)
    }

    private init(
        uid: Int, documents: [SearchDocument], languages: [ContentLanguage], lengths: [(Int, Int, Int)],
        termIDs: [String: Int32], terms: [String], postings: [[Posting]], options: RankingOptions,
        sortedTerms: [Int32]? = nil, reversedTerms: [Int32]? = nil,
        typo: (reversedBytes: [[UInt8]], grams: [UInt64: [Int32]], scalars: [[Unicode.Scalar]])? = nil,
        base: IndexSegment? = nil
    ) {
        // `base`: a segment whose documents are the first `base.count` of `documents`, in order;
        // their keys, visibility, interned values, dates and popularity are taken from it.
        let carried = base.map { $0.count <= documents.count ? $0.count : 0 } ?? 0
        self.uid = uid
        self.documents = documents
        self.languages = languages
        self.lengths = lengths
        self.termIDs = termIDs
        self.terms = terms
        self.postings = postings
        var keyIndex: [SearchDocumentKey: Int32] = carried > 0 ? base?.keyIndex ?? [:] : [:]
        var accessKeys: [String: Int32] = carried > 0 ? base?.accessKeys ?? [:] : [:]
        var visibility: [[[Int32]]] = carried > 0 ? base?.visibility ?? [] : []
        var values: [String: Int32] = carried > 0 ? base?.values ?? [:] : [:]
        var valueNames: [String] = carried > 0 ? base?.valueNames ?? [] : []
        func intern(_ value: String) -> Int32 {
            if let v = values[value] { return v }
            let v = Int32(valueNames.count)
            values[value] = v
            valueNames.append(value)
            return v
        }
        var localeOf: [Int32] = [], typeOf: [Int32] = [], categoriesOf: [[Int32]] = [], topicsOf: [[Int32]] = []
        var updatedAt: [Double] = [], popularity: [Double] = []
        if carried > 0, let base {
            localeOf = base.localeOf
            typeOf = base.typeOf
            categoriesOf = base.categoriesOf
            topicsOf = base.topicsOf
            updatedAt = base.updatedAt
            popularity = base.popularity
        }
        var totals = (0.0, 0.0, 0.0)
        for len in lengths {
            totals.0 += Double(len.0)
            totals.1 += Double(len.1)
            totals.2 += Double(len.2)
        }
        for d in carried..<documents.count {
            let doc = documents[d]
            keyIndex[doc.key] = Int32(truncatingIfNeeded: d)
            updatedAt.append(doc.updatedAt.timeIntervalSince1970)
            popularity.append(max(0, doc.popularity))
            visibility.append(
                doc.visibility.clauses.map { clause in
                    clause.map { key in
                        if let k = accessKeys[key] { return k }
                        let k = Int32(accessKeys.count)
                        accessKeys[key] = k
                        return k
                    }
                })
            localeOf.append(intern("l:" + doc.locale))
            typeOf.append(intern("t:" + doc.type.name))
            categoriesOf.append(doc.categories.map { intern("c:" + $0) })
            topicsOf.append(doc.topics.map { intern("p:" + $0) })
        }
        self.keyIndex = keyIndex
        self.visibility = visibility
        self.hasRestrictedDocuments = visibility.contains { !$0.isEmpty }
        self.accessKeys = accessKeys
        self.values = values
        self.valueNames = valueNames
        self.localeLanguages = valueNames.enumerated().compactMap { v, name in
            name.hasPrefix("l:")
                ? (Int32(truncatingIfNeeded: v), SearchLocalePolicy.languageCode(String(name.dropFirst(2)))) : nil
        }
        self.localeOf = localeOf
        self.typeOf = typeOf
        self.categoriesOf = categoriesOf
        self.topicsOf = topicsOf
        let n = Double(max(1, documents.count))
        let avg = (max(1, totals.0 / n), max(1, totals.1 / n), max(1, totals.2 / n))
        let b = options.b
        let norms = lengths.map { len in
            func norm(_ len: Int, _ avg: Double, _ w: Double) -> Float {
                Float(w / (1 - b + b * Double(len) / avg))
            }
            return SIMD4(
                norm(len.0, avg.0, options.titleWeight), norm(len.1, avg.1, options.summaryWeight),
                norm(len.2, avg.2, options.bodyWeight), 0)
        }
        self.norms = norms
        self.updatedAt = updatedAt
        self.popularity = popularity
        let reference = updatedAt.max() ?? 0
        self.recencyReference = reference
        let factorCeilings = zip(updatedAt, popularity).map { updated, popularity in
            var factor = 1.0
            if options.recencyBoost > 0 {
                let ageDays = max(0, reference - updated) / 86_400
                factor *= 1 + options.recencyBoost * exp2(-ageDays / max(0.001, options.recencyHalfLifeDays))
            }
            if options.popularityBoost > 0, popularity > 0 {
                factor *= 1 + options.popularityBoost * min(1, log1p(popularity) / 10)
            }
            return Float(factor)
        }
        self.factorCeilings = factorCeilings
        let weighed = Self.postingWeights(postings, norms: norms, ceilings: factorCeilings)
        self.postingWeights = weighed.weights
        self.maxTFWeights = weighed.best
        self.termFilter = TermFilter(terms, extending: carried > 0 ? base.map { ($0.termFilter, $0.terms.count) } : nil)
        let reversed = typo?.reversedBytes ?? terms.map { Array($0.utf8.reversed()) }
        if let sortedTerms {
            self.sortedTerms = sortedTerms
        } else {
            let bytes = terms.map { Array($0.utf8) }
            self.sortedTerms = (0..<Int32(terms.count)).sorted { bytes[Int($0)].lexicographicallyPrecedes(bytes[Int($1)]) }
        }
        self.reversedTerms =
            reversedTerms
            ?? (0..<Int32(terms.count)).sorted { reversed[Int($0)].lexicographicallyPrecedes(reversed[Int($1)]) }
        self.reversedBytes = reversed
        if let typo {
            self.gramIndex = typo.grams
            self.termScalars = typo.scalars
            return
        }
        var grams: [UInt64: [Int32]] = [:]
        var scalars: [[Unicode.Scalar]] = []
        scalars.reserveCapacity(terms.count)
        var seen = Set<UInt64>()
        for (i, term) in terms.enumerated() {
            let s = Array(term.unicodeScalars)
            guard s.count >= 3, let first = s.first, !HangulText.isHangul(first) else {
                scalars.append([])
                continue
            }
            scalars.append(s)
            seen.removeAll(keepingCapacity: true)
            for g in Self.grams(s) where seen.insert(g).inserted {
                grams[Self.gramKey(g, length: s.count), default: []].append(Int32(i))
            }
        }
        self.gramIndex = grams
        self.termScalars = scalars
    }

    /// Posting lists of more postings than this have their weights worked out in two halves on two cores.
    static let parallelWeightPostings = 200_000

    /// Per posting, in one pass (one read of the document's row): the norm-weighted frequency and the
    /// ceiling; per term, its largest weighted frequency. Large segments are done in two halves of
    /// their terms on two cores (each term's values depend only on its own list: the same result).
    static func postingWeights(
        _ postings: [[Posting]], norms: [SIMD4<Float>], ceilings: [Float]
    ) -> (weights: [[PostingWeight]], best: [Float]) {
        @Sendable func weigh(_ lists: ArraySlice<[Posting]>) -> (weights: [[PostingWeight]], best: [Float]) {
            var postingWeights: [[PostingWeight]] = [], maxTFWeights: [Float] = []
            postingWeights.reserveCapacity(lists.count)
            maxTFWeights.reserveCapacity(lists.count)
            for list in lists {
                var best: Float = list.isEmpty ? 0 : -.infinity
                let weights = [PostingWeight](unsafeUninitializedCapacity: list.count) { buffer, initialized in
                    for (i, p) in list.enumerated() {
                        let d = Int(p.doc)
                        let w = weightedFrequency(p.tf, norms[d])
                        buffer[i] = PostingWeight(weighted: w, ceiling: ceilings[d])  // a trivial type: assigning initialises
                        if w > best { best = w }
                    }
                    initialized = list.count
                }
                postingWeights.append(weights)
                maxTFWeights.append(best)
            }
            return (postingWeights, maxTFWeights)
        }
        var total = 0
        for list in postings { total += list.count }
        guard total > parallelWeightPostings, postings.count >= 2, ProcessInfo.processInfo.activeProcessorCount > 1 else {
            return weigh(postings[...])
        }
        // Split where half the postings are, so both halves take about as long.
        var split = 0, seen = 0
        while split < postings.count - 1, seen < total / 2 {
            seen += postings[split].count
            split += 1
        }
        let halves = Mutex<[Int: ([[PostingWeight]], [Float])]>([:])
        let cut = max(1, split)
        DispatchQueue.concurrentPerform(iterations: 2) { half in
            let done = weigh(half == 0 ? postings[..<cut] : postings[cut...])
            halves.withLock { $0[half] = done }
        }
        let parts = halves.withLock { $0 }
        guard let first = parts[0], let second = parts[1] else { return weigh(postings[...]) }
        return (first.0 + second.0, first.1 + second.1)
    }

    /// A posting's field frequencies weighted by its document's norms (title, summary, body).
    @inline(__always)
    static func weightedFrequency(_ tf: TermFrequency, _ n: SIMD4<Float>) -> Float {
        n.x * Float(tf.title) + n.y * Float(tf.summary) + n.z * Float(tf.body)
    }

    /// A bigram keyed together with the length of the term containing it, so typo lookups
    /// read only terms of a length within reach.
    static func gramKey(_ gram: UInt64, length: Int) -> UInt64 {
        let a = gram >> 32, b = gram & 0xFFFF_FFFF
        return ((a << 21 | b) << 8) | UInt64(min(length, 255))
    }

    /// Padded bigrams of a word's characters (`^w`, `wo`, …, `d$`).
    static func grams(_ s: [Unicode.Scalar]) -> [UInt64] {
        var out: [UInt64] = []
        out.reserveCapacity(s.count + 1)
        var prev: UInt64 = 0x5E  // ^
        for c in s {
            out.append(prev << 32 | UInt64(c.value))
            prev = UInt64(c.value)
        }
        out.append(prev << 32 | 0x24)  // $
        return out
    }

    /// The first byte of a document's title, read in place (no copy, no reference counting): a
    /// search touches its hits' rows with it before rendering them.
    @inline(__always)
    func titleLead(_ d: Int) -> UInt8 {
        documents.withUnsafeBufferPointer { rows in rows[d].title.utf8.first ?? 0 }
    }

    /// Document frequency of a term in this segment.
    func documentFrequency(_ term: String) -> Int {
        guard let id = termIDs[term] else { return 0 }
        return postings[Int(id)].count
    }

    /// The id of `term` (whose ``TermFilter/hash(_:)`` is `hash`), nil when it is not a term
    /// of this segment: the filter answers most misses without the dictionary.
    @inline(__always)
    func termID(_ term: String, hash: UInt64) -> Int32? {
        termFilter.mightContain(hash: hash) ? termIDs[term] : nil
    }

    /// Ids of terms that start with `prefix`.
    func termsWithPrefix(_ prefix: String, limit: Int) -> [Int32] {
        let key = Array(prefix.utf8)
        return range(in: sortedTerms, key: key, limit: limit) { Array(self.terms[Int($0)].utf8) }
    }

    /// Ids of terms that end with `suffix`.
    func termsWithSuffix(_ suffix: String, limit: Int) -> [Int32] {
        let key = Array(suffix.utf8.reversed())
        return range(in: reversedTerms, key: key, limit: limit) { self.reversedBytes[Int($0)] }
    }

    private func range(in order: [Int32], key: [UInt8], limit: Int, bytes: (Int32) -> [UInt8]) -> [Int32] {
        var lo = 0, hi = order.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if bytes(order[mid]).lexicographicallyPrecedes(key) { lo = mid + 1 } else { hi = mid }
        }
        var out: [Int32] = []
        var i = lo
        while i < order.count, out.count < limit {
            guard bytes(order[i]).starts(with: key) else { break }
            out.append(order[i])
            i += 1
        }
        return out
    }

    /// Terms within `maxTypos` edits of `word` (excluding the word itself), with their distance.
    func typoNeighbours(of word: [Unicode.Scalar], maxTypos: Int, counters: inout [UInt16]) -> [(Int32, Int)] {
        let grams = Array(Set(Self.grams(word)))
        let needed = max(1, grams.count - 3 * maxTypos)
        if counters.count < terms.count { counters = [UInt16](repeating: 0, count: terms.count) }
        var touched: [Int32] = []
        for length in max(3, word.count - maxTypos)...max(3, word.count + maxTypos) {
            for g in grams {
                guard let list = gramIndex[Self.gramKey(g, length: length)] else { continue }
                for id in list {
                    if counters[Int(id)] == 0 { touched.append(id) }
                    counters[Int(id)] &+= 1
                }
            }
        }
        var out: [(Int32, Int)] = []
        var distance = BoundedEditDistance()
        for id in touched {
            let shared = Int(counters[Int(id)])
            counters[Int(id)] = 0
            guard shared >= needed else { continue }
            let candidate = termScalars[Int(id)]
            if let d = distance.within(word, candidate, limit: maxTypos), d > 0 { out.append((id, d)) }
        }
        return out
    }
}
