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
    /// Per posting (`direct`): the weighted term frequency and the document's ceiling.
    private let weights: [IndexSegment.PostingWeight]
    /// Per posting (merged up front): the contribution itself and the document's ceiling.
    private let values: [Float]
    private let ceilings: [Float]
    private let direct: Bool
    private let weight: Float
    private let k1: Float
    /// The largest contribution of any document.
    let upperBound: Float
    /// Index of the current posting.
    private(set) var position = 0
    /// A unit of a few terms read in place, merged as it goes (``init(unit:expansions:segment:k1:)``
    /// with at most ``lazyLimit`` terms): per term its postings, weighted frequencies, ceilings,
    /// weight and position; `postings` and `values` are then empty and `current` is the
    /// smallest current document of the terms.
    private var parts: [Part] = []
    private var current: Int32 = .max

    /// One term of a unit read in place.
    private struct Part {
        let postings: [Posting]
        let weights: [IndexSegment.PostingWeight]
        let weight: Float
        var position = 0

            var doc: Int32 { position < postings.count ? postings[position].doc : .max }
    }

    /// Units expanding to at most this many terms are merged while they are read instead of
    /// up front (a query word with its stems usually has two or three).
    static let lazyLimit = 4

    /// One term's postings, read in place.
    init(unit: Int, term: Int32, weight: Float, segment: IndexSegment, k1: Float) {
        self.unit = unit
        bit = 1 << UInt64(unit)
        postings = segment.postings[Int(term)]
        weights = segment.postingWeights[Int(term)]
        values = []
        ceilings = []
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
        if expansions.count <= Self.lazyLimit {
            // Read in place: each document's value is the best of its terms' contributions (the
            // same maximum the eager merge below keeps); the bound is the best term bound.
            var parts: [Part] = []
            var best: Float = 0
            for e in expansions {
                let t = Int(e.term)
                parts.append(
                    Part(postings: segment.postings[t], weights: segment.postingWeights[t], weight: e.weight))
                best = max(best, QueryExecution.contribution(e.weight, segment.maxTFWeights[t], k1))
            }
            self.parts = parts
            postings = []
            weights = []
            values = []
            ceilings = []
            direct = false
            weight = 0
            self.k1 = k1
            upperBound = best
            current = parts.reduce(Int32.max) { min($0, $1.doc) }
            return
        }
        // Merge the expansions' lists (each ascending) two at a time, keeping the best value per document.
        var postings: [Posting] = []
        var values: [Float] = []
        for e in expansions {
            let list = segment.postings[Int(e.term)], weighted = segment.postingWeights[Int(e.term)]
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
                    let value = QueryExecution.contribution(e.weight, weighted[j].weighted, k1)
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
        weights = []
        ceilings = postings.map { segment.factorCeilings[Int($0.doc)] }
        direct = false
        weight = 0
        self.k1 = k1
        upperBound = best
    }

    /// How many documents it holds (for a unit read in place: its terms' postings summed, at least as many).
    var count: Int { parts.isEmpty ? postings.count : parts.reduce(0) { $0 + $1.postings.count } }

    /// Whether every posting has been read.
    var isDone: Bool { parts.isEmpty ? position >= postings.count : current == .max }

    /// The current document (`Int32.max` when done).
    var doc: Int32 {
        if !parts.isEmpty { return current }
        return position < postings.count ? postings[position].doc : .max
    }

    /// The current posting's contribution.
    var contribution: Float {
        if !parts.isEmpty {
            var best: Float = 0
            var first = true
            for part in parts where part.doc == current {
                let value = QueryExecution.contribution(part.weight, part.weights[part.position].weighted, k1)
                if first || value > best { best = value }
                first = false
            }
            return best
        }
        return direct ? QueryExecution.contribution(weight, weights[position].weighted, k1) : values[position]
    }

    /// The current posting's document's recency × popularity ceiling.
    var ceiling: Float {
        if !parts.isEmpty {
            for part in parts where part.doc == current { return part.weights[part.position].ceiling }
            return .infinity
        }
        return direct ? weights[position].ceiling : ceilings[position]
    }

    /// Calls `body` with every document of the cursor from the start (a document once per term
    /// holding it; for counting matches into a bitset).
    func forEachDocument(_ body: (Int32) -> Void) {
        if parts.isEmpty {
            for p in postings { body(p.doc) }
        } else {
            for part in parts { for p in part.postings { body(p.doc) } }
        }
    }

    /// Sets the bit of every document of the cursor in `bits` (one bit per document of the segment,
    /// which `bits` must cover).
    func mark(into bits: inout [UInt64]) {
        bits.withUnsafeMutableBufferPointer { words in
            forEachDocument { doc in words[Int(doc) >> 6] |= 1 << UInt64(doc & 63) }
        }
    }

    mutating func next() {
        guard !parts.isEmpty else {
            position += 1
            return
        }
        var smallest = Int32.max
        for i in parts.indices {
            if parts[i].doc == current { parts[i].position += 1 }
            smallest = min(smallest, parts[i].doc)
        }
        current = smallest
    }

    /// Moves to the first posting at or after `target` (galloping, then binary search); true
    /// when that posting is `target`.
    mutating func advance(to target: Int32) -> Bool {
        guard parts.isEmpty else {
            guard current < target else { return current == target }
            var smallest = Int32.max
            for i in parts.indices {
                parts[i].position = Self.gallop(parts[i].postings, from: parts[i].position, to: target)
                smallest = min(smallest, parts[i].doc)
            }
            current = smallest
            return current == target
        }
        guard position < postings.count else { return false }
        position = Self.gallop(postings, from: position, to: target)
        return position < postings.count && postings[position].doc == target
    }

    /// The index of the first posting at or after `position` whose document is at least `target`.
    private static func gallop(_ postings: [Posting], from position: Int, to target: Int32) -> Int {
        guard position < postings.count else { return position }
        if postings[position].doc >= target { return position }
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
        return lo
    }
}
