import CommunityModel
import Dispatch
import Synchronization

/// An equality index over the record fields that criteria-based sharing rules compare, so
/// that a new rule finds the records it matches from posting lists instead of reading every
/// record of its object. A field is indexed from the first rule that names it on; the index
/// then follows every record insert, update and delete.
struct CriteriaFieldIndex: Sendable {
    /// A field value as criteria compare it: text-like kinds (text, picklist, reference)
    /// are equal when their strings are; other kinds by value.
    enum Value: Hashable, Sendable {
        case text(String)
        case other(FieldValue)

        init(_ v: FieldValue) {
            switch v {
            case .text(let s), .picklist(let s), .reference(let s): self = .text(s)
            default: self = .other(v)
            }
        }
    }

    struct Key: ShardKey {
        var field: UInt16
        var value: Value
        var shard: Int { hashValue & 255 }
    }

    private struct Field: Hashable, Sendable {
        var object: UInt16
        var name: String
    }

    private var fieldIDs = Interner<Field>()
    /// Indexed fields per object (dense object id → field ids and names).
    private var byObject: [[(id: UInt16, name: String)]] = []
    private var postings = ShardedMap<Key, [UInt32]>()

    /// Whether `field` of `object` is indexed.
    func isIndexed(object: UInt16, field: String) -> Bool {
        fieldIDs.id(Field(object: object, name: field)) != nil
    }

    /// The fields of `object` that are indexed.
    func fields(of object: UInt16) -> [(id: UInt16, name: String)] {
        Int(object) < byObject.count ? byObject[Int(object)] : []
    }

    /// The fields of `names` that `object` does not index yet.
    func missing(object: UInt16, _ names: [String]) -> [String] {
        names.filter { !isIndexed(object: object, field: $0) }
    }

    /// The posting lists of `names` over the given live records, for
    /// ``install(object:_:_:)``. Pure, so the passes of several objects may run at once; a
    /// long list of records is read in chunks of `chunk` on all cores, and each value's chunk lists are
    /// joined in chunk order, so every posting list keeps the order of `records`.
    static func collect(
        _ names: [String], records: ChunkedArray<UInt32>, rows: ChunkedArray<RecordRow>,
        entities: ChunkedArray<StoredRecord>, chunk: Int = 65_536
    ) -> [[Value: [UInt32]]] {
        let count = records.count
        let chunk = max(chunk, 1)
        let chunks = count == 0 ? 0 : 1 + (count - 1) / chunk
        guard chunks > 1 else { return collect(names, records: records, 0..<count, rows: rows, entities: entities).map(\.byValue) }
        let parts = Mutex([[PostingCollector]?](repeating: nil, count: chunks))
        DispatchQueue.concurrentPerform(iterations: chunks) { c in
            let range = c * chunk..<min(count, (c + 1) * chunk)
            let part = collect(names, records: records, range, rows: rows, entities: entities)
            parts.withLock { $0[c] = part }
        }
        let collected = parts.withLock { $0 }
        var joined = [PostingCollector](repeating: PostingCollector(), count: names.count)
        for part in collected {
            // Every chunk has run when concurrentPerform returns; should one be missing, the
            // records are read in one pass instead.
            guard let lists = part else { return collect(names, records: records, 0..<count, rows: rows, entities: entities).map(\.byValue) }
            for n in lists.indices { joined[n].append(lists[n]) }
        }
        return joined.map(\.byValue)
    }

    /// The posting lists of `names` over `records[range]` (one pass).
    ///
    /// A projection built from stored access fields is read through those fields directly
    /// (for the names they cover, which is what its `value(of:)` answers too).
    private static func collect(
        _ names: [String], records: ChunkedArray<UInt32>, _ range: Range<Int>, rows: ChunkedArray<RecordRow>,
        entities: ChunkedArray<StoredRecord>
    ) -> [PostingCollector] {
        let covered = names.map(RecordAccessFields.covers)
        var local = [PostingCollector](repeating: PostingCollector(), count: names.count)
        for k in range {
            let i = records[k]
            guard rows[Int(i)].alive else { continue }
            entities.withElement(Int(i)) { stored in
                let record = stored.record
                let projected = record as? ProjectedRecord
                for n in names.indices {
                    let value: FieldValue?
                    if let projected, covered[n] {
                        value = projected.fields.value(of: names[n])
                    } else {
                        value = record.value(of: names[n])
                    }
                    if let value { local[n].append(i, to: Value(value)) }
                }
            }
        }
        return local
    }

