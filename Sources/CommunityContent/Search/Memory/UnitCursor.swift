/// A query unit's matches in one segment, in document order, for document-at-a-time scoring:
/// either one index term's posting list read in place (its contribution worked out per
/// posting), or, for a unit that expands to several terms, the best contribution per
/// document merged from all of them. ``upperBound`` is the largest contribution it can give.
struct UnitCursor {
    /// The query unit.
    let unit: Int
    let bit: UInt64
    /// Matching documents, ascending.
    private let postings: [Posting]
    /// Per posting: the weighted term frequency (`direct`) or the contribution itself.
    private let values: [Float]
    /// Per posting: its document's recency × popularity ceiling (``IndexSegment/factorCeilings``).
    private let ceilings: [Float]
    private let direct: Bool
    private let weight: Float
    private let k1: Float
    /// The largest contribution of any document.
    let upperBound: Float
    /// Index of the current posting.
    private(set) var position = 0

    /// One term's postings, read in place.
    init(unit: Int, term: Int32, weight: Float, segment: IndexSegment, k1: Float) {
        self.unit = unit
        bit = 1 << UInt64(unit)
        postings = segment.postings[Int(term)]
        values = segment.tfWeights[Int(term)]
        ceilings = segment.postingCeilings[Int(term)]
        direct = true
        self.weight = weight
        self.k1 = k1
        upperBound = QueryExecution.contribution(weight, segment.maxTFWeights[Int(term)], k1)
    }

    /// Several terms' postings merged: each document keeps its best contribution (the unit's
    /// score, as the exhaustive path takes it).
    init(unit: Int, expansions: [QueryExecution.Expansion], segment: IndexSegment, k1: Float) {
        self.unit = unit
        bit = 1 << UInt64(unit)
        // Merge the expansions' lists (each ascending) two at a time, keeping the best value per document.
        var postings: [Posting] = []
        var values: [Float] = []
        for e in expansions {
            let list = segment.postings[Int(e.term)], weighted = segment.tfWeights[Int(e.term)]
            var mergedPostings: [Posting] = []
            var mergedValues: [Float] = []
            mergedPostings.reserveCapacity(postings.count + list.count)
            mergedValues.reserveCapacity(postings.count + list.count)
            var i = 0, j = 0
            while i < postings.count || j < list.count {
                let a = i < postings.count ? postings[i].doc : .max
                let b = j < list.count ? list[j].doc : .max
                if a < b {
                    mergedPostings.append(postings[i])
                    mergedValues.append(values[i])
                    i += 1
                } else {
                    let value = QueryExecution.contribution(e.weight, weighted[j], k1)
                    mergedPostings.append(Posting(doc: b, tf: TermFrequency()))
                    mergedValues.append(a == b ? max(values[i], value) : value)
                    if a == b { i += 1 }
                    j += 1
                }
            }
            postings = mergedPostings
            values = mergedValues
        }
        let best = values.max() ?? 0
        self.postings = postings
        self.values = values
        ceilings = postings.map { segment.factorCeilings[Int($0.doc)] }
        direct = false
        weight = 0
        self.k1 = k1
        upperBound = best
    }

    /// How many documents it holds.
    var count: Int { postings.count }

    /// Whether every posting has been read.
    var isDone: Bool { position >= postings.count }

    /// The current document (`Int32.max` when done).
    var doc: Int32 { position < postings.count ? postings[position].doc : .max }

    /// The current posting's contribution.
    var contribution: Float {
        direct ? QueryExecution.contribution(weight, values[position], k1) : values[position]
    }

    /// The current posting's document's recency × popularity ceiling.
    var ceiling: Float { ceilings[position] }

    /// Every document of the cursor, from the start (for counting matches).
    var allPostings: [Posting] { postings }

    mutating func next() { position += 1 }

    /// Moves to the first posting at or after `target` (galloping, then binary search); true
    /// when that posting is `target`.
    mutating func advance(to target: Int32) -> Bool {
        guard position < postings.count else { return false }
        if postings[position].doc >= target { return postings[position].doc == target }
        var step = 1
        var low = position
        var high = position + 1
        while high < postings.count, postings[high].doc < target {
            low = high
            step *= 2
            high = low + step
        }
        high = min(high, postings.count)
        // postings[low] < target; the first posting >= target is in (low, high].
        var lo = low + 1
        var hi = high
        while lo < hi {
            let mid = lo + (hi - lo) / 2
            if postings[mid].doc < target { lo = mid + 1 } else { hi = mid }
        }
        position = lo
        return lo < postings.count && postings[lo].doc == target
    }
}
