/// Top-k scoring that skips documents which cannot enter the top hits (MaxScore, document at a
/// time), with exactly the exhaustive path's results: the same hits, order, scores, total and
/// facet counts.
///
/// Per segment:
/// 1. **Counting.** The documents the search admits — matching every required unit (or any unit
///    when none is required), live, passing the filters and visible to the viewer, plus live
///    promoted documents — are marked in a bitset from the posting lists' document ids alone.
///    Every admitted document is counted in the total and the facets, so both stay exact.
/// 2. **Promotions** are offered to the top hits with their fixed scores.
/// 3. **Scoring.** Each unit's cursor has an upper bound (its best contribution in the segment).
///    With cursors ordered by bound, the weakest ones whose summed bounds — times the best
///    coordination factor their units allow and the largest click, locale, recency and
///    popularity factors — stay below the current k-th score are *non-essential*: documents
///    are taken only from the essential cursors, and the others are looked up (galloping) only
///    for documents whose bound still reaches the k-th score. A document whose bound falls
///    below it is never fully scored. The k-th score only rises, so the essential set only shrinks.
extension QueryExecution {
    /// Bounds carry a margin for the rounding of the Float text scores.
    static let boundMargin = 1.000_1
    /// The longest cursor whose documents are scored first to set a floor for the k-th score.
    static let primingLimit = 4_096

