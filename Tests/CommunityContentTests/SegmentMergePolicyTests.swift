@testable import CommunityContent
import CommunityTesting
import Foundation
import Synchronization
import Testing

/// The tiered merge policy and the merge of several segments at once: a merge of four segments
/// builds exactly the segment that merging them two at a time builds (term ids, postings, weights,
/// orders, typo structures, per-document rows), with or without deleted documents; the policy keeps
/// the segment count logarithmic and copies each document about once per level; and an index
/// written in batches holds, segment by segment, what one build of each segment's documents holds.
/// Merges run in the background: a write's documents are searchable when it returns, a reader
/// during merges sees whole writes only, and clearing the index while a merge runs leaves it usable.
@Suite struct SegmentMergePolicyTests {
    /// Replays the policy over writes of the given sizes; the live counts left and the documents
    /// copied by merges.
    static func replay(_ writes: [Int]) -> (live: [Int], copied: Int, mostSegments: Int) {
        var live: [Int] = [], copied = 0, most = 0
        for w in writes {
            live.append(w)
            most = max(most, live.count)
            while let count = SegmentMergePolicy.tailMergeCount(live: live) {
                let merged = live.suffix(count).reduce(0, +)
                copied += merged
                live.removeLast(count)
                live.append(merged)
            }
        }
        return (live, copied, most)
    }

    @Test func fiftyBatchesOfAThousandMergeFourAtATime() {
        let run = Self.replay([Int](repeating: 1_000, count: 50))
        #expect(run.live == [16_000, 16_000, 16_000, 1_000, 1_000])
        // The former "older ≤ 2 × newer" pairs copied 235,000 documents for the same writes.
        #expect(run.copied == 96_000)
        #expect(run.live.reduce(0, +) == 50_000)
    }

    @Test func segmentCountStaysLogarithmicForUnevenWrites() {
        var random = SeededRandom(seed: 5)
        for _ in 0..<20 {
            var writes: [Int] = []
            for _ in 0..<400 {
                let state = random.next()
                // Sizes from 1 to ~10,000, many small: uneven on purpose.
                let shift = Int(truncatingIfNeeded: (state >> 60) % 14)
                writes.append(1 + Int(truncatingIfNeeded: (state >> 20) % UInt64(1 << shift)))
            }
            let run = Self.replay(writes)
            #expect(run.live.reduce(0, +) == writes.reduce(0, +))
            #expect(run.mostSegments <= SegmentMergePolicy.maxSegments + 1)
            #expect(run.live.count <= SegmentMergePolicy.maxSegments)
        }
        // Equal single-document writes: at most width - 1 segments per level.
        let singles = Self.replay([Int](repeating: 1, count: 4_095))
        #expect(singles.live.count <= 6 * (SegmentMergePolicy.width - 1))
    }

    @Test func anEmptiedOlderSegmentIsMergedAway() {
        #expect(SegmentMergePolicy.tailMergeCount(live: [5_000, 0, 10]) == 2)
        #expect(SegmentMergePolicy.tailMergeCount(live: [5_000, 10]) == nil)
        #expect(SegmentMergePolicy.tailMergeCount(live: [40, 10, 10, 10]) == nil)
        #expect(SegmentMergePolicy.tailMergeCount(live: [20, 10, 10, 10]) == 4)
    }

