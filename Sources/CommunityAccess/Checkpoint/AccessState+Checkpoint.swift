import CommunityModel
import Dispatch
import Synchronization

/// The entity types decoded when a checkpoint loads, by type name.
typealias CheckpointEntityDecode = @Sendable ([UInt8], Range<Int>) throws -> any Entity

extension AccessState {
    /// The number of configuration and grant entities and of live records (for reports).
    var checkpointEntityCount: Int {
        var count = users.count { $0 != nil } + roles.count { $0 != nil } + groups.count { $0 != nil }
        count += queues.count { $0 != nil }
        count += profiles.count + permissionSets.count + permissionSetGroups.count + orgDefaults.count
        count += sharingSets.count { $0 != nil } + sites.count + 1
        count += rules.count { $0 != nil } + shareEntities.count { $0 != nil }
        return count + liveCount.reduce(0, +)
    }

    /// The configuration entities (everything but records and grants), in the order a build applies them.
    private var configurationEntities: [any Entity] {
        var configuration: [any Entity] = [settings]
        configuration += profiles.keys.sorted().compactMap { profiles[$0] }
        configuration += permissionSets.keys.sorted().compactMap { permissionSets[$0] }
        configuration += permissionSetGroups.keys.sorted().compactMap { permissionSetGroups[$0] }
        configuration += roles.compactMap { $0 }
        configuration += users.compactMap { $0 }
        configuration += groups.compactMap { $0 }
        configuration += queues.compactMap { $0 }
        configuration += orgDefaults.keys.sorted { $0.name < $1.name }.compactMap { orgDefaults[$0] }
        configuration += sharingSets.compactMap { $0 }
        configuration += sites.keys.sorted().compactMap { sites[$0] }
        return configuration
    }

    // MARK: Writing

    /// Appends the state's tables to a checkpoint (see ``AccessCheckpoint`` for the layout).
    ///
    /// - Throws: ``AccessCheckpointError/undecodableEntity(type:detail:)`` when an entity does not encode.
    func writeTables(to out: inout CheckpointWriter) throws(AccessCheckpointError) {
        // Interned ids, so that every dense id in the tables means what it meant.
        out.varint(objects.keys.count)
        for o in objects.keys { out.string(o.name) }
        for keys in [userIDs.keys.map(\.rawValue), roleIDs.keys.map(\.rawValue), groupIDs.keys.map(\.rawValue),
                     queueIDs.keys.map(\.rawValue), sharingSetIDs.keys.map(\.rawValue), ruleIDs.keys.map(\.rawValue),
                     shareIDs.keys.map(\.rawValue)] {
            out.varint(keys.count)
            for k in keys { out.string(k) }
        }
        try writeRecords(to: &out)
        out.varint(recordsByObject.count)
        for list in recordsByObject { out.u32s(list) }
        out.varint(liveCount.count)
        for n in liveCount { out.u64(UInt64(clamping: n)) }
        let owners = ownerIndex.entries
        out.varint(owners.count)
        for (key, list) in owners {
            out.u64(key)
            out.u32s(list)
        }
        for map in [accountChildren, contactChildren, parentChildren] {
            let entries = map.entries
            out.varint(entries.count)
            for (key, list) in entries {
                out.u32(key)
                out.u32s(list)
            }
        }
        out.varint(criteriaRecords.count)
        for (key, list) in criteriaRecords {
            out.u32(key)
            out.u32s(list)
        }
        criteriaSlots.write(to: &out)
        try criteriaIndex.write(to: &out)
        // Configuration, then rules, then shares: each as its type name and compact body.
        let entities = configurationEntities + rules.compactMap { $0 } + shareEntities.compactMap { $0 }
        out.varint(entities.count)
        for entity in entities {
            let name = type(of: entity).entityType.name
            do {
                out.string(name)
                out.data(try EntityBody.encode(entity))
            } catch {
                throw .undecodableEntity(type: name, detail: "cannot encode: \(error)")
            }
        }
    }

