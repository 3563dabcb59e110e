/// A persistent hash map: a hash array mapped trie whose nodes are shared between versions.
///
/// Copying a `HashTrie` is O(1) (one retain). A write copies only the O(log₁₆ n) nodes on
/// the path to its key, and only those still shared with another copy: nodes a writer has
/// already copied are uniquely referenced and change in place, so a bulk load in one
/// transaction costs about as much as filling a dictionary. Nodes reachable from a copy
/// somebody else holds are never mutated, which is what makes published snapshots safe to
/// read from any thread without locks.
///
/// `@unchecked Sendable`: the nodes are `ManagedBuffer`s, which are never `Sendable`; a
/// node is mutated only while uniquely referenced by the writer's private copy of the trie
/// (checked with `isKnownUniquelyReferenced`), so no other thread can hold it, and every
/// node reachable from a shared trie is immutable. Keys and values are `Sendable`.
struct HashTrie<Key: Hashable & Sendable, Value: Sendable>: @unchecked Sendable {
    typealias Node = TrieNode<Key, Value>

    /// The number of entries.
    private(set) var count = 0
    /// `nil` while empty, so an empty trie allocates nothing.
    private var root: Node?

    init() {}

    var isEmpty: Bool { count == 0 }

    subscript(key: Key) -> Value? { root?.find(key, Node.hash(key)) }

    /// Applies `body` to the value for `key` where it is stored, without copying it out;
    /// `nil` when the key is absent.
    func withValue<R>(forKey key: Key, _ body: (borrowing Value) throws -> R) rethrows -> R? {
        guard let root else { return nil }
        return try root.withValue(key, Node.hash(key), body)
    }

    /// Inserts or replaces the value for `key`, returning the value it replaced.
    @discardableResult
    mutating func updateValue(_ value: Value, forKey key: Key) -> Value? {
        guard root != nil else {
            root = Node.single(key, value, Node.hash(key), 0)
            count = 1
            return nil
        }
        let old = Node.insert(&root!, key, value, Node.hash(key), 0)  // trap-safe: root was checked non-nil just above
        if old == nil { count += 1 }
        return old
    }

    /// Removes the value for `key`, returning it.
    @discardableResult
    mutating func removeValue(forKey key: Key) -> Value? {
        let hash = Node.hash(key)
        guard let found = root?.find(key, hash) else { return nil }  // never copy a path for nothing
        count -= 1
        if count == 0 {
            root = nil
        } else {
            _ = Node.remove(&root!, key, hash, 0)  // trap-safe: the key was found in root just above
        }
        return found
    }

    /// Changes the value for `key` in place (starting from `makeDefault()` when absent);
    /// `body` returns whether the entry should remain.
    mutating func update(
        _ key: Key, default makeDefault: () -> Value, _ body: (inout Value) -> Bool
    ) {
        let hash = Node.hash(key)
        guard root != nil else {
            var value = makeDefault()
            guard body(&value) else { return }
            root = Node.single(key, value, hash, 0)
            count = 1
            return
        }
        count += Node.modify(&root!, key, hash, 0, makeDefault, body)  // trap-safe: root was checked non-nil just above
        if count == 0 { root = nil }
    }

    /// Calls `body` for every entry, in no particular order.
    func forEach(_ body: (Key, Value) throws -> Void) rethrows { try root?.forEach(body) }

    /// Every key, in no particular order.
    var keys: [Key] {
        var result: [Key] = []
        result.reserveCapacity(count)
        forEach { key, _ in result.append(key) }
        return result
    }
}

/// The fixed part of a ``TrieNode``.
struct TrieNodeHeader {
    /// Which of the 16 slots hold an entry (unused below 64 bits of hash).
    var dataMap: UInt32
    /// Which of the 16 slots hold a child.
    var nodeMap: UInt32
    /// Entries stored (for a collision node, the only record of how many there are).
    var entryCount: UInt32
    /// Entries that fit before the node must be reallocated.
    var entryCapacity: UInt32
}

