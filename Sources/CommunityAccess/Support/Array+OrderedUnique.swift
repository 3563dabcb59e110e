extension Array where Element == UInt32 {
    /// The distinct values, in ascending order.
    ///
    /// Candidate lists gathered from several indexes are long (hundreds of thousands of record
    /// rows for a manager high in the role tree) and dense over the row numbers, so when they
    /// cover at least one row in 64 a bitmap over the rows orders and deduplicates them in two
    /// linear passes instead of an `n log n` sort. Short or sparse lists are sorted.
    func orderedUnique() -> [UInt32] {
        guard count >= 32, let top = self.max() else { return sorted().uniqued() }
        let words = Int(top >> 6) + 1
        guard words <= count else { return sorted().uniqued() }
        var bits = [UInt64](repeating: 0, count: words)
        for value in self { bits[Int(value >> 6)] |= 1 << UInt64(value & 63) }
        var out: [UInt32] = []
        out.reserveCapacity(count)
        for (w, word) in bits.enumerated() {
            var rest = word
            while rest != 0 {
                out.append(UInt32(truncatingIfNeeded: w << 6 | rest.trailingZeroBitCount))
                rest &= rest &- 1
            }
        }
        return out
    }
}