    /// Every record row: key, columns, contact link and (for live rows) the body. Bodies
    /// still encoded from a loaded checkpoint are copied; the others are encoded on all cores.
    private func writeRecords(to out: inout CheckpointWriter) throws(AccessCheckpointError) {
        let count = rows.count
        out.varint(count)
        let chunk = 8_192
        let chunks = (count + chunk - 1) / chunk
        let parts = Mutex([Result<[UInt8], AccessCheckpointError>?](repeating: nil, count: chunks))
        let (rows, rowContacts, entities, recordKeys) = (self.rows, self.rowContacts, self.entities, self.recordKeys)
        DispatchQueue.concurrentPerform(iterations: chunks) { c in
            var part = CheckpointWriter()
            let result = Result { () throws(AccessCheckpointError) -> [UInt8] in
                for i in c * chunk..<min(count, (c + 1) * chunk) {
                    let key = recordKeys.key(UInt32(i))
                    let row = rows[i]
                    part.string(key.id)
                    row.write(to: &part)
                    part.i32(rowContacts[i])
                    guard row.alive else {
                        part.varint(0)
                        continue
                    }
                    switch entities[i] {
                    case .encoded(let bodies, let k):
                        part.varint(bodies.ends[k] - bodies.starts[k])
                        part.bytes += bodies.bytes[bodies.starts[k]..<bodies.ends[k]]
                    case .decoded(let record):
                        do {
                            part.data(try EntityBody.encode(record))
                        } catch {
                            throw .undecodableEntity(type: type(of: record).entityType.name, detail: "cannot encode: \(error)")
                        }
                    }
                }
                return part.bytes
            }
            parts.withLock { $0[c] = result }
        }
        for part in parts.withLock({ $0 }) {
            guard let part else { throw .malformed("a record chunk was not written") }
            out.bytes += try part.get()
        }
    }

    // MARK: Reading

