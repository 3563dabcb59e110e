/// Record indices grouped by a dense group number, built by counting sort: one pass counts
/// each group's members, one places them. Members are placed in the order given, so a group
/// lists its members ascending when they are visited ascending; that makes each group a
/// sorted list such as ``AccessState/ownerIndex`` keeps, without one insert per record.
struct GroupedIndices: Sendable {
    /// Where group `g`'s members start in ``members``; they end where group `g + 1`'s start.
    private(set) var starts: [Int]
    /// Every member, group by group.
    private(set) var members: [UInt32]

    /// Groups `values[k]` under `groups[k]` (a group below `groupCount`, or a negative number
    /// for none), visiting `k` in the order of `order` (all of `values.indices` when `nil`).
    /// A group out of range is treated as none.
    init(groups: [Int32], values: [UInt32], order: [Int]?, groupCount: Int) {
        var counts = [Int](repeating: 0, count: groupCount + 1)
        var placed = 0
        for g in groups where g >= 0 && Int(g) < groupCount {
            counts[Int(g) + 1] += 1
            placed += 1
        }
        for g in 0..<groupCount { counts[g + 1] += counts[g] }
        starts = counts
        var next = counts
        members = [UInt32](repeating: 0, count: placed)
        func place(_ k: Int) {
            let g = groups[k]
            guard g >= 0 && Int(g) < groupCount else { return }
            members[next[Int(g)]] = values[k]
            next[Int(g)] += 1
        }
        if let order {
            for k in order { place(k) }
        } else {
            for k in values.indices { place(k) }
        }
    }

    /// The number of groups.
    var groupCount: Int { starts.count - 1 }

    /// The number of groups that have members.
    var filledGroups: Int {
        var n = 0
        for g in 0..<groupCount where starts[g + 1] > starts[g] { n += 1 }
        return n
    }

    /// Group `g`'s members, in the order placed.
    func members(of g: Int) -> ArraySlice<UInt32> { members[starts[g]..<starts[g + 1]] }

    /// Calls `body` with every group that has members and its members.
    func forEachGroup(_ body: (Int, ArraySlice<UInt32>) -> Void) {
        for g in 0..<groupCount where starts[g + 1] > starts[g] { body(g, members[starts[g]..<starts[g + 1]]) }
    }
}

extension Array where Element == UInt32 {
    /// The sorted union of this sorted, duplicate-free array and `more` (sorted, duplicate-free).
    func sortedUnion(_ more: ArraySlice<UInt32>) -> [UInt32] {
        if isEmpty { return Array(more) }
        if let last, let first = more.first, last < first { return self + more }
        var out: [UInt32] = []
        out.reserveCapacity(count + more.count)
        var a = startIndex, b = more.startIndex
        while a < endIndex && b < more.endIndex {
            let x = self[a], y = more[b]
            if x < y {
                out.append(x)
                a += 1
            } else if y < x {
                out.append(y)
                b += 1
            } else {
                out.append(x)
                a += 1
                b += 1
            }
        }
        out += self[a...]
        out += more[b...]
        return out
    }
}