    /// Every field a search or a later merge reads, compared.
    static func expectSameSegment(_ x: IndexSegment, _ y: IndexSegment, _ label: String) {
        #expect(x.documents.map(\.key) == y.documents.map(\.key), "\(label)")
        #expect(x.terms == y.terms && x.termIDs == y.termIDs, "\(label)")
        #expect(x.postings.map { $0.map(\.doc) } == y.postings.map { $0.map(\.doc) }, "\(label)")
        #expect(x.postings.map { $0.map { [$0.tf.title, $0.tf.summary, $0.tf.body] } } == y.postings.map { $0.map { [$0.tf.title, $0.tf.summary, $0.tf.body] } }, "\(label)")
        #expect(x.postingWeights == y.postingWeights && x.maxTFWeights == y.maxTFWeights, "\(label)")
        #expect(x.sortedTerms == y.sortedTerms && x.reversedTerms == y.reversedTerms, "\(label)")
        #expect(x.reversedBytes == y.reversedBytes && x.termScalars == y.termScalars, "\(label)")
        #expect(x.gramIndex == y.gramIndex, "\(label)")
        #expect(x.norms == y.norms && x.factorCeilings == y.factorCeilings, "\(label)")
        #expect(x.keyIndex == y.keyIndex && x.values == y.values && x.valueNames == y.valueNames, "\(label)")
        #expect(x.localeOf == y.localeOf && x.typeOf == y.typeOf && x.categoriesOf == y.categoriesOf, "\(label)")
        #expect(x.visibility == y.visibility && x.accessKeys == y.accessKeys, "\(label)")
        #expect(x.updatedAt == y.updatedAt && x.popularity == y.popularity, "\(label)")
        for term in x.terms { #expect(y.termID(term, hash: TermFilter.hash(term)) != nil, "\(label): \(term)") }
    }

    @Test func mergingFourAtOnceBuildsWhatPairwiseMergesBuild() throws {
        var docs = IndexBuildPathsTests.corpus(1_200)
        for i in docs.indices where i % 9 == 0 { docs[i].visibility = .anyOf(["group:g\(i % 3)"]) }
        let options = RankingOptions()
        let analyzed = docs.map { AnalyzedDocument($0) }
        let sizes = [500, 300, 250, 150]
        var segments: [IndexSegment] = []
        var start = 0
        for (k, size) in sizes.enumerated() {
            segments.append(IndexSegment(uid: k, documents: Array(analyzed[start..<start + size]), options: options))
            start += size
        }
        var random = SeededRandom(seed: 17)
        // No deletions, deletions in the newer segments only (appending), and deletions in the oldest too.
        for variant in 0..<3 {
            let keeping: [[Bool]] = segments.enumerated().map { s, segment in
                (0..<segment.count).map { _ in
                    let bits = random.next()
                    if variant == 0 || (variant == 1 && s == 0) { return true }
                    return (bits >> 40) % 5 != 0
                }
            }
            let parts = zip(segments, keeping).map { (segment: $0, keeping: $1) }
            let atOnce = try #require(IndexSegment.merging(uid: 10, parts, options: options))
            var chained = IndexSegment(
                uid: 11, merging: segments[0], keeping: keeping[0], segments[1], keeping: keeping[1], options: options)
            for s in 2..<segments.count {
                chained = IndexSegment(
                    uid: 12, merging: chained, keeping: [Bool](repeating: true, count: chained.count), segments[s],
                    keeping: keeping[s], options: options)
            }
            Self.expectSameSegment(atOnce, chained, "variant \(variant)")
            #expect(atOnce.count == keeping.joined().filter { $0 }.count)
        }
        #expect(IndexSegment.merging(uid: 13, [(segment: segments[0], keeping: [Bool](repeating: true, count: 500))], options: options) == nil)
    }

    @Test func batchedIndexHoldsPerSegmentWhatOneBuildOfItsDocumentsHolds() throws {
        let docs = IndexBuildPathsTests.corpus(1_000)
        let options = RankingOptions()
        let index = MemorySearchIndex(options: options, clock: ManualClockForTests(), mergesInBackground: true)
        for start in stride(from: 0, to: docs.count, by: 20) { try index.upsert(Array(docs[start..<start + 20])) }
        index.waitForMerges()
        let state = index.currentState()
        #expect(state.segments.map(\.count) == Self.replay([Int](repeating: 20, count: 50)).live)
        #expect(state.segments.map(\.count) == [320, 320, 320, 20, 20])
        for (s, segment) in state.segments.enumerated() {
            let whole = IndexSegment(uid: 99, documents: segment.documents.map { AnalyzedDocument($0) }, options: options)
            #expect(segment.norms == whole.norms && segment.factorCeilings == whole.factorCeilings)
            #expect(segment.terms.count == whole.terms.count, "segment \(s)")
            for (t, term) in whole.terms.enumerated() {
                guard let m = segment.termIDs[term].map(Int.init) else {
                    Issue.record("segment \(s): \(term) missing")
                    continue
                }
                #expect(segment.postings[m].map(\.doc) == whole.postings[t].map(\.doc))
                #expect(segment.postingWeights[m] == whole.postingWeights[t] && segment.maxTFWeights[m] == whole.maxTFWeights[t])
            }
            #expect(Set(segment.sortedTerms.map { segment.terms[Int($0)] }) == Set(whole.terms))
            #expect(segment.sortedTerms.map { segment.terms[Int($0)] } == whole.sortedTerms.map { whole.terms[Int($0)] })
            #expect(segment.reversedTerms.map { segment.terms[Int($0)] } == whole.reversedTerms.map { whole.terms[Int($0)] })
        }
    }

    static func common(_ docs: [SearchDocument], revised: Bool) -> [SearchDocument] {
        docs.map { doc in
            var doc = doc
            doc.body += revised ? " commonword revised" : " commonword"
            return doc
        }
    }

    @Test func readersDuringBackgroundMergesSeeWholeWrites() throws {
        let docs = IndexBuildPathsTests.corpus(1_500)
        let index = MemorySearchIndex(clock: ManualClockForTests(), mergesInBackground: true)
        let query = SearchQuery("commonword", typoTolerance: false, limit: 1)
        let stop = Mutex(false)
        let seen = Mutex<[Int]>([])
        let finished = DispatchSemaphore(value: 0)
        let reader = Thread {
            while !stop.withLock({ $0 }) {
                if let total = try? index.search(query, as: .unrestricted).totalCount { seen.withLock { $0.append(total) } }
            }
            finished.signal()
        }
        reader.start()
        var written = 0
        for (k, start) in stride(from: 0, to: docs.count, by: 25).enumerated() {
            try index.upsert(Self.common(Array(docs[start..<start + 25]), revised: false))
            written += 25
            // Every third write also rewrites the batch before it (deleted slots in merged segments).
            if k % 3 == 2 { try index.upsert(Self.common(Array(docs[start - 25..<start]), revised: true)) }
            // Searchable as soon as the write returns, merges still running or not; no document twice.
            #expect(try index.search(query, as: .unrestricted).totalCount == written)
            #expect(try index.count() == written)
        }
        stop.withLock { $0 = true }
        finished.wait()
        let totals = seen.withLock { $0 }
        #expect(totals.allSatisfy { $0 % 25 == 0 && $0 <= docs.count })
        #expect(zip(totals, totals.dropFirst()).allSatisfy { $0 <= $1 })
        index.waitForMerges()
        #expect(try index.search(query, as: .unrestricted).totalCount == docs.count)
        // The rewritten documents are found by their new text only.
        let revised = SearchQuery("revised", typoTolerance: false, limit: 1)
        #expect(try index.search(revised, as: .unrestricted).totalCount == 25 * (docs.count / 75))
    }

    @Test func clearingTheIndexWhileAMergeRunsLeavesItUsable() throws {
        let docs = IndexBuildPathsTests.corpus(400)
        let index = MemorySearchIndex(clock: ManualClockForTests(), mergesInBackground: true)
        for start in stride(from: 0, to: 200, by: 50) { try index.upsert(Array(docs[start..<start + 50])) }
        // The fourth write called for a merge of four segments; clear before waiting for it.
        index.removeAll()
        #expect(try index.count() == 0)
        #expect(index.segmentCount == 0)
        let word = try #require(docs[250].title.split(separator: " ").first.map(String.init))
        try index.upsert(Array(docs[200...]))
        #expect(try index.count() == 200)
        let hits = try index.search(SearchQuery(word, typoTolerance: false, limit: 500), as: .unrestricted).hits
        #expect(hits.contains { $0.key.id == docs[250].id })
        #expect(hits.allSatisfy { Int($0.key.id.dropFirst()).map { $0 >= 200 } ?? false })
    }

    @Test func gramPairRadixSortOrdersLikeTheComparisonSort() {
        var random = SeededRandom(seed: 23)
        func next() -> UInt64 { random.next() }
        for round in 0..<40 {
            let n = Int(truncatingIfNeeded: next() % 3_000)
            // Keys as the segment makes them (two scalars and a length), from a few keys to many.
            let alphabet = UInt64(2 + round * 50)
            var pairs: [(key: UInt64, term: Int32)] = []
            var term: Int32 = 0
            while pairs.count < n {
                for _ in 0..<(1 + next() % 6) {
                    let a = 0x5E + next() % alphabet, b = 0x61 + next() % alphabet
                    pairs.append((IndexSegment.gramKey(a << 32 | b, length: Int(truncatingIfNeeded: 3 + next() % 12)), term))
                }
                term += 1
            }
            var radix = pairs
            GramPairSort.sortByKey(&radix)
            let reference = pairs.sorted { $0.key != $1.key ? $0.key < $1.key : $0.term < $1.term }
            #expect(radix.map(\.key) == reference.map(\.key) && radix.map(\.term) == reference.map(\.term), "round \(round)")
        }
        var full: [(key: UInt64, term: Int32)] = (0..<500).map { (next(), Int32($0)) }
        GramPairSort.sortByKey(&full)
        #expect(zip(full, full.dropFirst()).allSatisfy { $0.key <= $1.key })
    }

    @Test func backgroundMergesGiveTheSegmentsAndScoresOfInlineMerges() throws {
        let docs = IndexBuildPathsTests.corpus(1_200)
        let inline = MemorySearchIndex(clock: ManualClockForTests())
        let background = MemorySearchIndex(clock: ManualClockForTests(), mergesInBackground: true)
        for start in stride(from: 0, to: docs.count, by: 30) {
            try inline.upsert(Array(docs[start..<start + 30]))
            try background.upsert(Array(docs[start..<start + 30]))
            if start % 300 == 0 { try background.remove([docs[start].key]); try inline.remove([docs[start].key]) }
        }
        background.waitForMerges()
        #expect(inline.currentState().segments.map(\.count) == background.currentState().segments.map(\.count))
        for doc in docs.prefix(30) {
            let query = SearchQuery(doc.title, limit: 20, highlight: false)
            let x = try inline.search(query, as: .unrestricted), y = try background.search(query, as: .unrestricted)
            #expect(x.hits.map(\.key) == y.hits.map(\.key) && x.hits.map(\.score) == y.hits.map(\.score) && x.totalCount == y.totalCount)
        }
    }
}
