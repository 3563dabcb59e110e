/// Leaf keys (non-negative integers) to slot numbers: an open-addressing table with a
/// multiplicative hash, for the column walk's per-record lookups when the keys are too many for
/// a direct table (``ColumnWalkPlan/tabled``). Cheaper per lookup than a `Dictionary`, whose
/// keyed hash is built to resist chosen keys: these keys are group codes the walk made itself.
struct SlotTable {
    private var keys: [Int]
    private var slots: [Int32]
    private var mask: Int
    private(set) var count = 0

    init(capacity: Int = 64) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        keys = Array(repeating: -1, count: size)
        slots = Array(repeating: 0, count: size)
        mask = size - 1
    }

    @inline(__always) private func start(_ key: Int) -> Int {
        Int(truncatingIfNeeded: (UInt64(truncatingIfNeeded: key) &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
    }

    /// The slot of `key`, or `nil`.
    func slot(_ key: Int) -> Int? {
        var i = start(key)
        while true {
            let k = keys[i]
            if k == key { return Int(slots[i]) }
            if k < 0 { return nil }
            i = (i + 1) & mask
        }
    }

    /// The slot of `key`, made by `make` when missing.
    @inline(__always) mutating func slot(_ key: Int, make: () -> Int) -> Int {
        var i = start(key)
        while true {
            let k = keys[i]
            if k == key { return Int(slots[i]) }
            if k < 0 { break }
            i = (i + 1) & mask
        }
        let slot = make()
        keys[i] = key
        slots[i] = Int32(truncatingIfNeeded: slot)
        count += 1
        if count * 2 > keys.count { grow() }
        return slot
    }

    private mutating func grow() {
        let (oldKeys, oldSlots) = (keys, slots)
        keys = Array(repeating: -1, count: oldKeys.count * 2)
        slots = Array(repeating: 0, count: oldKeys.count * 2)
        mask = keys.count - 1
        for (i, key) in oldKeys.enumerated() where key >= 0 {
            var j = start(key)
            while keys[j] >= 0 { j = (j + 1) & mask }
            keys[j] = key
            slots[j] = oldSlots[i]
        }
    }

    /// Every key with its slot.
    var entries: [(key: Int, slot: Int)] {
        keys.indices.compactMap { keys[$0] >= 0 ? (keys[$0], Int(slots[$0])) : nil }
    }
}
