/// A persistent hash map: a hash array mapped trie whose nodes are shared between versions.
///
/// Copying a `HashTrie` is O(1) (one retain). A write copies only the O(log₁₆ n) nodes on
/// the path to its key, and only those still shared with another copy: nodes a writer has
/// already copied are uniquely referenced and change in place, so a bulk load in one
/// transaction costs about as much as filling a dictionary. Nodes reachable from a copy
/// somebody else holds are never mutated, which is what makes published snapshots safe to
/// read from any thread without locks.
struct HashTrie<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    /// The number of entries.
    private(set) var count = 0
    private var root = TrieNode<Key, Value>()

    init() {}

    var isEmpty: Bool { count == 0 }

    subscript(key: Key) -> Value? { root.find(key, TrieNode<Key, Value>.hash(key)) }

    /// Applies `body` to the value for `key` where it is stored, without copying it out;
    /// `nil` when the key is absent.
    func withValue<R>(forKey key: Key, _ body: (borrowing Value) throws -> R) rethrows -> R? {
        try root.withValue(key, TrieNode<Key, Value>.hash(key), 0, body)
    }

    /// Inserts or replaces the value for `key`, returning the value it replaced.
    @discardableResult
    mutating func updateValue(_ value: Value, forKey key: Key) -> Value? {
        if !isKnownUniquelyReferenced(&root) { root = root.copy() }
        let old = root.insert(key, value, TrieNode<Key, Value>.hash(key), 0)
        if old == nil { count += 1 }
        return old
    }

    /// Removes the value for `key`, returning it.
    @discardableResult
    mutating func removeValue(forKey key: Key) -> Value? {
        let hash = TrieNode<Key, Value>.hash(key)
        guard root.find(key, hash) != nil else { return nil }  // never copy a path for nothing
        if !isKnownUniquelyReferenced(&root) { root = root.copy() }
        let old = root.remove(key, hash, 0)
        if old != nil { count -= 1 }
        return old
    }

    /// Changes the value for `key` in place (starting from `makeDefault()` when absent);
    /// `body` returns whether the entry should remain.
    mutating func update(
        _ key: Key, default makeDefault: () -> Value, _ body: (inout Value) -> Bool
    ) {
        if !isKnownUniquelyReferenced(&root) { root = root.copy() }
        count += root.modify(key, TrieNode<Key, Value>.hash(key), 0, makeDefault, body)
    }

    /// Calls `body` for every entry, in no particular order.
    func forEach(_ body: (Key, Value) throws -> Void) rethrows { try root.forEach(body) }

    /// Every key, in no particular order.
    var keys: [Key] {
        var result: [Key] = []
        result.reserveCapacity(count)
        forEach { key, _ in result.append(key) }
        return result
    }
}

/// One node of a ``HashTrie``: entries and children selected by 4 bits of the hash per level.
///
/// Sixteen ways rather than thirty-two: a write copies every node on its path, and smaller
/// nodes make that copy (and freeing the replaced one) cheaper than the extra level costs.
///
/// Below 64 bits of hash, a node is a plain list of colliding entries.
///
/// `@unchecked Sendable`: a node is mutated only while uniquely referenced by the writer's
/// private copy of the trie (checked with `isKnownUniquelyReferenced`), so no other thread
/// can hold it; every node reachable from a shared trie is immutable.
final class TrieNode<Key: Hashable & Sendable, Value: Sendable>: @unchecked Sendable {
    private var dataMap: UInt32 = 0  // 16 bits used
    private var nodeMap: UInt32 = 0
    private var storedEntries: ContiguousArray<(key: Key, value: Value)> = []
    private var storedChildren: ContiguousArray<TrieNode> = []
    /// Whether the arrays may still be shared with the node this one was copied from. The
    /// first change then copies them with the element type known (retains inline, one spare
    /// slot) instead of through the generic copy-on-write path. Array semantics keep this
    /// correct either way; the flags only choose the faster copy.
    private var entriesShared = false
    private var childrenShared = false

