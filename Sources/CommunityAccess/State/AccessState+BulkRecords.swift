import CommunityModel
import Dispatch
import Synchronization

extension AccessState {
    /// Inserts a batch of records of object `o`, none of which the state holds yet, in bulk:
    /// the state afterwards is the one ``upsertRecord(_:object:)`` called for each record in
    /// order would leave (the same dense ids, rows and sorted lists), built without a sorted
    /// insert or dictionary update per record. Keys are interned in the plain order (each
    /// record's own key, its owner, its account, its contact, its parent), then the owner,
    /// account, contact and parent lists are built by counting sort and merged into the maps
    /// once per list.
    ///
    /// Fields the criteria index keeps for the object (those sharing sets compare) are
    /// indexed record by record, in ascending record order.
    ///
    /// Returns the records' indices, or `nil` (and changes nothing) when the batch does not
    /// suit a bulk insert: the object already has live records, criteria rules have slots on
    /// it, or two records of the batch share an id. The caller then inserts one record at a
    /// time.
    mutating func insertNewRecords(_ records: [any Record], object o: UInt16) -> [UInt32]? {
        guard Int(o) < liveCount.count, liveCount[Int(o)] == 0, criteriaSlots[o] == nil, Self.distinctIDs(records)
        else { return nil }
        let n = records.count
        guard n > 0 else { return [] }
        let accountObject: UInt16 = 0, contactObject: UInt16 = 1
        let firstNew = rows.count
        var own = [UInt32](repeating: 0, count: n)
        var owners = [Int32](repeating: -1, count: n)  // user, or -2 - queue
        var accounts = [Int32](repeating: -1, count: n)
        var contacts = [Int32](repeating: -1, count: n)
        var parents = [Int32](repeating: -1, count: n)
        let controlled = Int(o) < parentControlled.count && parentControlled[Int(o)]
        let objectName = objects.keys[Int(o)]
        // Pass 0, on all cores: the owners, accounts and contacts the state knows already,
        // so that the serial pass hashes only what is new.
        guard let known = Self.resolveKnown(records, object: o, users: userIDs, queues: queueIDs, keys: recordKeys) else { return nil }
        // Pass 1, in the plain build's order: intern keys (rows for new keys come after).
        // When the records' own keys are all new and every owner, account and contact is
        // known (the usual bulk load: accounts and users first), the only keys to intern are
        // the records' own, one after another: their ids follow in order, and their map
        // entries are made on all cores.
        let onlyOwnKeys = internsOnlyOwnKeys(records, known, object: o)
        if onlyOwnKeys {
            let first = Int(recordKeys.internNew(records.map { RecordKey(object: o, id: $0.idString) }))
            for k in 0..<n {
                let r = known[k]
                own[k] = UInt32(truncatingIfNeeded: first + k)
                owners[k] = r.owner
                accounts[k] = o == accountObject ? Int32(truncatingIfNeeded: first + k) : r.account
                contacts[k] = r.contact
            }
        }
        // Otherwise, without Controlled by Parent parents, the new keys (a new account
        // between records, say) are found and interned on all cores, with the same ids.
        var interned = onlyOwnKeys
        if !interned, !controlled {
            // Owners not interned yet, in record order (users and queues have interners of their own).
            for k in 0..<n {
                if known[k].owner != Int32.min {
                    owners[k] = known[k].owner
                } else {
                    switch records[k].owner {
                    case .user(let u): owners[k] = Int32(userIndex(u))
                    case .queue(let q): owners[k] = -2 - Int32(queueIndex(q))
                    }
                }
            }
            interned = internBatchKeys(records, known, object: o, own: &own, accounts: &accounts, contacts: &contacts)
        }
        for k in 0..<n where !interned {
            let record = records[k]
            let r = known[k]
            let i = recordKeys.intern(RecordKey(object: o, id: record.idString))
            own[k] = i
            if r.owner != Int32.min {
                owners[k] = r.owner
            } else {
                switch record.owner {
                case .user(let u): owners[k] = Int32(userIndex(u))
                case .queue(let q): owners[k] = -2 - Int32(queueIndex(q))
                }
            }
            if o == accountObject {
                accounts[k] = Int32(i)
            } else if r.account != -2 {
                accounts[k] = r.account
            } else if let a = r.accountID {
                accounts[k] = Int32(recordKeys.intern(RecordKey(object: accountObject, id: a)))
            }
            if r.contact != -2 {
                contacts[k] = r.contact
            } else if let c = r.contactID {
                contacts[k] = Int32(recordKeys.intern(RecordKey(object: contactObject, id: c)))
            }
            if controlled { parents[k] = internParent(of: record, object: objectName) }
        }
        // New keys get their rows, as `recordIndex(object:id:)` makes them.
        for i in firstNew..<recordKeys.count {
            var row = RecordRow()
            row.object = recordKeys.key(UInt32(i)).object
            rows.append(row)
            rowContacts.append(-1)
            entities.append(.decoded(MissingRecord()))
        }
        // Pass 2: the rows.
        rowsToSync.reserveCapacity(rowsToSync.count + n)
        for k in 0..<n {
            let i = own[k]
            var row = RecordRow()
            row.object = o
            row.alive = true
            row.hasShares = rows[Int(i)].hasShares
            if owners[k] >= 0 { row.ownerUser = owners[k] } else { row.ownerQueue = -2 - owners[k] }
            row.account = accounts[k]
            row.parent = parents[k]
            rows[Int(i)] = row
            rowContacts[Int(i)] = contacts[k]
            setAlive(i, true)
            entities[Int(i)] = .decoded(records[k])
            rowsToSync.append(i)
            if o == accountObject, directory.anchoredRoles[i] != nil {
                directoryStale = true
                pending.accounts.insert(i)
            }
        }
        // Pass 3: the lists, each group's members ascending.
        let order = Self.ascendingOrder(own)
        liveCount[Int(o)] += n
        var objectList = (0..<recordsByObject[Int(o)].count).map { recordsByObject[Int(o)][$0] }
        objectList = objectList.sortedUnion((order.map { $0.map { own[$0] } } ?? own)[...])
        var rebuilt = ChunkedArray<UInt32>(filler: 0)
        for i in objectList { rebuilt.append(i) }
        recordsByObject[Int(o)] = rebuilt

        if !criteriaIndex.fields(of: o).isEmpty {
            for k in order ?? Array(0..<n) { criteriaIndex.update(own[k], object: o, old: nil, new: records[k]) }
        }
        let userCount = userIDs.count
        let ownerGroups = owners.map { $0 >= 0 ? $0 : Int32(userCount) + (-2 - $0) }
        let byOwner = GroupedIndices(groups: ownerGroups, values: own, order: order, groupCount: userCount + queueIDs.count)
        ownerIndex.reserve(byOwner.filledGroups)
        byOwner.forEachGroup { g, members in
            let key = g < userCount
                ? Self.ownerKey(object: o, user: Int32(g), queue: -1) : Self.ownerKey(object: o, user: -1, queue: Int32(g - userCount))
            ownerIndex[key] = (ownerIndex[key] ?? []).sortedUnion(members)
        }
        let rowCount = rows.count
        let childAccounts = o == accountObject ? [Int32](repeating: -1, count: n) : accounts
        Self.merge(GroupedIndices(groups: childAccounts, values: own, order: order, groupCount: rowCount), into: &accountChildren)
        Self.merge(GroupedIndices(groups: contacts, values: own, order: order, groupCount: rowCount), into: &contactChildren)
        if controlled {
            Self.merge(GroupedIndices(groups: parents, values: own, order: order, groupCount: rowCount), into: &parentChildren)
        }
        return own
    }