/// One node of a ``HashTrie``: entries and children selected by 4 bits of the hash per level,
/// in a single allocation.
///
/// Sixteen ways rather than thirty-two: a write copies every node on its path, and smaller
/// nodes make that copy (and freeing the replaced one) cheaper than the extra level costs.
/// Below 64 bits of hash, a node is a plain list of colliding entries.
///
/// The object's tail holds the children (one reference each, in slot order) followed by the
/// entries (key and value, in slot order), so a node costs one heap block instead of an
/// object and two arrays; a node's allocation is sized to what it holds, rounded up to fill
/// the allocator's block. Entries are inserted in place while they fit; any other change of
/// shape (a child added or removed) builds a replacement node, moving the elements when the
/// old node is uniquely referenced.
///
/// Not `Sendable` itself (`ManagedBuffer` never is); ``HashTrie`` explains why sharing
/// nodes between threads is safe.
final class TrieNode<Key: Hashable & Sendable, Value: Sendable>: ManagedBuffer<TrieNodeHeader, UInt8> {
    typealias Entry = (key: Key, value: Value)

    deinit {
        withUnsafeMutablePointers { header, base in
            let childCount = header.pointee.nodeMap.nonzeroBitCount
            let children = UnsafeMutableRawPointer(base).assumingMemoryBound(to: TrieNode.self)
            children.deinitialize(count: childCount)
            Self.entries(base, childCount).deinitialize(count: Int(header.pointee.entryCount))
        }
    }

    // MARK: Layout

    /// Where the entries start, relative to the children.
    @inline(__always)
    private static func entryOffset(_ childCount: Int) -> Int {
        let align = MemoryLayout<Entry>.alignment
        return (childCount &* MemoryLayout<TrieNode>.stride &+ align &- 1) & ~(align &- 1)
    }

    @inline(__always)
    private static func entries(_ base: UnsafeMutablePointer<UInt8>, _ childCount: Int) -> UnsafeMutablePointer<Entry> {
        (UnsafeMutableRawPointer(base) + entryOffset(childCount)).assumingMemoryBound(to: Entry.self)
    }

    @inline(__always)
    private var base: UnsafeMutablePointer<UInt8> { withUnsafeMutablePointerToElements { $0 } }

    @inline(__always)
    private var childCount: Int { header.nodeMap.nonzeroBitCount }

    /// The children, in slot order.
    @inline(__always)
    private var children: UnsafeMutablePointer<TrieNode> {
        UnsafeMutableRawPointer(base).assumingMemoryBound(to: TrieNode.self)
    }

    /// The entries, in slot order.
    @inline(__always)
    private var entries: UnsafeMutablePointer<Entry> { Self.entries(base, childCount) }

    /// A node with room for `entryCount` entries (more if the allocator's block has space)
    /// and exactly `childCount` children, neither initialised.
    private static func allocate(dataMap: UInt32, nodeMap: UInt32, entryCount: Int) -> TrieNode {
        let childCount = nodeMap.nonzeroBitCount
        let offset = entryOffset(childCount)
        let stride = MemoryLayout<Entry>.stride
        let needed = offset + entryCount * stride
        // glibc hands out blocks of 16n + 8 usable bytes; fill the block this node gets anyway.
        // The object's own header is 32 bytes (16 for the Swift object, 16 for ours).
        let usable = ((32 + needed + 8 + 15) & ~15) - 8 - 32
        let capacity = entryCount + (stride > 0 ? max(0, usable - needed) / stride : 0)
        let node = create(minimumCapacity: offset + capacity * stride) { _ in
            TrieNodeHeader(dataMap: dataMap, nodeMap: nodeMap, entryCount: 0, entryCapacity: UInt32(capacity))
        }
        return unsafeDowncast(node, to: TrieNode.self)
    }

    static func hash(_ key: Key) -> UInt64 { UInt64(bitPattern: Int64(key.hashValue)) }

    @inline(__always)
    private static func bit(_ hash: UInt64, _ shift: Int) -> UInt32 { 1 << UInt32((hash >> UInt64(shift)) & 15) }

    @inline(__always)
    private static func index(_ map: UInt32, _ bit: UInt32) -> Int { (map & (bit &- 1)).nonzeroBitCount }

