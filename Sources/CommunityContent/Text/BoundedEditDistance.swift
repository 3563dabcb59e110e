/// A reusable optimal-string-alignment distance calculator with a band of width `limit`;
/// keeps its row buffers between calls so checking many candidates allocates nothing.
struct BoundedEditDistance {
    private var prev2: [Int] = []
    private var prev: [Int] = []
    private var cur: [Int] = []

    /// The distance between `a` and `b`, or `nil` when it exceeds `limit`.
    mutating func within(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], limit: Int) -> Int? {
        let n = a.count, m = b.count
        if abs(n - m) > limit { return nil }
        if n == 0 { return m <= limit ? m : nil }
        if m == 0 { return n <= limit ? n : nil }
        let big = limit + 1
        if prev.count < m + 1 {
            prev2 = [Int](repeating: big, count: m + 1)
            prev = prev2
            cur = prev2
        }
        for j in 0...m {
            prev2[j] = big
            prev[j] = j <= limit ? j : big
        }
        for i in 1...n {
            let lo = max(1, i - limit), hi = min(m, i + limit)
            for j in 0...m { cur[j] = big }
            if i <= limit { cur[0] = i }
            var rowMin = cur[0]
            if lo <= hi {
                for j in lo...hi {
                    let cost = a[i - 1] == b[j - 1] ? 0 : 1
                    var v = min(prev[j - 1] + cost, prev[j] + 1, cur[j - 1] + 1)
                    if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { v = min(v, prev2[j - 2] + 1) }
                    cur[j] = min(v, big)
                    rowMin = min(rowMin, cur[j])
                }
            }
            if rowMin > limit { return nil }
            swap(&prev2, &prev)
            swap(&prev, &cur)
        }
        return prev[m] <= limit ? prev[m] : nil
    }
}
