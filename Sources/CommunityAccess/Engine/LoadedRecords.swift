import CommunityModel
import Dispatch
import Synchronization

/// The records of one type as a build reads them: decoded, or (from an
/// ``EncodedRecordReading`` snapshot) as projections of their stored access fields with their
/// bodies still encoded; rows without access fields are decoded.
enum LoadedRecords: Sendable {
    case decoded([any Record])
    /// Records in store order (projections, and decoded records for rows without access
    /// fields), whether each is a projection, and the encoded bodies, row for row.
    case projected(EntityType, [any Record], projected: [Bool], EncodedBodies)

    /// The number of records.
    var count: Int {
        switch self {
        case .decoded(let records): records.count
        case .projected(_, let records, _, _): records.count
        }
    }

    /// The record objects some field of which a build reads is not covered by stored access
    /// fields. A build reads `ContactId` (covered) of every record, the parent field of a Controlled by Parent
    /// default, the fields criteria rules compare and the lookups sharing sets map. Owner and
    /// account are read from the access fields' own columns.
    static func unprojectableObjects(_ configuration: [any Entity]) -> Set<EntityType> {
        var read: [EntityType: Set<String>] = [:]
        for entity in configuration {
            switch entity {
            case let owd as OrgWideDefault where owd.internalAccess == .controlledByParent:
                read[owd.object, default: []].insert(owd.parentField ?? "AccountId")
            case let rule as SharingRule:
                if case .criteria(let conditions) = rule.selection {
                    read[rule.object, default: []].formUnion(conditions.map(\.field))
                }
            case let set as SharingSet:
                for m in set.mappings where !AccessState.sharingSetColumnFields.contains(m.recordField) {
                    read[m.object, default: []].insert(m.recordField)
                }
            default: continue
            }
        }
        return Set(read.filter { !$0.value.allSatisfy(RecordAccessFields.covers) }.keys)
    }

    /// Reads every row of `type` undecoded (then calls `rowsRead`) and turns the access
    /// fields into projections on all cores (decoding the rows that have none).
    ///
    /// - Throws: the store's error; ``StoreError/corrupt(entity:id:detail:)`` for access
    ///   fields that do not read, or a body without them that does not decode.
    static func reading<R: Record>(
        _ type: R.Type, from snapshot: any EncodedRecordReading, misses: FieldMisses, rowsRead: () -> Void = {}
    ) throws -> LoadedRecords {
        let rows = try snapshot.encodedRecords(type)
        rowsRead()
        let count = rows.count
        let chunk = 16_384
        let chunks = (count + chunk - 1) / chunk
        let parts = Mutex([Result<([any Record], [Bool]), StoreError>?](repeating: nil, count: chunks))
        DispatchQueue.concurrentPerform(iterations: chunks) { c in
            let part = Result { () throws(StoreError) -> ([any Record], [Bool]) in
                var out: [any Record] = []
                var projected: [Bool] = []
                out.reserveCapacity(chunk)
                projected.reserveCapacity(chunk)
                for k in c * chunk..<min(count, (c + 1) * chunk) {
                    let id = rows.ids[k]
                    if let range = rows.accessRange(k) {
                        let fields = try RecordAccessFields(decoding: rows.accessBytes, range: range, type: R.entityType, id: id)
                        out.append(ProjectedRecord(id: id, fields: fields, misses: misses))
                        projected.append(true)
                    } else {
                        out.append(try decode(R.self, rows.bodies, rows.bodyRange(k), id: id))
                        projected.append(false)
                    }
                }
                return (out, projected)
            }
            parts.withLock { $0[c] = part }
        }
        var all: [any Record] = []
        var projected: [Bool] = []
        all.reserveCapacity(count)
        projected.reserveCapacity(count)
        for part in parts.withLock({ $0 }) {
            guard let part else { throw StoreError.backend("a record chunk was not read") }
            let (records, flags) = try part.get()
            all += records
            projected += flags
        }
        var ends = Array(rows.bodyStarts.dropFirst())
        ends.append(rows.bodies.count)
        let bodies = EncodedBodies(
            bytes: rows.bodies, starts: rows.bodyStarts, ends: ends,
            decode: { bytes, range in try EntityBody.decode(R.self, from: bytes, range: range) })
        return .projected(R.entityType, all, projected: projected, bodies)
    }

    /// A body decoded now, as a store's typed read would: the body's id must be the row's.
    private static func decode<R: Record>(_: R.Type, _ bytes: [UInt8], _ range: Range<Int>, id: String) throws(StoreError) -> R {
        let value: R
        do {
            value = try EntityBody.decode(R.self, from: bytes, range: range)
        } catch {
            throw .corrupt(entity: R.entityType, id: id, detail: "\(error)")
        }
        guard value.id.rawValue == id else { throw .corrupt(entity: R.entityType, id: id, detail: "the body holds id \(value.id.rawValue)") }
        return value
    }
}

/// The encoded bodies of a projected batch, made into ``RecordBodies`` once the build knows
/// the type's dense object id.
struct EncodedBodies: Sendable {
    let bytes: [UInt8]
    let starts: [Int]
    let ends: [Int]
    let decode: RecordBodies.Decode

    func recordBodies(object o: UInt16, objectCount: Int) -> RecordBodies {
        var decoders = [RecordBodies.Decode?](repeating: nil, count: max(objectCount, Int(o) + 1))
        decoders[Int(o)] = decode
        return RecordBodies(
            bytes: bytes, starts: starts, ends: ends, kinds: [UInt16](repeating: o, count: starts.count), decoders: decoders)
    }
}