    /// Rebuilds a state from the tables ``writeTables(to:)`` wrote: interned ids and record
    /// rows are installed as they are, configuration and grant entities are decoded (on all
    /// cores) and applied, record bodies are kept encoded (``StoredRecord/encoded(_:_:)``).
    ///
    /// - Throws: an ``AccessCheckpointError`` saying what is wrong.
    static func restoring(
        from input: inout CheckpointReader, sequence: UInt64, recordDecoders: [String: RecordBodies.Decode],
        entityDecoders: [String: CheckpointEntityDecode]
    ) throws(AccessCheckpointError) -> AccessState {
        var state = AccessState()
        // Objects: the standard ones come first in every state, so their ids must agree.
        let objectCount = try input.varint()
        for k in 0..<objectCount {
            let name = try input.string()
            guard !name.isEmpty else { throw .malformed("an object without a name") }
            guard state.objectIndex(EntityType(name)) == UInt16(clamping: k) else { throw .malformed("object \(name) listed twice") }
        }
        func interned<K>(_ make: (String) -> K, _ intern: (K) -> UInt32) throws(AccessCheckpointError) {
            let n = try input.varint()
            for k in 0..<n {
                let raw = try input.string()
                guard ID<Never>.isValid(raw) else { throw .malformed("id \(raw)") }
                guard intern(make(raw)) == UInt32(clamping: k) else { throw .malformed("id \(raw) listed twice") }
            }
        }
        try interned({ ID<User>(uncheckedString: $0) }) { state.userIndex($0) }
        try interned({ ID<Role>(uncheckedString: $0) }) { state.roleIndex($0) }
        try interned({ ID<PublicGroup>(uncheckedString: $0) }) { state.groupIndex($0) }
        try interned({ ID<Queue>(uncheckedString: $0) }) { state.queueIndex($0) }
        try interned({ ID<SharingSet>(uncheckedString: $0) }) { state.sharingSetIndex($0) }
        try interned({ ID<SharingRule>(uncheckedString: $0) }) { id in
            let r = state.ruleIDs.intern(id)
            if Int(r) == state.rules.count { state.rules.append(nil) }
            return r
        }
        try interned({ ID<RecordShare>(uncheckedString: $0) }) { id in
            let s = state.shareIDs.intern(id)
            if Int(s) == state.shareEntities.count { state.shareEntities.append(nil) }
            return s
        }
        try state.restoreRecords(from: &input, decoders: recordDecoders)
        let lists = try input.varint()
        guard lists == state.recordsByObject.count else { throw .malformed("\(lists) object record lists for \(state.recordsByObject.count) objects") }
        for o in 0..<lists {
            var list = ChunkedArray<UInt32>(filler: 0)
            for i in try input.u32s() {
                guard Int(i) < state.rows.count else { throw .malformed("record \(i) out of range") }
                list.append(i)
            }
            state.recordsByObject[o] = list
        }
        let counts = try input.varint()
        guard counts == state.liveCount.count else { throw .malformed("\(counts) live counts for \(state.liveCount.count) objects") }
        for o in 0..<counts { state.liveCount[o] = Int(clamping: try input.u64()) }
        let rowCount = state.rows.count
        func list() throws(AccessCheckpointError) -> [UInt32] {
            let l = try input.u32s()
            guard l.allSatisfy({ Int($0) < rowCount }) else { throw .malformed("record index out of range") }
            return l
        }
        let owners = try input.varint()
        state.ownerIndex.reserve(owners)
        for _ in 0..<owners {
            let key = try input.u64()
            state.ownerIndex[key] = try list()
        }
        for k in 0..<3 {
            var map = ShardedMap<UInt32, [UInt32]>()
            let n = try input.varint()
            map.reserve(n)
            for _ in 0..<n {
                let key = try input.u32()
                map[key] = try list()
            }
            switch k {
            case 0: state.accountChildren = map
            case 1: state.contactChildren = map
            default: state.parentChildren = map
            }
        }
        for _ in 0..<(try input.varint()) {
            let key = try input.u32()
            guard Int(key) < state.rules.count else { throw .malformed("criteria matches of rule \(key), which is not interned") }
            state.criteriaRecords[key] = try list()
        }
        state.criteriaSlots = try ObjectSlots(reading: &input)
        for (_, slots) in state.criteriaSlots {
            guard slots.count <= 64, slots.allSatisfy({ ($0 ?? 0) < state.rules.count }) else {
                throw .malformed("criteria slots name a rule that is not interned")
            }
        }
        state.criteriaIndex = try CriteriaFieldIndex(reading: &input, rows: rowCount)
        try state.restoreEntities(from: &input, decoders: entityDecoders)
        guard input.at == input.end else { throw .malformed("\(input.end - input.at) bytes after the last table") }
        state.sequence = sequence
        state.changedEverything()
        return state
    }

    /// Installs every record row and keeps each live row's body encoded.
    private mutating func restoreRecords(
        from input: inout CheckpointReader, decoders: [String: RecordBodies.Decode]
    ) throws(AccessCheckpointError) {
        let count = try input.varint()
        recordKeys.reserve(count)
        // Decoders by dense object id.
        let byObject: [RecordBodies.Decode?] = objects.keys.map { decoders[$0.name] }
        var starts: [Int] = [], ends: [Int] = [], kinds: [UInt16] = []
        starts.reserveCapacity(count)
        ends.reserveCapacity(count)
        kinds.reserveCapacity(count)
        for i in 0..<count {
            let idRange = try input.span()
            let row = try RecordRow(reading: &input)
            let contact = try input.i32()
            let body = try input.span()
            try validate(row, contact: contact, at: i, rows: count)
            let id = String(decoding: input.bytes[idRange], as: UTF8.self)
            guard recordKeys.intern(RecordKey(object: row.object, id: id)) == UInt32(i) else {
                throw .malformed("record \(id) listed twice")
            }
            rows.append(row)
            rowContacts.append(contact)
            if row.alive {
                guard byObject[Int(row.object)] != nil else { throw .unknownEntityType(objects.keys[Int(row.object)].name) }
                starts.append(body.lowerBound)
                ends.append(body.upperBound)
                kinds.append(row.object)
                setAlive(UInt32(i), true)
            }
        }
        let bodies = RecordBodies(bytes: input.bytes, starts: starts, ends: ends, kinds: kinds, decoders: byObject)
        // Dead rows share the filler (no allocation per row).
        var next = 0
        entities.ensure(count - 1)
        for i in 0..<count where rows[i].alive {
            entities[i] = .encoded(bodies, next)
            next += 1
        }
    }

