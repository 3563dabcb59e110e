import Foundation

/// Picks from a fixed list with given weights (cumulative sums and binary search).
struct WeightedPicker<Item> {
    let items: [Item]
    private let cumulative: [Double]

    init(_ items: [Item], weights: [Double]) {
        precondition(items.count == weights.count && !items.isEmpty)
        self.items = items
        var acc = 0.0
        cumulative = weights.map { w in
            acc += w
            return acc
        }
    }

    func pick(_ random: inout SeededRandom) -> Item {
        let x = random.unit() * cumulative[cumulative.count - 1]
        var lo = 0
        var hi = cumulative.count - 1
        while lo < hi {
            let mid = (lo + hi) / 2
            if cumulative[mid] > x { hi = mid } else { lo = mid + 1 }
        }
        return items[lo]
    }

    /// Weights 1/(k+1)^s for a Zipf-like skew.
    static func zipf(_ count: Int, exponent s: Double) -> [Double] {
        (0..<count).map { 1.0 / pow(Double($0 + 1), s) }
    }

    /// Splits `total` into integer shares proportional to `weights`, each within
    /// `floor...cap`: shares above the cap are pinned and the rest re-split, then the
    /// rounding remainder goes to the largest fractions.
    static func quotas(total: Int, weights: [Double], cap: Int, floor: Int = 0) -> [Int] {
        let n = weights.count
        precondition(n * cap >= total && n * floor <= total, "cannot split \(total) into \(n) shares")
        var share = [Double](repeating: Double(floor), count: n)
        var open = Array(0..<n)
        var rest = Double(total - floor * n)
        while true {
            let sum = open.reduce(0.0) { $0 + weights[$1] }
            let over = open.filter { Double(floor) + rest * weights[$0] / sum > Double(cap) }
            if over.isEmpty {
                for i in open { share[i] = Double(floor) + rest * weights[i] / sum }
                break
            }
            for i in over {
                share[i] = Double(cap)
                rest -= Double(cap - floor)
            }
            let pinned = Set(over)
            open.removeAll { pinned.contains($0) }
        }
        var ints = share.map { Int($0) }
        var missing = total - ints.reduce(0, +)
        let order = (0..<n).sorted { a, b in
            let fa = share[a] - Double(ints[a])
            let fb = share[b] - Double(ints[b])
            return fa != fb ? fa > fb : a < b
        }
        var k = 0
        while missing > 0 {
            let i = order[k % n]
            if ints[i] < cap {
                ints[i] += 1
                missing -= 1
            }
            k += 1
        }
        return ints
    }
}
