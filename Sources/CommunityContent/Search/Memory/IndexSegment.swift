import Foundation

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
    let updatedAt: [Double]
    let popularity: [Double]
    /// Per document: visibility clauses as ids into ``accessKeys``; `nil` means everyone.
    let visibility: [[[Int32]]]
    let accessKeys: [String: Int32]
    let termIDs: [String: Int32]
    let terms: [String]
    let postings: [[Posting]]
    /// Term ids ordered by term text (prefix ranges).
    let sortedTerms: [Int32]
    /// (reversed term, id) ordered by the reversed text (suffix ranges).
    let reversedTerms: [(String, Int32)]
    /// Padded character bigram → ids of non-Hangul terms containing it (typo candidates).
    let gramIndex: [UInt64: [Int32]]
    /// Term characters, for the edit-distance check.
    let termScalars: [[Unicode.Scalar]]
    let fieldLengthTotals: (Double, Double, Double)

    var count: Int { documents.count }

    init(uid: Int, documents: [AnalyzedDocument], options: RankingOptions) {
        self.uid = uid
        self.documents = documents.map(\.document)
        self.languages = documents.map(\.language)
        self.lengths = documents.map(\.lengths)
        var keyIndex: [SearchDocumentKey: Int32] = [:]
        for (d, doc) in documents.enumerated() { keyIndex[doc.document.key] = Int32(d) }
        self.keyIndex = keyIndex
        var termIDs: [String: Int32] = [:]
        var terms: [String] = []
        var postings: [[Posting]] = []
        var accessKeys: [String: Int32] = [:]
        var visibility: [[[Int32]]] = []
        var totals = (0.0, 0.0, 0.0)
        visibility.reserveCapacity(documents.count)
        for (d, doc) in documents.enumerated() {
            totals.0 += Double(doc.lengths.0)
            totals.1 += Double(doc.lengths.1)
            totals.2 += Double(doc.lengths.2)
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
            visibility.append(
                doc.document.visibility.clauses.map { clause in
                    clause.map { key in
                        if let k = accessKeys[key] { return k }
                        let k = Int32(accessKeys.count)
                        accessKeys[key] = k
                        return k
                    }
                })
        }
        let n = Double(max(1, documents.count))
        let avg = (max(1, totals.0 / n), max(1, totals.1 / n), max(1, totals.2 / n))
        let b = options.b
        self.norms = documents.map { doc in
            func norm(_ len: Int, _ avg: Double, _ w: Double) -> Float {
                Float(w / (1 - b + b * Double(len) / avg))
            }
            return SIMD4(
                norm(doc.lengths.0, avg.0, options.titleWeight), norm(doc.lengths.1, avg.1, options.summaryWeight),
                norm(doc.lengths.2, avg.2, options.bodyWeight), 0)
        }
        self.updatedAt = documents.map { $0.document.updatedAt.timeIntervalSince1970 }
        self.popularity = documents.map { max(0, $0.document.popularity) }
        self.visibility = visibility
        self.accessKeys = accessKeys
        self.termIDs = termIDs
        self.terms = terms
        self.postings = postings
        self.fieldLengthTotals = totals
        self.sortedTerms = (0..<Int32(terms.count)).sorted { terms[Int($0)] < terms[Int($1)] }
        self.reversedTerms = terms.enumerated().map { (String($0.element.reversed()), Int32($0.offset)) }
            .sorted { $0.0 < $1.0 }
        var grams: [UInt64: [Int32]] = [:]
        var scalars: [[Unicode.Scalar]] = []
        scalars.reserveCapacity(terms.count)
        for (i, term) in terms.enumerated() {
            let s = Array(term.unicodeScalars)
            guard s.count >= 3, let first = s.first, !HangulText.isHangul(first) else {
                scalars.append([])
                continue
            }
            scalars.append(s)
            for g in Set(Self.grams(s)) { grams[g, default: []].append(Int32(i)) }
        }
        self.gramIndex = grams
        self.termScalars = scalars
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

    /// The analysed form of the documents whose `keep` flag is set, rebuilt from the
    /// posting lists (for merging segments without analysing text again).
    func analyzedDocuments(keeping keep: [Bool]) -> [AnalyzedDocument] {
        var terms = [[(String, TermFrequency)]](repeating: [], count: documents.count)
        for (id, list) in postings.enumerated() {
            let term = self.terms[id]
            for p in list where keep[Int(p.doc)] { terms[Int(p.doc)].append((term, p.tf)) }
        }
        return documents.indices.compactMap { d in
            guard keep[d] else { return nil }
            return AnalyzedDocument(document: documents[d], language: languages[d], terms: terms[d], lengths: lengths[d])
        }
    }

    /// Document frequency of a term in this segment.
    func documentFrequency(_ term: String) -> Int {
        guard let id = termIDs[term] else { return 0 }
        return postings[Int(id)].count
    }

    /// Ids of terms that start with `prefix`, in text order.
    func termsWithPrefix(_ prefix: String, limit: Int) -> [Int32] {
        var lo = 0, hi = sortedTerms.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if terms[Int(sortedTerms[mid])] < prefix { lo = mid + 1 } else { hi = mid }
        }
        var out: [Int32] = []
        var i = lo
        while i < sortedTerms.count, out.count < limit {
            let id = sortedTerms[i]
            guard terms[Int(id)].hasPrefix(prefix) else { break }
            out.append(id)
            i += 1
        }
        return out
    }

    /// Ids of terms that end with `suffix`.
    func termsWithSuffix(_ suffix: String, limit: Int) -> [Int32] {
        let reversed = String(suffix.reversed())
        var lo = 0, hi = reversedTerms.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if reversedTerms[mid].0 < reversed { lo = mid + 1 } else { hi = mid }
        }
        var out: [Int32] = []
        var i = lo
        while i < reversedTerms.count, out.count < limit {
            guard reversedTerms[i].0.hasPrefix(reversed) else { break }
            out.append(reversedTerms[i].1)
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
        for g in grams {
            guard let list = gramIndex[g] else { continue }
            for id in list {
                if counters[Int(id)] == 0 { touched.append(id) }
                counters[Int(id)] &+= 1
            }
        }
        var out: [(Int32, Int)] = []
        var distance = BoundedEditDistance()
        for id in touched {
            let shared = Int(counters[Int(id)])
            counters[Int(id)] = 0
            guard shared >= needed else { continue }
            let candidate = termScalars[Int(id)]
            guard abs(candidate.count - word.count) <= maxTypos else { continue }
            if let d = distance.within(word, candidate, limit: maxTypos), d > 0 { out.append((id, d)) }
        }
        return out
    }
}