    /// Checks that a row's dense ids point into the tables read before it (or to the rows),
    /// so that a damaged but re-signed file cannot make a check index out of range.
    private func validate(_ row: RecordRow, contact: Int32, at i: Int, rows: Int) throws(AccessCheckpointError) {
        func inRange(_ v: Int32, _ count: Int) -> Bool { v >= -1 && Int(v) < count }
        guard Int(row.object) < objects.count, inRange(row.ownerUser, users.count), inRange(row.ownerQueue, queues.count),
            inRange(row.account, rows), inRange(row.parent, rows), inRange(contact, rows), inRange(row.ownerRole, roles.count)
        else { throw .malformed("record row \(i) names an id out of range") }
    }

    /// Decodes the configuration and grant entities on all cores and applies them in order:
    /// configuration as a build would, except that defaults and sharing sets are set
    /// directly (their record passes are already in the restored tables), rules are set
    /// with the criteria slots restored, and shares are added as a build adds them.
    private mutating func restoreEntities(
        from input: inout CheckpointReader, decoders: [String: CheckpointEntityDecode]
    ) throws(AccessCheckpointError) {
        let count = try input.varint()
        var spans: [(type: Range<Int>, body: Range<Int>)] = []
        spans.reserveCapacity(count)
        for _ in 0..<count { spans.append((try input.span(), try input.span())) }
        let bytes = input.bytes
        let found = spans
        let chunk = 4_096
        let chunks = (count + chunk - 1) / chunk
        let results = Mutex([Result<[any Entity], AccessCheckpointError>?](repeating: nil, count: chunks))
        DispatchQueue.concurrentPerform(iterations: chunks) { c in
            let result = Result { () throws(AccessCheckpointError) -> [any Entity] in
                var decoded: [any Entity] = []
                decoded.reserveCapacity(chunk)
                for k in c * chunk..<min(found.count, (c + 1) * chunk) {
                    let name = String(decoding: bytes[found[k].type], as: UTF8.self)
                    guard let decode = decoders[name] else { throw .unknownEntityType(name) }
                    do {
                        decoded.append(try decode(bytes, found[k].body))
                    } catch {
                        throw .undecodableEntity(type: name, detail: "\(error)")
                    }
                }
                return decoded
            }
            results.withLock { $0[c] = result }
        }
        for result in results.withLock({ $0 }) {
            guard let result else { throw .malformed("an entity chunk was not decoded") }
            for entity in try result.get() {
                switch entity {
                case is any Record:
                    throw .malformed("a record among the configuration entities")
                case let owd as OrgWideDefault:
                    orgDefaults[owd.object] = owd
                    noteParentControl(owd.object)
                case let set as SharingSet:
                    sharingSets[Int(sharingSetIndex(set.id))] = set
                case let rule as SharingRule:
                    guard let r = ruleIDs.id(rule.id) else { throw .malformed("rule \(rule.id) not interned") }
                    rules[Int(r)] = rule
                    _ = objectIndex(rule.object)
                    _ = principal(rule.sharedWith)
                    if case .ownedBy(let source) = rule.selection { _ = principal(source) }
                case let share as RecordShare:
                    upsertShare(share)
                default:
                    apply(entity)
                }
            }
        }
    }
}
