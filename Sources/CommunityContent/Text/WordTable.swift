/// Words as written (their UTF-8 bytes) → the ids of their index terms, for ``IndexTermCache``:
/// an open-addressing table over one byte arena, so looking a word up hashes and compares the
/// bytes the tokenizer found in place, without building a `String` per occurrence.
struct WordTable: Sendable {
    /// One known word.
    private struct Entry: Sendable {
        var hash: UInt64
        /// Where its bytes start in ``bytes`` and how many.
        var keyStart: Int32
        var keyCount: Int32
        /// Where its term ids start in ``ids`` and how many.
        var idStart: Int32
        var idCount: Int32
    }

    /// Per slot: entry index + 1, 0 when empty. A power of two long, at most half full.
    private var slots: [Int32] = []
    private var entries: [Entry] = []
    private var bytes: [UInt8] = []
    private var ids: [Int32] = []

    /// How many words the table holds.
    var count: Int { entries.count }
    /// How many bytes its words take.
    var byteCount: Int { bytes.count }

    /// The hash of a word's bytes (any 64-bit mix will do: only this table reads it).
    @inline(__always)
    static func hash(_ key: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(truncatingIfNeeded: key.count)
        var i = 0
        let n = key.count
        while n - i >= 8 {
            var word: UInt64 = 0
            for k in 0..<8 { word |= UInt64(key[i + k]) << (8 * k) }
            h = mix(h ^ word)
            i += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while i < n {
            tail |= UInt64(key[i]) << shift
            shift += 8
            i += 1
        }
        h = mix(h ^ tail)
        return h ^ (h >> 29)
    }

    @inline(__always)
    private static func mix(_ x: UInt64) -> UInt64 {
        let m = x.multipliedFullWidth(by: 0xBF58_476D_1CE4_E5B9)
        return m.high ^ m.low
    }

    /// Calls `body` with each term id of the word `key` (whose ``hash(_:)`` is `hash`), in order;
    /// false when the table does not know the word.
    @inline(__always)
    func forEachID(of key: UnsafeBufferPointer<UInt8>, hash: UInt64, _ body: (Int32) -> Void) -> Bool {
        guard !slots.isEmpty else { return false }
        let mask = slots.count - 1
        var s = Int(truncatingIfNeeded: hash) & mask
        while true {
            let e = Int(slots[s])
            if e == 0 { return false }
            let entry = entries[e - 1]
            if entry.hash == hash, Int(entry.keyCount) == key.count, matches(entry, key) {
                let first = Int(entry.idStart)
                for k in first..<(first + Int(entry.idCount)) { body(ids[k]) }
                return true
            }
            s = (s + 1) & mask
        }
    }

    private func matches(_ entry: Entry, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = Int(entry.keyStart)
        for k in 0..<key.count where bytes[start + k] != key[k] { return false }
        return true
    }

    /// Adds the word `key` (not yet in the table, hash `hash`) with its term ids. A word that would
    /// take the table past 32-bit offsets is not kept (it is analysed again when met again): one
    /// write can hold more unique words than ``IndexTermCache/trim()`` allows between writes.
    mutating func insert(_ key: UnsafeBufferPointer<UInt8>, hash: UInt64, ids termIDs: [Int32]) {
        let limit = Int(Int32.max) / 2
        guard bytes.count + key.count < limit, ids.count + termIDs.count < limit, entries.count < limit else { return }
        if (entries.count + 1) * 2 > slots.count { grow() }
        let entry = Entry(
            hash: hash, keyStart: Int32(truncatingIfNeeded: bytes.count), keyCount: Int32(truncatingIfNeeded: key.count),
            idStart: Int32(truncatingIfNeeded: ids.count), idCount: Int32(truncatingIfNeeded: termIDs.count))
        bytes.append(contentsOf: key)
        ids.append(contentsOf: termIDs)
        entries.append(entry)
        place(entries.count, hash: hash)
    }

    private mutating func place(_ entryNumber: Int, hash: UInt64) {
        let mask = slots.count - 1
        var s = Int(truncatingIfNeeded: hash) & mask
        while slots[s] != 0 { s = (s + 1) & mask }
        slots[s] = Int32(truncatingIfNeeded: entryNumber)
    }

    private mutating func grow() {
        slots = [Int32](repeating: 0, count: max(1024, slots.count * 2))
        for (e, entry) in entries.enumerated() { place(e + 1, hash: entry.hash) }
    }
}