    private var entries: ContiguousArray<(key: Key, value: Value)> {
        _read { yield storedEntries }
        _modify {
            if entriesShared {
                storedEntries = Self.duplicate(storedEntries)
                entriesShared = false
            }
            yield &storedEntries
        }
    }

    private var children: ContiguousArray<TrieNode> {
        _read { yield storedChildren }
        _modify {
            if childrenShared {
                storedChildren = Self.duplicate(storedChildren)
                childrenShared = false
            }
            yield &storedChildren
        }
    }

    init() {}

    /// A fresh copy of `array` with room for one more element.
    private static func duplicate<T>(_ array: ContiguousArray<T>) -> ContiguousArray<T> {
        var copy = ContiguousArray<T>()
        copy.reserveCapacity(array.count + 1)
        for element in array { copy.append(element) }
        return copy
    }

    static func hash(_ key: Key) -> UInt64 { UInt64(bitPattern: Int64(key.hashValue)) }

    private static func bit(_ hash: UInt64, _ shift: Int) -> UInt32 { 1 << UInt32((hash >> UInt64(shift)) & 15) }

    private static func index(_ map: UInt32, _ bit: UInt32) -> Int { (map & (bit &- 1)).nonzeroBitCount }

    func copy() -> TrieNode {
        let node = TrieNode()
        node.dataMap = dataMap
        node.nodeMap = nodeMap
        node.storedEntries = storedEntries
        node.storedChildren = storedChildren
        node.entriesShared = true
        node.childrenShared = true
        return node
    }

    func find(_ key: Key, _ hash: UInt64) -> Value? {
        var node = self
        var shift = 0
        while true {
            if shift >= 64 {
                return node.entries.first { $0.key == key }?.value
            }
            let bit = Self.bit(hash, shift)
            if node.dataMap & bit != 0 {
                let entry = node.entries[Self.index(node.dataMap, bit)]
                return entry.key == key ? entry.value : nil
            }
            guard node.nodeMap & bit != 0 else { return nil }
            node = node.children[Self.index(node.nodeMap, bit)]
            shift += 4
        }
    }

    func withValue<R>(_ key: Key, _ hash: UInt64, _ shift: Int, _ body: (borrowing Value) throws -> R) rethrows -> R? {
        if shift >= 64 {
            for entry in entries where entry.key == key { return try body(entry.value) }
            return nil
        }
        let bit = Self.bit(hash, shift)
        if dataMap & bit != 0 {
            let i = Self.index(dataMap, bit)
            return entries[i].key == key ? try body(entries[i].value) : nil
        }
        guard nodeMap & bit != 0 else { return nil }
        return try children[Self.index(nodeMap, bit)].withValue(key, hash, shift + 4, body)
    }

    /// Inserts into this (uniquely referenced) node.
    func insert(_ key: Key, _ value: Value, _ hash: UInt64, _ shift: Int) -> Value? {
        if shift >= 64 {
            if let i = entries.firstIndex(where: { $0.key == key }) {
                let old = entries[i].value
                entries[i].value = value
                return old
            }
            entries.append((key, value))
            return nil
        }
        let bit = Self.bit(hash, shift)
        if dataMap & bit != 0 {
            let i = Self.index(dataMap, bit)
            if entries[i].key == key {
                let old = entries[i].value
                entries[i].value = value
                return old
            }
            pushDown(at: i, bit: bit, key, value, hash, shift)
            return nil
        }
        if nodeMap & bit != 0 {
            let j = uniqueChild(bit)
            return children[j].insert(key, value, hash, shift + 4)
        }
        let i = Self.index(dataMap, bit)
        entries.insert((key, value), at: i)
        dataMap |= bit
        return nil
    }