    func scorePruned(
        segment s: Int, expansions: [[Expansion]], requiredMask: UInt64, adjustments: QueryAdjustments, top: inout TopHits,
        total: inout Int, facetCounts: inout [SearchQuery.Facet: [String: Int]], scratch: inout ScoringScratch
    ) {
        let segment = state.segments[s]
        let deleted = state.deleted[s]
        let k1 = Float(options.k1)
        var cursors: [UnitCursor] = []
        for (u, list) in expansions.enumerated() where !list.isEmpty {
            if list.count == 1 {
                cursors.append(UnitCursor(unit: u, term: list[0].term, weight: list[0].weight, segment: segment, k1: k1))
            } else {
                cursors.append(UnitCursor(unit: u, expansions: list, segment: segment, k1: k1))
            }
        }

        // 1. Admitted documents: counted exactly, and the only ones scored below.
        let words = (segment.count + 63) / 64
        if scratch.admitted.count < words { scratch.admitted = [UInt64](repeating: 0, count: words) }
        if scratch.unitMatches.count < words { scratch.unitMatches = [UInt64](repeating: 0, count: words) }
        var touched = 0..<0  // words of `admitted` that may be non-zero
        if requiredMask == 0 {
            for cursor in cursors {
                cursor.mark(into: &scratch.admitted)
            }
            touched = cursors.isEmpty ? 0..<0 : 0..<words
        } else {
            var first = true
            var bits = requiredMask
            while bits != 0 {
                let u = bits.trailingZeroBitCount
                bits &= bits - 1
                guard let cursor = cursors.first(where: { $0.unit == u }) else {
                    if !first { for w in 0..<words { scratch.admitted[w] = 0 } }
                    first = false
                    touched = 0..<0
                    break
                }
                if first {
                    cursor.mark(into: &scratch.admitted)
                    first = false
                    touched = 0..<words
                } else {
                    cursor.mark(into: &scratch.unitMatches)
                    for w in 0..<words {
                        scratch.admitted[w] &= scratch.unitMatches[w]
                        scratch.unitMatches[w] = 0
                    }
                }
            }
        }
        let promoted = adjustments.promotedDocuments(in: segment, deleted: deleted)
        for doc in promoted { scratch.admitted[Int(doc) >> 6] |= 1 << UInt64(doc & 63) }
        if !promoted.isEmpty { touched = 0..<words }
        let filter = SegmentFilter(query: query, segment: segment)
        var facetTally = [Int](repeating: 0, count: query.facets.isEmpty ? 0 : segment.valueNames.count)
        let everyMarkedAdmitted =
            s < state.deletedCounts.count && state.deletedCounts[s] == 0 && filter.admitsEverything && facetTally.isEmpty
            && (viewer.isUnrestricted || !segment.hasRestrictedDocuments)
        if everyMarkedAdmitted {
            // Nothing deleted, filtered, hidden or tallied: the marked documents are the admitted ones.
            for w in touched { total += scratch.admitted[w].nonzeroBitCount }
        } else {
            let visibleKeys = visibleKeyIDs(in: segment)
            for w in touched {
                var bits = scratch.admitted[w]
                while bits != 0 {
                    let b = bits.trailingZeroBitCount
                    bits &= bits - 1
                    let d = w << 6 | b
                    if !deleted[d], filter.admits(d, segment), isVisible(segment, d, visibleKeys) {
                        total += 1
                        if !facetTally.isEmpty { tallyFacets(segment, d, into: &facetTally) }
                    } else {
                        scratch.admitted[w] &= ~(1 << UInt64(b))
                    }
                }
            }
        }
        addFacets(facetTally, segment, into: &facetCounts)
        defer { for w in touched { scratch.admitted[w] = 0 } }

        // 2. Promoted documents, at their fixed scores.
        for doc in promoted where scratch.admitted[Int(doc) >> 6] & (1 << UInt64(doc & 63)) != 0 {
            if let score = adjustments.promotedScore(segment.documents[Int(doc)].key), top.admits(score) {
                top.offer(TopHits.Entry(score: score, segment: s, doc: doc))
            }
        }

        // 3. Document-at-a-time scoring over the essential cursors.
        guard !cursors.isEmpty, !touched.isEmpty else { return }
        cursors.sort { $0.upperBound < $1.upperBound }
        let n = cursors.count
        // boundSum[i], boundBits[i]: summed bounds and units of cursors 0..<i.
        var boundSum = [Double](repeating: 0, count: n + 1)
        var boundBits = [UInt64](repeating: 0, count: n + 1)
        for i in 0..<n {
            boundSum[i + 1] = boundSum[i] + Double(cursors[i].upperBound)
            boundBits[i + 1] = boundBits[i] | cursors[i].bit
        }
        let staticFactor = staticBound(adjustments) * Self.boundMargin
        // Per document: the locale and click-boost ceilings times its own recency and popularity
        // ceiling (valid when the search runs no earlier than the segment's newest update).
        let ceilingsApply = now >= segment.recencyReference
        let localCeiling = localeCode == nil ? 1 : options.localePolicy.localFactor
        let sharedFactor = localCeiling * adjustments.maxBoost * Self.boundMargin * Self.boundMargin
        let localValues = localValueFlags(in: segment)
        let promotedSet = Set(promoted)
        func isAdmitted(_ doc: Int, _ admitted: [UInt64]) -> Bool {
            admitted[doc >> 6] & (1 << UInt64(doc & 63)) != 0 && (promotedSet.isEmpty || !promotedSet.contains(Int32(doc)))
        }
        /// The exact score of a document from its units' contributions, computed as the
        /// exhaustive path does (Float sum in unit order, then the factors).
        func exactScore(_ doc: Int, _ mask: UInt64, _ unitValues: UnsafeMutableBufferPointer<Float>) -> Double {
            var sum: Float = 0
            var bits = mask
            while bits != 0 {
                sum += unitValues[bits.trailingZeroBitCount]
                bits &= bits - 1
            }
            var score = Double(sum) * coordination(mask)
            if !adjustments.boosts.isEmpty { score *= adjustments.boost(segment.documents[doc].key) }
            return documentFactors(score, segment, doc, localValues: localValues)
        }

        // A first floor for the k-th score from the documents of the shortest cursor: a lower
        // bound on each one's score (its text score and coordination, times the locale factor
        // when it has it; click, recency and popularity factors are at least 1). Each of them
        // is offered to the top hits below, so the k-th best of these bounds is a score the
        // final k-th hit reaches, and documents bounded below it can be skipped before the top
        // hits fill up.
        var threshold = -Double.infinity
        // Every locale of the segment in the query's language: no document's locale needs reading.
        let everyDocumentLocal =
            !localValues.isEmpty && segment.localeLanguages.allSatisfy { localValues[Int($0.value)] }
        // Skipped when the top hits are already full from an earlier segment: their k-th score is
        // a floor already, and priming would read the shortest cursor once more.
        if n > 1, top.heap.count < top.capacity, let shortest = cursors.indices.min(by: { cursors[$0].count < cursors[$1].count }),
            cursors[shortest].count <= Self.primingLimit
        {
            var floor = ScoreFloor(capacity: top.capacity)
            var probes = cursors
            var lead = cursors[shortest]
            while !lead.isDone {
                let d = lead.doc
                let value = lead.contribution
                lead.next()
                guard isAdmitted(Int(d), scratch.admitted) else { continue }
                scratch.unitValues[lead.unit] = value
                var mask = lead.bit
                for j in probes.indices where j != shortest && probes[j].advance(to: d) {
                    scratch.unitValues[probes[j].unit] = probes[j].contribution
                    mask |= probes[j].bit
                }
                var sum: Float = 0
                var bits = mask
                while bits != 0 {
                    sum += scratch.unitValues[bits.trailingZeroBitCount]
                    bits &= bits - 1
                }
                var lower = Double(sum) * coordination(mask)
                if everyDocumentLocal || !localValues.isEmpty && localValues[Int(segment.localeOf[Int(d)])] {
                    lower *= options.localePolicy.localFactor
                }
                floor.add(lower / Self.boundMargin)
            }
            threshold = floor.kth
        }

        var essential = 0  // cursors[essential...] are essential
        // Raises the threshold to the k-th score once the top hits are full, and moves cursors out of
        // the essential set while their summed bounds stay below it (written out at both uses: a local
        // function capturing these variables would make every access to them checked at run time).
        if top.heap.count >= top.capacity, let kth = top.heap.first?.score { threshold = max(threshold, kth) }
        while essential < n, boundSum[essential + 1] * coordination(boundBits[essential + 1]) * staticFactor < threshold {
            essential += 1
        }
        // The loop below reads and writes through buffers: no uniqueness check per posting.
        var unitValues = scratch.unitValues
        scratch.unitValues = []
        var fullyScored = 0
        scratch.admitted.withUnsafeBufferPointer { admitted in
            unitValues.withUnsafeMutableBufferPointer { values in
                cursors.withUnsafeMutableBufferPointer { cursors in
                    while essential < n {
                        var d = Int32.max
                        for i in essential..<n { d = min(d, cursors[i].doc) }
                        guard d != .max else { break }
                        var mask: UInt64 = 0
                        var text = 0.0
                        var ceiling: Float = 1
                        for i in essential..<n where cursors[i].doc == d {
                            let value = cursors[i].contribution
                            ceiling = cursors[i].ceiling
                            values[cursors[i].unit] = value
                            mask |= cursors[i].bit
                            text += Double(value)
                            cursors[i].next()
                        }
                        let doc = Int(d)
                        guard admitted[doc >> 6] & (1 << UInt64(doc & 63)) != 0,
                            promotedSet.isEmpty || !promotedSet.contains(d)
                        else { continue }
                        var factor = staticFactor
                        if (text + boundSum[essential]) * coordination(mask | boundBits[essential]) * factor < threshold { continue }
                        if ceilingsApply {
                            factor = sharedFactor * Double(ceiling)  // segment.factorCeilings[doc], read in posting order
                            if (text + boundSum[essential]) * coordination(mask | boundBits[essential]) * factor < threshold {
                                continue
                            }
                        }
                        var competitive = true
                        var j = essential - 1
                        while j >= 0 {
                            if cursors[j].advance(to: d) {
                                let value = cursors[j].contribution
                                values[cursors[j].unit] = value
                                mask |= cursors[j].bit
                                text += Double(value)
                                cursors[j].next()
                            }
                            if (text + boundSum[j]) * coordination(mask | boundBits[j]) * factor < threshold {
                                competitive = false
                                break
                            }
                            j -= 1
                        }
                        guard competitive else { continue }
                        fullyScored += 1
                        let score = exactScore(doc, mask, values)
                        if top.admits(score) {
                            top.offer(TopHits.Entry(score: score, segment: s, doc: d))
                            if top.heap.count >= top.capacity, let kth = top.heap.first?.score { threshold = max(threshold, kth) }
                            while essential < n,
                                boundSum[essential + 1] * coordination(boundBits[essential + 1]) * staticFactor < threshold
                            {
                                essential += 1
                            }
                        }
                    }
                }
            }
        }
        scratch.unitValues = unitValues
        scratch.fullyScored += fullyScored
    }
}

/// The k-th largest of the scores added (`-infinity` until k have been added): a floor under
/// the k-th score of the top hits.
struct ScoreFloor {
    let capacity: Int
    /// A min-heap of the best `capacity` scores.
    private var heap: [Double] = []

    init(capacity: Int) { self.capacity = capacity }

    var kth: Double { heap.count >= capacity && capacity > 0 ? heap[0] : -.infinity }

    mutating func add(_ score: Double) {
        guard capacity > 0 else { return }
        if heap.count < capacity {
            heap.append(score)
            var i = heap.count - 1
            while i > 0, heap[(i - 1) / 2] > heap[i] {
                heap.swapAt(i, (i - 1) / 2)
                i = (i - 1) / 2
            }
        } else if score > heap[0] {
            heap[0] = score
            var i = 0
            while true {
                let l = 2 * i + 1, r = l + 1
                var m = i
                if l < heap.count, heap[l] < heap[m] { m = l }
                if r < heap.count, heap[r] < heap[m] { m = r }
                if m == i { break }
                heap.swapAt(i, m)
                i = m
            }
        }
    }
}