    /// Starts indexing `names` of `object` with posting lists from ``collect(_:records:rows:entities:chunk:)``.
    mutating func install(object: UInt16, _ names: [String], _ lists: [[Value: [UInt32]]]) {
        if Int(object) >= byObject.count { byObject += Array(repeating: [], count: Int(object) + 1 - byObject.count) }
        for (n, name) in names.enumerated() where !isIndexed(object: object, field: name) {
            let id = UInt16(fieldIDs.intern(Field(object: object, name: name)))
            byObject[Int(object)].append((id, name))
            guard n < lists.count else { continue }
            for (value, list) in lists[n] { postings[Key(field: id, value: value)] = list }
        }
    }

    /// Moves record `i` of `object` between posting lists: `old` is what the index holds for
    /// it (nil if it was not live), `new` what it should hold (nil when it is deleted).
    mutating func update(_ i: UInt32, object: UInt16, old: (any Record)?, new: (any Record)?) {
        for f in fields(of: object) {
            let before = old?.value(of: f.name).map(Value.init)
            let after = new?.value(of: f.name).map(Value.init)
            guard before != after else { continue }
            if let before {
                let key = Key(field: f.id, value: before)
                postings[key]?.sortedRemove(i)
                if postings[key]?.isEmpty == true { postings[key] = nil }
            }
            if let after { postings[Key(field: f.id, value: after), default: []].sortedInsert(i) }
        }
    }

    /// The records of `object` that satisfy every condition, ascending; `nil` when some
    /// condition's field is not indexed (or there are no conditions).
    func matches(object: UInt16, _ conditions: [SharingCriterion]) -> [UInt32]? {
        guard !conditions.isEmpty else { return nil }
        var lists: [[UInt32]] = []
        for c in conditions {
            guard let id = fieldIDs.id(Field(object: object, name: c.field)) else { return nil }
            lists.append(postings[Key(field: UInt16(id), value: Value(c.equals))] ?? [])
        }
        lists.sort { $0.count < $1.count }
        var result = lists[0]
        for other in lists.dropFirst() {
            guard !result.isEmpty else { break }
            result = result.filter { other.sortedContains($0) }
        }
        return result
    }
}

extension CriteriaFieldIndex {
    /// Writes the indexed fields (in id order) and every posting list for a checkpoint.
    ///
    /// - Throws: ``AccessCheckpointError/undecodableEntity(type:detail:)`` when a field value does not encode.
    func write(to out: inout CheckpointWriter) throws(AccessCheckpointError) {
        out.varint(fieldIDs.keys.count)
        for field in fieldIDs.keys {
            out.u16(field.object)
            out.string(field.name)
        }
        let entries = postings.entries
        out.varint(entries.count)
        for (key, list) in entries {
            out.u16(key.field)
            switch key.value {
            case .text(let s):
                out.u8(0)
                out.string(s)
            case .other(let v):
                out.u8(1)
                do {
                    out.data(try EntityBody.encode(v))
                } catch {
                    throw .undecodableEntity(type: "FieldValue", detail: "cannot encode: \(error)")
                }
            }
            out.u32s(list)
        }
    }

    /// Reads an index ``write(to:)`` wrote, over `rows` record rows.
    init(reading input: inout CheckpointReader, rows: Int) throws(AccessCheckpointError) {
        self.init()
        for _ in 0..<(try input.varint()) {
            let object = try input.u16()
            let name = try input.string()
            let id = fieldIDs.intern(Field(object: object, name: name))
            guard let field = UInt16(exactly: id) else { throw .malformed("too many indexed fields") }
            if Int(object) >= byObject.count { byObject += Array(repeating: [], count: Int(object) + 1 - byObject.count) }
            byObject[Int(object)].append((field, name))
        }
        let count = try input.varint()
        postings.reserve(count)
        for _ in 0..<count {
            let field = try input.u16()
            let value: Value
            switch try input.u8() {
            case 0: value = .text(try input.string())
            case 1:
                let span = try input.span()
                do {
                    value = .other(try EntityBody.decode(FieldValue.self, from: input.bytes, range: span))
                } catch {
                    throw .undecodableEntity(type: "FieldValue", detail: "\(error)")
                }
            case let tag: throw .malformed("unknown field value tag \(tag)")
            }
            guard Int(field) < fieldIDs.count else { throw .malformed("a posting list names field \(field), which is not indexed") }
            let list = try input.u32s()
            guard list.allSatisfy({ Int($0) < rows }) else { throw .malformed("a posting list names a record out of range") }
            postings[Key(field: field, value: value)] = list
        }
    }
}

