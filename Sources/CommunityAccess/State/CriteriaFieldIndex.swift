import CommunityModel

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

    /// The posting lists of `names` over the given live records (one pass; pure, so the
    /// passes of several objects may run at once), for ``install(object:_:_:)``.
    static func collect(
        _ names: [String], records: ChunkedArray<UInt32>, rows: ChunkedArray<RecordRow>,
        entities: ChunkedArray<StoredRecord>
    ) -> [[Value: [UInt32]]] {
        var local = [[Value: [UInt32]]](repeating: [:], count: names.count)
        for k in 0..<records.count {
            let i = records[k]
            guard rows[Int(i)].alive else { continue }
            entities.withElement(Int(i)) { stored in
                let record = stored.record
                for (n, name) in names.enumerated() {
                    if let v = record.value(of: name) { local[n][Value(v), default: []].append(i) }
                }
            }
        }
        return local
    }

    /// Starts indexing `names` of `object` with posting lists from ``collect(_:records:rows:entities:)``.
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