    /// A node holding one entry, at the level of `shift`.
    static func single(_ key: Key, _ value: Value, _ hash: UInt64, _ shift: Int) -> TrieNode {
        let node = allocate(dataMap: shift >= 64 ? 0 : bit(hash, shift), nodeMap: 0, entryCount: 1)
        node.entries.initialize(to: (key, value))
        node.header.entryCount = 1
        return node
    }

    // MARK: Reading

    func find(_ key: Key, _ hash: UInt64) -> Value? {
        var node = self
        var shift = 0
        while true {
            let entries = node.entries
            if shift >= 64 {
                for i in 0..<Int(node.header.entryCount) where entries[i].key == key { return entries[i].value }
                return nil
            }
            let bit = Self.bit(hash, shift)
            let header = node.header
            if header.dataMap & bit != 0 {
                let entry = entries + Self.index(header.dataMap, bit)
                return entry.pointee.key == key ? entry.pointee.value : nil
            }
            guard header.nodeMap & bit != 0 else { return nil }
            node = node.children[Self.index(header.nodeMap, bit)]
            shift += 4
        }
    }

    func withValue<R>(_ key: Key, _ hash: UInt64, _ body: (borrowing Value) throws -> R) rethrows -> R? {
        var node = self
        var shift = 0
        while true {
            let entries = node.entries
            if shift >= 64 {
                for i in 0..<Int(node.header.entryCount) where entries[i].key == key {
                    return try withExtendedLifetime(node) { try body(entries[i].value) }
                }
                return nil
            }
            let bit = Self.bit(hash, shift)
            let header = node.header
            if header.dataMap & bit != 0 {
                let entry = entries + Self.index(header.dataMap, bit)
                guard entry.pointee.key == key else { return nil }
                return try withExtendedLifetime(node) { try body(entry.pointee.value) }
            }
            guard header.nodeMap & bit != 0 else { return nil }
            node = node.children[Self.index(header.nodeMap, bit)]
            shift += 4
        }
    }

    func forEach(_ body: (Key, Value) throws -> Void) rethrows {
        let entries = self.entries
        for i in 0..<Int(header.entryCount) { try body(entries[i].key, entries[i].value) }
        let children = self.children
        for j in 0..<childCount { try children[j].forEach(body) }
    }

    // MARK: Writing

    /// Makes `node` safe to change in place: copies it (same shape) if anybody else holds it.
    @inline(__always)
    private static func makeUnique(_ node: inout TrieNode) {
        if !isKnownUniquelyReferenced(&node) { node = node.rebuilt(unique: false) }
    }

    /// A replacement for this node with maps `dataMap`/`nodeMap`, its entries with `entryEdit`
    /// applied and its children with `childEdit` applied. When `unique`, the elements are moved
    /// out (this node is left empty); otherwise they are copied. An entry or child the edit
    /// removes is destroyed (unique) or skipped (shared).
    private func rebuilt(
        unique: Bool, dataMap: UInt32? = nil, nodeMap: UInt32? = nil,
        entryEdit: Edit<Entry> = .none, childEdit: Edit<TrieNode> = .none
    ) -> TrieNode {
        let oldEntryCount = Int(header.entryCount), oldChildCount = childCount
        let node = Self.allocate(
            dataMap: dataMap ?? header.dataMap, nodeMap: nodeMap ?? header.nodeMap,
            entryCount: oldEntryCount + entryEdit.delta)
        Self.transfer(from: entries, oldEntryCount, to: node.entries, entryEdit, unique: unique)
        Self.transfer(from: children, oldChildCount, to: node.children, childEdit, unique: unique)
        node.header.entryCount = UInt32(oldEntryCount + entryEdit.delta)
        if unique {  // everything moved out or destroyed: nothing left for deinit
            header.entryCount = 0
            header.nodeMap = 0
        }
        return node
    }

    /// One change to a run of elements while it is copied or moved into a new node.
    private enum Edit<T> {
        case none
        case insert(Int, T)
        case remove(Int)

        var delta: Int {
            switch self {
            case .none: 0
            case .insert: 1
            case .remove: -1
            }
        }
    }

