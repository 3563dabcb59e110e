import CommunityModel

extension AccessState {
    /// Calls `body` for every record of object `o` at index ≥ `start` that user `u` may read,
    /// in index order, until it returns false.
    func forEachVisible(_ u: UInt32, _ o: UInt16, from start: UInt32, _ body: (UInt32, AccessLevel) -> Bool) {
        let all = recordsByObject[Int(o)]
        var k = all.lowerBound(start)
        while k < all.count {
            let i = all[k]
            k += 1
            let level = evaluate(u, i)
            if level >= .read, !body(i, level) { return }
        }
    }
}