    /// Replaces the entities of projected records with their encoded bodies once the build
    /// no longer reads the projections: for every batch (in order, so a later batch wins,
    /// as a serial loop would leave it) and every position `k` with `projected[k]`, record
    /// `indices[k]` becomes body `k` of `bodies`. The entities are rewritten chunk by chunk
    /// on all cores.
    mutating func keepEncoded(_ batches: [(bodies: RecordBodies, indices: [UInt32], projected: [Bool])]) {
        let count = entities.count
        guard count > 0, batches.contains(where: { $0.projected.contains(true) }) else { return }
        // Which batch and body each record index takes (-1: none), then every chunk at once.
        var batchOf = [Int32](repeating: -1, count: count)
        var bodyOf = [Int32](repeating: 0, count: count)
        for (b, batch) in batches.enumerated() {
            for (k, i) in batch.indices.enumerated() where batch.projected[k] && Int(i) < count {
                batchOf[Int(i)] = Int32(truncatingIfNeeded: b)
                bodyOf[Int(i)] = Int32(truncatingIfNeeded: k)
            }
        }
        let bodies = batches.map(\.bodies)
        let (batchAt, bodyAt) = (batchOf, bodyOf)
        entities.updateChunksConcurrently { base, chunk in
            for j in chunk.indices {
                let b = batchAt[base + j]
                if b >= 0 { chunk[j] = .encoded(bodies[Int(b)], Int(bodyAt[base + j])) }
            }
        }
    }

