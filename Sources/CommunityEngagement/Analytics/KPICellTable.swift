/// The cells of ``KPIAggregates``: a hash table from ``KPICell`` to a non-zero amount, open
/// addressed with linear probing.
///
/// Each slot holds the cell's two words and its amount side by side, so a lookup touches one
/// cache line where a `Dictionary` touches three (its occupancy bitmap, keys and values), and the
/// hash is a multiply-and-shift of two machine words rather than a seeded SipHash. Keys are
/// interned ids and day numbers the aggregates assign themselves, not text from outside.
/// An amount of zero marks an empty slot: cells that reach zero are removed (backward-shift
/// deletion, so no tombstones accumulate).
struct KPICellTable: Sendable, Sequence {
    fileprivate struct Slot: Sendable {
        var packed: UInt64
        var word: UInt64
        var value: Int64
    }

    private var slots: [Slot] = []
    /// How many cells hold a non-zero amount.
    private(set) var count = 0

    /// No cells.
    init() {}

    private static func hash(_ packed: UInt64, _ word: UInt64) -> Int {
        var h = packed &* 0x9E37_79B9_7F4A_7C15 ^ word &* 0xC2B2_AE3D_27D4_EB4F
        h ^= h >> 31
        h &*= 0xBF58_476D_1CE4_E5B9
        h ^= h >> 29
        return Int(truncatingIfNeeded: h)
    }

    /// The amount of a cell (zero when it has none).
    func value(_ cell: KPICell) -> Int64 {
        guard !slots.isEmpty else { return 0 }
        let mask = slots.count - 1
        var i = Self.hash(cell.packed, cell.word) & mask
        while slots[i].value != 0 {
            if slots[i].packed == cell.packed && slots[i].word == cell.word { return slots[i].value }
            i = (i + 1) & mask
        }
        return 0
    }

    /// Adds `delta` to a cell, removing it when it reaches zero.
    mutating func add(_ delta: Int64, at cell: KPICell) {
        guard delta != 0 else { return }
        if (count + 1) * 10 > slots.count * 7 { grow() }
        let mask = slots.count - 1
        var i = Self.hash(cell.packed, cell.word) & mask
        while slots[i].value != 0 {
            if slots[i].packed == cell.packed && slots[i].word == cell.word {
                let total = slots[i].value &+ delta
                if total == 0 {
                    remove(at: i)
                } else {
                    slots[i].value = total
                }
                return
            }
            i = (i + 1) & mask
        }
        slots[i] = Slot(packed: cell.packed, word: cell.word, value: delta)
        count += 1
    }

    /// Empties slot `i`, moving later slots of the same probe run back so every cell stays
    /// reachable from its home slot.
    private mutating func remove(at start: Int) {
        let mask = slots.count - 1
        var hole = start
        var next = (hole + 1) & mask
        while slots[next].value != 0 {
            let home = Self.hash(slots[next].packed, slots[next].word) & mask
            // The slot may move into the hole when its home is not in (hole, next], cyclically.
            let stays = hole <= next ? (home > hole && home <= next) : (home > hole || home <= next)
            if !stays {
                slots[hole] = slots[next]
                hole = next
            }
            next = (next + 1) & mask
        }
        slots[hole] = Slot(packed: 0, word: 0, value: 0)
        count -= 1
    }

    private mutating func grow() {
        let old = slots
        let capacity = Swift.max(16, old.count * 2)
        slots = Array(repeating: Slot(packed: 0, word: 0, value: 0), count: capacity)
        let mask = capacity - 1
        for slot in old where slot.value != 0 {
            var i = Self.hash(slot.packed, slot.word) & mask
            while slots[i].value != 0 { i = (i + 1) & mask }
            slots[i] = slot
        }
    }

    /// The cells with their amounts, in no particular order.
    struct Iterator: IteratorProtocol {
        fileprivate let slots: [Slot]
        fileprivate var index = 0

        mutating func next() -> (cell: KPICell, value: Int64)? {
            while index < slots.count {
                let slot = slots[index]
                index += 1
                if slot.value != 0 { return (KPICell(packed: slot.packed, word: slot.word), slot.value) }
            }
            return nil
        }
    }

    func makeIterator() -> Iterator { Iterator(slots: slots) }
}