    /// Removes from this (uniquely referenced) node; the key must be present below it.
    func remove(_ key: Key, _ hash: UInt64, _ shift: Int) -> Value? {
        if shift >= 64 {
            guard let i = entries.firstIndex(where: { $0.key == key }) else { return nil }
            return entries.remove(at: i).value
        }
        let bit = Self.bit(hash, shift)
        if dataMap & bit != 0 {
            let i = Self.index(dataMap, bit)
            guard entries[i].key == key else { return nil }
            dataMap ^= bit
            return entries.remove(at: i).value
        }
        guard nodeMap & bit != 0 else { return nil }
        let j = uniqueChild(bit)
        let old = children[j].remove(key, hash, shift + 4)
        compact(child: j, bit: bit)
        return old
    }

    /// Updates in place; returns the change in the entry count (-1, 0 or +1).
    func modify(
        _ key: Key, _ hash: UInt64, _ shift: Int, _ makeDefault: () -> Value, _ body: (inout Value) -> Bool
    ) -> Int {
        if shift >= 64 {
            if let i = entries.firstIndex(where: { $0.key == key }) {
                if body(&entries[i].value) { return 0 }
                entries.remove(at: i)
                return -1
            }
            var value = makeDefault()
            guard body(&value) else { return 0 }
            entries.append((key, value))
            return 1
        }
        let bit = Self.bit(hash, shift)
        if dataMap & bit != 0 {
            let i = Self.index(dataMap, bit)
            if entries[i].key == key {
                if body(&entries[i].value) { return 0 }
                entries.remove(at: i)
                dataMap ^= bit
                return -1
            }
            var value = makeDefault()
            guard body(&value) else { return 0 }
            pushDown(at: i, bit: bit, key, value, hash, shift)
            return 1
        }
        if nodeMap & bit != 0 {
            let j = uniqueChild(bit)
            let delta = children[j].modify(key, hash, shift + 4, makeDefault, body)
            if delta < 0 { compact(child: j, bit: bit) }
            return delta
        }
        var value = makeDefault()
        guard body(&value) else { return 0 }
        let i = Self.index(dataMap, bit)
        entries.insert((key, value), at: i)
        dataMap |= bit
        return 1
    }

    func forEach(_ body: (Key, Value) throws -> Void) rethrows {
        for entry in entries { try body(entry.key, entry.value) }
        for child in children { try child.forEach(body) }
    }

    /// The index of the child at `bit`, copied first if another trie shares it.
    private func uniqueChild(_ bit: UInt32) -> Int {
        let j = Self.index(nodeMap, bit)
        if !isKnownUniquelyReferenced(&children[j]) { children[j] = children[j].copy() }
        return j
    }

    /// Replaces the entry at `i` with a child holding it and the new entry.
    private func pushDown(at i: Int, bit: UInt32, _ key: Key, _ value: Value, _ hash: UInt64, _ shift: Int) {
        let old = entries.remove(at: i)
        let child = Self.pair(old.key, old.value, Self.hash(old.key), key, value, hash, shift + 4)
        dataMap ^= bit
        children.insert(child, at: Self.index(nodeMap, bit))
        nodeMap |= bit
    }

    /// Keeps the trie canonical after a removal below: an empty child goes, a child left
    /// with a single entry is pulled up into this node.
    private func compact(child j: Int, bit: UInt32) {
        let child = children[j]
        guard child.children.isEmpty, child.entries.count <= 1 else { return }
        children.remove(at: j)
        nodeMap ^= bit
        if let only = child.entries.first {
            entries.insert(only, at: Self.index(dataMap, bit))
            dataMap |= bit
        }
    }

    private static func pair(
        _ k1: Key, _ v1: Value, _ h1: UInt64, _ k2: Key, _ v2: Value, _ h2: UInt64, _ shift: Int
    ) -> TrieNode {
        let node = TrieNode()
        if shift >= 64 {
            node.entries = [(k1, v1), (k2, v2)]
            return node
        }
        let b1 = bit(h1, shift), b2 = bit(h2, shift)
        if b1 == b2 {
            node.nodeMap = b1
            node.children = [pair(k1, v1, h1, k2, v2, h2, shift + 4)]
        } else {
            node.dataMap = b1 | b2
            node.entries = b1 < b2 ? [(k1, v1), (k2, v2)] : [(k2, v2), (k1, v1)]
        }
        return node
    }
}