    /// Whether a bulk insert of `records` (of object `o`, which `known` describes) interns
    /// only the records' own keys, all new: no Controlled by Parent parents, every owner,
    /// account and contact interned already, and no record's own key interned yet (looked up
    /// on all cores, and only when the rest holds).
    func internsOnlyOwnKeys(_ records: [any Record], _ known: [KnownIDs], object o: UInt16) -> Bool {
        let controlled = Int(o) < parentControlled.count && parentControlled[Int(o)]
        guard !controlled, known.allSatisfy({ $0.owner != Int32.min && $0.account != -2 && $0.contact != -2 }) else { return false }
        let count = records.count
        let chunk = 16_384
        let chunks = (count + chunk - 1) / chunk
        let interned = Mutex([Bool?](repeating: nil, count: chunks))
        let keys = recordKeys
        DispatchQueue.concurrentPerform(iterations: chunks) { c in
            let any = records[c * chunk..<min(count, (c + 1) * chunk)].contains { keys.id(RecordKey(object: o, id: $0.idString)) != nil }
            interned.withLock { $0[c] = any }
        }
        return interned.withLock { $0 }.allSatisfy { $0 == false }
    }

    /// What a state already knows of a record before a bulk insert: dense ids of its owner,
    /// account and contact when interned (-1 for no account or contact, -2 for one not
    /// interned yet, `Int32.min` for an owner not interned yet), and the account and contact
    /// ids to intern otherwise. (Its own key is interned in the serial pass: it is new.)
    struct KnownIDs: Sendable {
        var owner: Int32 = Int32.min
        var account: Int32 = -1
        var contact: Int32 = -1
        var accountID: String?
        var contactID: String?
    }

    /// Looks up every record's ids in the state's interners (read only) on all cores; `nil`
    /// if a chunk of the work did not run.
    static func resolveKnown(
        _ records: [any Record], object o: UInt16, users: Interner<ID<User>>, queues: Interner<ID<Queue>>,
        keys: ShardedInterner<RecordKey>
    ) -> [KnownIDs]? {
        let count = records.count
        let chunk = 16_384
        let chunks = (count + chunk - 1) / chunk
        let parts = Mutex([[KnownIDs]?](repeating: nil, count: chunks))
        DispatchQueue.concurrentPerform(iterations: chunks) { c in
            var out: [KnownIDs] = []
            out.reserveCapacity(chunk)
            for k in c * chunk..<min(count, (c + 1) * chunk) {
                let record = records[k]
                var r = KnownIDs()
                switch record.owner {
                case .user(let u): if let i = users.id(u) { r.owner = Int32(i) }
                case .queue(let q): if let i = queues.id(q) { r.owner = -2 - Int32(i) }
                }
                if o != 0, let a = record.accountID {
                    if let i = keys.id(RecordKey(object: 0, id: a.rawValue)) { r.account = Int32(i) } else {
                        r.account = -2
                        r.accountID = a.rawValue
                    }
                }
                if case .reference(let c)? = record.value(of: "ContactId") {
                    if let i = keys.id(RecordKey(object: 1, id: c)) { r.contact = Int32(i) } else {
                        r.contact = -2
                        r.contactID = c
                    }
                }
                out.append(r)
            }
            parts.withLock { $0[c] = out }
        }
        var all: [KnownIDs] = []
        all.reserveCapacity(count)
        for part in parts.withLock({ $0 }) {
            guard let part else { return nil }
            all += part
        }
        return all
    }

    /// Interns the parent key of a Controlled by Parent record, as ``parentIndex(of:object:)``
    /// does, without making its row (the bulk insert makes the rows of new keys afterwards).
    private mutating func internParent(of record: any Record, object: EntityType) -> Int32 {
        guard let parent = parentReference(of: record, object: object) else { return -1 }
        return Int32(recordKeys.intern(RecordKey(object: objectIndex(parent.object), id: parent.id)))
    }

    private static func merge(_ groups: GroupedIndices, into map: inout ShardedMap<UInt32, [UInt32]>) {
        map.reserve(groups.filledGroups)
        groups.forEachGroup { g, members in
            let key = UInt32(g)
            map[key] = (map[key] ?? []).sortedUnion(members)
        }
    }

    /// The positions of `indices` in ascending order of their values, or `nil` when they
    /// already ascend.
    static func ascendingOrder(_ indices: [UInt32]) -> [Int]? {
        var ascending = true
        for k in indices.indices.dropFirst() where indices[k - 1] >= indices[k] {
            ascending = false
            break
        }
        return ascending ? nil : indices.indices.sorted { indices[$0] < indices[$1] }
    }

    /// Whether the records' ids are distinct (a store's rows of one type are; checked, since
    /// a bulk insert assumes it): one pass when they ascend, a set otherwise.
    private static func distinctIDs(_ records: [any Record]) -> Bool {
        var ascending = true
        var previous: String?
        for record in records {
            let id = record.idString
            if let previous, !(previous < id) {
                ascending = false
                break
            }
            previous = id
        }
        if ascending { return true }
        var seen = Set<String>()
        seen.reserveCapacity(records.count)
        return records.allSatisfy { seen.insert($0.idString).inserted }
    }
}