    private static func transfer<T>(
        from source: UnsafeMutablePointer<T>, _ count: Int, to target: UnsafeMutablePointer<T>, _ edit: Edit<T>,
        unique: Bool
    ) {
        func copy(_ from: UnsafeMutablePointer<T>, _ to: UnsafeMutablePointer<T>, _ n: Int) {
            guard n > 0 else { return }
            if unique { to.moveInitialize(from: from, count: n) } else { to.initialize(from: from, count: n) }
        }
        switch edit {
        case .none:
            copy(source, target, count)
        case .insert(let i, let element):
            copy(source, target, i)
            (target + i).initialize(to: element)
            copy(source + i, target + i + 1, count - i)
        case .remove(let i):
            copy(source, target, i)
            if unique { (source + i).deinitialize(count: 1) }
            copy(source + i + 1, target + i, count - i - 1)
        }
    }

    /// Inserts `entry` at `i` of this node's entries (setting `bit` in the data map),
    /// in place when the node is unique and has room.
    private static func insertEntry(_ node: inout TrieNode, at i: Int, _ entry: Entry, bit: UInt32) {
        let unique = isKnownUniquelyReferenced(&node)
        let count = Int(node.header.entryCount)
        if unique && count < node.header.entryCapacity {
            let entries = node.entries
            if i < count { (entries + i + 1).moveInitialize(from: entries + i, count: count - i) }
            (entries + i).initialize(to: entry)
            node.header.entryCount += 1
            node.header.dataMap |= bit
        } else {
            node = node.rebuilt(unique: unique, dataMap: node.header.dataMap | bit, entryEdit: .insert(i, entry))
        }
    }

    /// Removes the entry at `i` of this (unique) node, clearing `bit` in the data map.
    private static func removeEntry(_ node: TrieNode, at i: Int, bit: UInt32) -> Value {
        let entries = node.entries
        let count = Int(node.header.entryCount)
        let removed = (entries + i).move()
        if i < count - 1 { (entries + i).moveInitialize(from: entries + i + 1, count: count - i - 1) }
        node.header.entryCount -= 1
        node.header.dataMap &= ~bit
        return removed.value
    }

    /// Inserts into the trie rooted at `node`; returns the value replaced.
    static func insert(_ node: inout TrieNode, _ key: Key, _ value: Value, _ hash: UInt64, _ shift: Int) -> Value? {
        if shift >= 64 {
            let entries = node.entries
            for i in 0..<Int(node.header.entryCount) where entries[i].key == key {
                makeUnique(&node)
                return swap(&node.entries[i].value, value)
            }
            insertEntry(&node, at: Int(node.header.entryCount), (key, value), bit: 0)
            return nil
        }
        let bit = Self.bit(hash, shift)
        let header = node.header
        if header.dataMap & bit != 0 {
            let i = index(header.dataMap, bit)
            let existing = node.entries[i]
            if existing.key == key {
                makeUnique(&node)
                return swap(&node.entries[i].value, value)
            }
            // Push both entries down into a new child.
            let child = pair(existing.key, existing.value, Self.hash(existing.key), key, value, hash, shift + 4)
            node = node.rebuilt(
                unique: isKnownUniquelyReferenced(&node), dataMap: header.dataMap ^ bit, nodeMap: header.nodeMap | bit,
                entryEdit: .remove(i), childEdit: .insert(index(header.nodeMap, bit), child))
            return nil
        }
        if header.nodeMap & bit != 0 {
            makeUnique(&node)
            return insert(&node.children[index(header.nodeMap, bit)], key, value, hash, shift + 4)
        }
        insertEntry(&node, at: index(header.dataMap, bit), (key, value), bit: bit)
        return nil
    }

    @inline(__always)
    private static func swap(_ slot: inout Value, _ value: Value) -> Value {
        let old = slot
        slot = value
        return old
    }

    /// Removes `key` from the trie rooted at `node`, which holds it and at least one other entry.
    static func remove(_ node: inout TrieNode, _ key: Key, _ hash: UInt64, _ shift: Int) -> Value? {
        makeUnique(&node)
        if shift >= 64 {
            let entries = node.entries
            for i in 0..<Int(node.header.entryCount) where entries[i].key == key {
                return removeEntry(node, at: i, bit: 0)
            }
            return nil
        }
        let bit = Self.bit(hash, shift)
        let header = node.header
        if header.dataMap & bit != 0 {
            let i = index(header.dataMap, bit)
            guard node.entries[i].key == key else { return nil }
            return removeEntry(node, at: i, bit: bit)
        }
        guard header.nodeMap & bit != 0 else { return nil }
        let j = index(header.nodeMap, bit)
        let old = remove(&node.children[j], key, hash, shift + 4)
        compact(&node, child: j, bit: bit)
        return old
    }

