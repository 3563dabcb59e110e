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
}
