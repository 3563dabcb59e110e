/// Maps keys to dense, stable integer ids (append-only).
struct Interner<Key: Hashable & Sendable>: Sendable {
    private(set) var ids: [Key: UInt32] = [:]
    private(set) var keys: [Key] = []

    var count: Int { keys.count }

    func id(_ key: Key) -> UInt32? { ids[key] }

    mutating func intern(_ key: Key) -> UInt32 {
        if let id = ids[key] { return id }
        let id = UInt32(keys.count)
        ids[key] = id
        keys.append(key)
        return id
    }
}

extension Array where Element: Comparable {
    /// Binary search in a sorted array.
    func sortedContains(_ value: Element) -> Bool {
        var lo = 0, hi = count
        while lo < hi {
            let mid = (lo + hi) &>> 1
            let v = self[mid]
            if v == value { return true }
            if v < value { lo = mid + 1 } else { hi = mid }
        }
        return false
    }

    /// Index of the first element not less than `value`.
    func lowerBound(_ value: Element) -> Int {
        var lo = 0, hi = count
        while lo < hi {
            let mid = (lo + hi) &>> 1
            if self[mid] < value { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// Whether some element lies strictly between `low` and `high`.
    func containsStrictlyBetween(_ low: Element, _ high: Element) -> Bool {
        var lo = 0, hi = count
        while lo < hi {
            let mid = (lo + hi) &>> 1
            if self[mid] <= low { lo = mid + 1 } else { hi = mid }
        }
        return lo < count && self[lo] < high
    }

    /// Inserts into a sorted array, keeping it sorted and free of duplicates.
    mutating func sortedInsert(_ value: Element) {
        if let last, last < value {
            append(value)
            return
        }
        let i = lowerBound(value)
        if i < count, self[i] == value { return }
        insert(value, at: i)
    }

    /// Removes from a sorted array.
    mutating func sortedRemove(_ value: Element) {
        let i = lowerBound(value)
        if i < count, self[i] == value { remove(at: i) }
    }
}
