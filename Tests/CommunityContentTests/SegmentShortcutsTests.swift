@testable import CommunityContent
import CommunityTesting
import Foundation
import Testing

/// The shortcuts a segment takes for speed must give exactly what the plain structures give:
/// the term filter never turns away a term the segment holds, an appending merge carries the
/// older segment's per-document rows to the same values a segment built in one go has, and
/// the per-posting ceilings are the per-document ones read in posting order.
@Suite struct SegmentShortcutsTests {
    static func words(_ count: Int, seed: UInt64) -> [String] {
        var random = SeededRandom(seed: seed)
        let syllables = ["ka", "lo", "mi", "ter", "stra", "pon", "vel", "du", "rish", "an", "qui", "zor", "ü", "ß", "로", "그"]
        return (0..<count).map { _ in
            let state = random.next()
            let n = 1 + Int(truncatingIfNeeded: (state >> 40) % 4)
            var word = ""
            for k in 0..<n { word += syllables[Int(truncatingIfNeeded: (state >> UInt64(8 * k)) % UInt64(syllables.count))] }
            return word
        }
    }

    @Test func termFilterNeverTurnsAwayATermItHolds() {
        let terms = Array(Set(Self.words(20_000, seed: 3)))
        let filter = TermFilter(terms)
        #expect(terms.allSatisfy { filter.mightContain($0) })
        // And it does turn strings away: of strings that are not terms, only a few get a "maybe".
        let held = Set(terms)
        let others = Self.words(20_000, seed: 11).map { $0 + "x" }.filter { !held.contains($0) }
        let maybes = others.filter { filter.mightContain($0) }.count
        #expect(!others.isEmpty && maybes * 10 < others.count)
    }

    @Test func termLookupsThroughTheFilterFindWhatTheDictionaryFinds() throws {
        let docs = IndexBuildPathsTests.corpus(1_500)
        let index = MemorySearchIndex(clock: ManualClockForTests())
        for start in stride(from: 0, to: docs.count, by: 250) { try index.upsert(Array(docs[start..<min(docs.count, start + 250)])) }
        let state = index.currentState()
        #expect(state.segments.count > 1)
        for segment in state.segments {
            // Every term, and the cuts of every term (what the split-word probes ask).
            var probes = segment.terms
            for term in segment.terms.prefix(400) {
                let characters = Array(term)
                for cut in 1..<max(1, characters.count) { probes.append(String(characters[..<cut])) }
            }
            for probe in probes {
                #expect(segment.termID(probe, hash: TermFilter.hash(probe)) == segment.termIDs[probe], "\(probe)")
            }
        }
    }

    @Test func appendingMergeCarriesTheSameRowsAsOneBuild() {
        var docs = IndexBuildPathsTests.corpus(450)
        for i in docs.indices {
            docs[i].popularity = Double(i % 17)
            docs[i].updatedAt = SearchFixtures.epoch.addingTimeInterval(Double(i * 3_600))  // later documents newer
            if i % 7 == 0 { docs[i].visibility = .anyOf(["group:g\(i % 3)", "members"]) }
            if i % 11 == 0 { docs[i].topics = ["t\(i % 4)"] }
        }
        let options = RankingOptions()
        let analyzed = docs.map { AnalyzedDocument($0) }
        let older = IndexSegment(uid: 0, documents: Array(analyzed[..<300]), options: options)
        let newer = IndexSegment(uid: 1, documents: Array(analyzed[300...]), options: options)
        let merged = IndexSegment(
            uid: 2, merging: older, keeping: [Bool](repeating: true, count: older.count), newer,
            keeping: [Bool](repeating: true, count: newer.count), options: options)
        let whole = IndexSegment(uid: 3, documents: analyzed, options: options)

        #expect(merged.keyIndex == whole.keyIndex)
        #expect(merged.values == whole.values && merged.valueNames == whole.valueNames)
        #expect(merged.accessKeys == whole.accessKeys && merged.visibility == whole.visibility)
        #expect(merged.localeOf == whole.localeOf && merged.typeOf == whole.typeOf)
        #expect(merged.categoriesOf == whole.categoriesOf && merged.topicsOf == whole.topicsOf)
        #expect(merged.updatedAt == whole.updatedAt && merged.popularity == whole.popularity)
        #expect(merged.recencyReference == whole.recencyReference && merged.factorCeilings == whole.factorCeilings)
        #expect(merged.norms == whole.norms)
        #expect(Set(merged.factorCeilings).count > 1)
        for (t, term) in whole.terms.enumerated() {
            guard let m = merged.termIDs[term].map(Int.init) else {
                Issue.record("\(term) missing after the merge")
                continue
            }
            #expect(merged.postings[m].map(\.doc) == whole.postings[t].map(\.doc))
            #expect(merged.postingWeights[m] == whole.postingWeights[t] && merged.maxTFWeights[m] == whole.maxTFWeights[t])
            #expect(merged.postingWeights[m].map(\.ceiling) == merged.postings[m].map { merged.factorCeilings[Int($0.doc)] })
        }
        #expect(merged.terms.count == whole.terms.count)
    }
}
