import Dispatch
import Synchronization

/// A key that picks its shard cheaply.
protocol ShardKey: Hashable, Sendable {
    var shard: Int { get }
}

extension UInt32: ShardKey {
    var shard: Int { Int(self & 255) }
}

extension UInt64: ShardKey {
    var shard: Int { Int(truncatingIfNeeded: (self ^ (self >> 32)) & 255) }
}

extension Principal: ShardKey {
    var shard: Int { Int(index & 255) ^ Int(kind.rawValue) }
}

extension RecordKey: ShardKey {
    var shard: Int {
        let h = fingerprint
        return Int(truncatingIfNeeded: (h ^ (h >> 32) ^ (h >> 48)) & 255)
    }
}

/// A dictionary split into 256 shards, so that a copy-on-write after a snapshot was
/// published copies one shard, not the whole map.
struct ShardedMap<Key: ShardKey, Value: Sendable>: Sendable {
    private var shards = [[Key: Value]](repeating: [:], count: 256)

    /// The number of entries (summed over the shards; off the hot path).
    var count: Int { shards.reduce(0) { $0 + $1.count } }

    subscript(key: Key) -> Value? {
        get { shards[key.shard][key] }
        _modify { yield &shards[key.shard][key] }
    }

    subscript(key: Key, default value: @autoclosure () -> Value) -> Value {
        get { shards[key.shard][key] ?? value() }
        _modify { yield &shards[key.shard][key, default: value()] }
    }

    var isEmpty: Bool { shards.allSatisfy(\.isEmpty) }

    /// The value for `key`, inserting `value` first if the key is absent (one probe).
    mutating func valueInserting(_ key: Key, _ value: Value) -> Value {
        Self.current(&shards[key.shard][key, default: value])
    }

    private static func current(_ v: inout Value) -> Value { v }

    /// Makes room for `n` more entries in total (spread over the shards), so a bulk load
    /// does not rehash as it grows.
    mutating func reserve(_ n: Int) {
        let each = (count + n) / shards.count + 1
        for s in 0..<shards.count where shards[s].capacity < each { shards[s].reserveCapacity(each) }
    }

    /// Inserts `keys[k]` with value `value(k)` for every `k`, on all cores (each shard's
    /// entries on one thread). The keys must be distinct and absent from the map: a key that
    /// is present has its value replaced, as a one-by-one insert would.
    mutating func insertNew(_ keys: [Key], chunk: Int = 65_536, value: @escaping @Sendable (Int) -> Value) {
        let count = keys.count
        guard count > 0 else { return }
        let chunk = max(chunk, 1)
        // Each key's shard, on all cores (`chunk` keys at a time), then the keys of each
        // shard by counting sort.
        let chunks = 1 + (count - 1) / chunk
        let shardOf = Mutex([[UInt8]?](repeating: nil, count: chunks))
        DispatchQueue.concurrentPerform(iterations: chunks) { c in
            let part = keys[c * chunk..<min(count, (c + 1) * chunk)].map { UInt8(truncatingIfNeeded: $0.shard) }
            shardOf.withLock { $0[c] = part }
        }
        let parts = shardOf.withLock { $0 }
        var starts = [Int](repeating: 0, count: shards.count + 1)
        for part in parts {
            for s in part ?? [] { starts[Int(s) + 1] += 1 }
        }
        for s in 0..<shards.count { starts[s + 1] += starts[s] }
        var next = starts
        var members = [Int](repeating: 0, count: count)
        var k = 0
        for part in parts {
            for s in part ?? [] {
                members[next[Int(s)]] = k
                next[Int(s)] += 1
                k += 1
            }
        }
        // A chunk that did not run leaves its keys unplaced: insert them one by one.
        guard k == count else {
            for k in keys.indices { self[keys[k]] = value(k) }
            return
        }
        // The shards move into boxes (so each is uniquely referenced and grows in place),
        // are filled on all cores, and move back.
        let boxes = shards.map { ShardBox($0) }
        shards = []
        let placed = members, bounds = starts
        DispatchQueue.concurrentPerform(iterations: boxes.count) { s in
            boxes[s].entries.withLock { entries in
                entries.reserveCapacity(entries.count + bounds[s + 1] - bounds[s])
                for m in bounds[s]..<bounds[s + 1] { entries[keys[placed[m]]] = value(placed[m]) }
            }
        }
        shards = boxes.map { box in box.entries.withLock { entries in
            defer { entries = [:] }
            return entries
        } }
    }

    /// One shard while ``insertNew(_:chunk:value:)`` fills the shards on several threads.
    private final class ShardBox: Sendable {
        let entries: Mutex<[Key: Value]>
        init(_ entries: [Key: Value]) { self.entries = Mutex(entries) }
    }

    /// Every key (unordered).
    var keys: [Key] { shards.flatMap { Array($0.keys) } }

    /// Every entry (unordered).
    var entries: [(key: Key, value: Value)] { shards.flatMap { $0.map { ($0.key, $0.value) } } }
}

/// Dense, stable integer ids for keys, with sharded storage (see ``ShardedMap``).
struct ShardedInterner<Key: ShardKey>: Sendable {
    private var ids = ShardedMap<Key, UInt32>()
    private(set) var keys: ChunkedArray<Key?> = ChunkedArray(filler: nil)

    var count: Int { keys.count }

    func id(_ key: Key) -> UInt32? { ids[key] }

    func key(_ id: UInt32) -> Key { keys[Int(id)]! }  // trap-safe: ids come only from intern(_:), which stores the key at that index first

    /// Makes room for `n` more keys.
    mutating func reserve(_ n: Int) { ids.reserve(n) }

    mutating func intern(_ key: Key) -> UInt32 {
        let next = UInt32(keys.count)
        let id = ids.valueInserting(key, next)
        if id == next { keys.append(key) }
        return id
    }

    /// Interns keys that are distinct and not interned yet: they get the next ids in order,
    /// the ids ``intern(_:)`` called for each would give, and their map entries are made on
    /// all cores. Returns the first key's id.
    mutating func internNew(_ new: [Key], chunk: Int = 65_536) -> UInt32 {
        let first = keys.count
        for key in new { keys.append(key) }
        ids.insertNew(new, chunk: chunk) { UInt32(truncatingIfNeeded: first + $0) }
        return UInt32(truncatingIfNeeded: first)
    }
}