/// Posting lists by value as ``CriteriaFieldIndex/collect(_:records:rows:entities:chunk:)``
/// builds them. Values are found through a small open-addressing table keyed by a 64-bit
/// FNV-1a fingerprint of the text (equal values have equal fingerprints; a match still
/// compares the values), which spares a `Hasher` run per record: a criteria field such as
/// `AccountId` has thousands of values over a million records.
private struct PostingCollector {
    private var values: [CriteriaFieldIndex.Value] = []
    private var fingerprints: [UInt64] = []
    private var lists: [[UInt32]] = []
    /// Per slot: 1 + the value's position, or 0 when empty; a power of two long.
    private var table = [Int32](repeating: 0, count: 16)
    private var shift: UInt64 = 60

    private static func fingerprint(_ value: CriteriaFieldIndex.Value) -> UInt64 {
        switch value {
        case .text(let s):
            var h: UInt64 = 0xcbf2_9ce4_8422_2325
            let done: Void? = s.utf8.withContiguousStorageIfAvailable { bytes in
                for b in bytes { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01b3 }
            }
            if done == nil {
                for b in s.utf8 { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01b3 }
            }
            return h
        case .other(let v): return UInt64(bitPattern: Int64(v.hashValue)) ^ 0x5555_5555_5555_5555
        }
    }

    private func slot(_ h: UInt64) -> Int { Int(truncatingIfNeeded: (h &* 0x9E37_79B9_7F4A_7C15) >> shift) }

    mutating func append(_ i: UInt32, to value: CriteriaFieldIndex.Value) {
        let h = Self.fingerprint(value)
        let k = position(of: value, h)
        if k < lists.count { lists[k].append(i) } else { lists.append([i]) }
    }

    /// Appends the lists of `other` (collected over later records) to this one's.
    mutating func append(_ other: PostingCollector) {
        for j in other.values.indices {
            let k = position(of: other.values[j], other.fingerprints[j])
            if k < lists.count { lists[k] += other.lists[j] } else { lists.append(other.lists[j]) }
        }
    }

    /// The position of `value` (fingerprint `h`); a new value is added to the table and
    /// gets position `lists.count`, whose list the caller appends.
    private mutating func position(of value: CriteriaFieldIndex.Value, _ h: UInt64) -> Int {
        let mask = table.count - 1
        var s = slot(h)
        while table[s] != 0 {
            let k = Int(table[s]) - 1
            if fingerprints[k] == h, values[k] == value { return k }
            s = (s + 1) & mask
        }
        values.append(value)
        fingerprints.append(h)
        table[s] = Int32(truncatingIfNeeded: values.count)
        if values.count * 2 > table.count { grow() }
        return values.count - 1
    }

    /// Doubles the table and places every value again.
    private mutating func grow() {
        table = [Int32](repeating: 0, count: table.count * 2)
        shift -= 1
        let mask = table.count - 1
        for k in values.indices {
            var s = slot(fingerprints[k])
            while table[s] != 0 { s = (s + 1) & mask }
            table[s] = Int32(truncatingIfNeeded: k + 1)
        }
    }

    /// Every value's list. Texts that are equal as strings but not byte for byte (Unicode
    /// canonical equivalents) were kept apart; their lists are merged here, ascending.
    var byValue: [CriteriaFieldIndex.Value: [UInt32]] {
        var out: [CriteriaFieldIndex.Value: [UInt32]] = [:]
        out.reserveCapacity(values.count)
        for k in values.indices {
            if let earlier = out[values[k]] {
                out[values[k]] = (earlier + lists[k]).sorted()
            } else {
                out[values[k]] = lists[k]
            }
        }
        return out
    }
}
