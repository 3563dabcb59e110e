/// Sorts a segment's (bigram key, term id) pairs by key, keeping the order pairs of one key came
/// in: a least-significant-digit radix sort over the keys' bits in 11-bit digits, skipping digits
/// every key shares. The pairs are made term by term in ascending id order, so this is their order
/// by key and then term, reached without comparisons (a comparison sort of a segment's ~100,000
/// pairs was a tenth of the time of writing in batches of 1,000).
enum GramPairSort {
    static let digitBits = 11

    /// Sorts `pairs` by `key`, stably.
    static func sortByKey(_ pairs: inout [(key: UInt64, term: Int32)]) {
        let n = pairs.count
        guard n > 1 else { return }
        let buckets = 1 << digitBits
        let mask = UInt64(buckets - 1)
        var any: UInt64 = 0, all = UInt64.max
        for p in pairs {
            any |= p.key
            all &= p.key
        }
        let varying = any & ~all  // bits that differ between some keys
        guard varying != 0 else { return }
        var scratch = pairs
        var counts = [Int](repeating: 0, count: buckets)
        var shift: UInt64 = 0
        var inScratch = false
        while shift < 64 {
            defer { shift += UInt64(digitBits) }
            guard (varying >> shift) & mask != 0 else { continue }
            for b in counts.indices { counts[b] = 0 }
            if inScratch {
                scatter(from: scratch, into: &pairs, shift: shift, mask: mask, counts: &counts)
            } else {
                scatter(from: pairs, into: &scratch, shift: shift, mask: mask, counts: &counts)
            }
            inScratch.toggle()
        }
        if inScratch { pairs = scratch }
    }

    /// One counting pass: `source` placed into `target` by the digit at `shift`, stably.
    private static func scatter(
        from source: [(key: UInt64, term: Int32)], into target: inout [(key: UInt64, term: Int32)],
        shift: UInt64, mask: UInt64, counts: inout [Int]
    ) {
        source.withUnsafeBufferPointer { from in
            counts.withUnsafeMutableBufferPointer { count in
                for p in from { count[Int(truncatingIfNeeded: (p.key >> shift) & mask)] += 1 }  // trap-safe: at most source.count
                var next = 0
                for b in count.indices {
                    let c = count[b]
                    count[b] = next
                    next += c  // trap-safe: sums to source.count
                }
                target.withUnsafeMutableBufferPointer { to in
                    for p in from {
                        let b = Int(truncatingIfNeeded: (p.key >> shift) & mask)
                        to[count[b]] = p
                        count[b] += 1  // trap-safe: at most source.count
                    }
                }
            }
        }
    }
}