    /// Updates in place; returns the change in the entry count (-1, 0 or +1). A node left
    /// empty stays (empty) only at the root; the caller drops an empty trie's root.
    static func modify(
        _ node: inout TrieNode, _ key: Key, _ hash: UInt64, _ shift: Int, _ makeDefault: () -> Value,
        _ body: (inout Value) -> Bool
    ) -> Int {
        if shift >= 64 {
            let entries = node.entries
            for i in 0..<Int(node.header.entryCount) where entries[i].key == key {
                makeUnique(&node)
                if body(&node.entries[i].value) { return 0 }
                _ = removeEntry(node, at: i, bit: 0)
                return -1
            }
            var value = makeDefault()
            guard body(&value) else { return 0 }
            insertEntry(&node, at: Int(node.header.entryCount), (key, value), bit: 0)
            return 1
        }
        let bit = Self.bit(hash, shift)
        let header = node.header
        if header.dataMap & bit != 0 {
            let i = index(header.dataMap, bit)
            if node.entries[i].key == key {
                makeUnique(&node)
                if body(&node.entries[i].value) { return 0 }
                _ = removeEntry(node, at: i, bit: bit)
                return -1
            }
            var value = makeDefault()
            guard body(&value) else { return 0 }
            _ = insert(&node, key, value, hash, shift)  // pushes the two entries down
            return 1
        }
        if header.nodeMap & bit != 0 {
            makeUnique(&node)
            let j = index(header.nodeMap, bit)
            let delta = modify(&node.children[j], key, hash, shift + 4, makeDefault, body)
            if delta < 0 { compact(&node, child: j, bit: bit) }
            return delta
        }
        var value = makeDefault()
        guard body(&value) else { return 0 }
        insertEntry(&node, at: index(header.dataMap, bit), (key, value), bit: bit)
        return 1
    }

    /// Keeps the (unique) node canonical after a removal below: an empty child goes, a child
    /// left with a single entry and no children is pulled up into this node.
    private static func compact(_ node: inout TrieNode, child j: Int, bit: UInt32) {
        let child = node.children[j]
        guard child.header.nodeMap == 0, child.header.entryCount <= 1 else { return }
        let header = node.header
        if child.header.entryCount == 1 {
            let only = child.entries[0]
            node = node.rebuilt(
                unique: true, dataMap: header.dataMap | bit, nodeMap: header.nodeMap ^ bit,
                entryEdit: .insert(index(header.dataMap, bit), only), childEdit: .remove(j))
        } else {
            node = node.rebuilt(unique: true, nodeMap: header.nodeMap ^ bit, childEdit: .remove(j))
        }
    }

    private static func pair(
        _ k1: Key, _ v1: Value, _ h1: UInt64, _ k2: Key, _ v2: Value, _ h2: UInt64, _ shift: Int
    ) -> TrieNode {
        if shift >= 64 {
            let node = allocate(dataMap: 0, nodeMap: 0, entryCount: 2)
            node.entries.initialize(to: (k1, v1))
            (node.entries + 1).initialize(to: (k2, v2))
            node.header.entryCount = 2
            return node
        }
        let b1 = bit(h1, shift), b2 = bit(h2, shift)
        if b1 == b2 {
            let node = allocate(dataMap: 0, nodeMap: b1, entryCount: 0)
            node.children.initialize(to: pair(k1, v1, h1, k2, v2, h2, shift + 4))
            return node
        }
        let node = allocate(dataMap: b1 | b2, nodeMap: 0, entryCount: 2)
        let (first, second) = b1 < b2 ? ((k1, v1), (k2, v2)) : ((k2, v2), (k1, v1))
        node.entries.initialize(to: first)
        (node.entries + 1).initialize(to: second)
        node.header.entryCount = 2
        return node
    }
}
