import CommunityModel
import Dispatch
import Synchronization

extension AccessState {
    static let accountType: EntityType = "Account"
    static let contactType: EntityType = "Contact"
    static let caseType: EntityType = "Case"
    static let opportunityType: EntityType = "Opportunity"
    static let leadType: EntityType = "Lead"

    /// Inserts or replaces a record and updates every index it is in.
    mutating func upsertRecord(_ record: any Record) {
        let metatype = ObjectIdentifier(Swift.type(of: record))
        let o: UInt16
        if let known = objectByMetatype[metatype] {
            o = known
        } else {
            o = objectIndex(Swift.type(of: record).entityType)
            objectByMetatype[metatype] = o
        }
        upsertRecord(record, object: o)
    }

    /// Inserts or replaces a record of object `o` (for a ``ProjectedRecord``, whose own type
    /// names no object) and updates every index it is in; returns its record index.
    @discardableResult
    mutating func upsertRecord(_ record: any Record, object o: UInt16) -> UInt32 {
        let i = recordIndex(object: o, id: record.idString)
        let old = rows[Int(i)]
        var row = RecordRow()
        row.object = o
        row.alive = true
        row.hasShares = old.hasShares
        switch record.owner {
        case .user(let u): row.ownerUser = Int32(userIndex(u))
        case .queue(let q): row.ownerQueue = Int32(queueIndex(q))
        }
        // Account and Contact hold the fixed dense ids 0 and 1 (interned first).
        let accountObject: UInt16 = 0
        if o == accountObject {
            row.account = Int32(i)
        } else if let a = record.accountID {
            row.account = Int32(recordIndex(object: accountObject, id: a.rawValue))
        }
        var contact: Int32 = -1
        if case .reference(let c)? = record.value(of: "ContactId") {
            contact = Int32(recordIndex(object: 1, id: c))
        }
        let oldContact = rowContacts[Int(i)]
        if Int(o) < parentControlled.count, parentControlled[Int(o)] {
            row.parent = parentIndex(of: record, object: objects.keys[Int(o)])
        }
        row.criteria = criteriaMask(record, object: o)
        if old.alive, old.ownerUser == row.ownerUser {
            row.ownerRole = old.ownerRole
            row.ownerClass = old.ownerClass
            row.ownerBits = old.ownerBits
        } else {
            rowsToSync.append(i)
        }
        rows[Int(i)] = row
        rowContacts[Int(i)] = contact
        if !old.alive { setAlive(i, true) }
        if !criteriaIndex.fields(of: o).isEmpty {
            criteriaIndex.update(i, object: o, old: old.alive ? entities[Int(i)].record : nil, new: record)
        }
        entities[Int(i)] = .decoded(record)
        if old.alive {
            reindex(i, from: old, to: row)
            if oldContact != contact {
                if oldContact >= 0 { contactChildren[UInt32(oldContact)]?.sortedRemove(i) }
                if contact >= 0 { contactChildren[UInt32(contact), default: []].sortedInsert(i) }
            }
        } else {
            index(i, row, isNew: true)
            if contact >= 0 { contactChildren[UInt32(contact), default: []].sortedInsert(i) }
        }
        let ownerChanged = old.ownerUser != row.ownerUser || old.ownerQueue != row.ownerQueue
        // External roles anchored to this account follow its owner.
        if o == accountObject, !old.alive || ownerChanged, directory.anchoredRoles[i] != nil {
            directoryStale = true
            pending.accounts.insert(i)
        }
        return i
    }

    mutating func deleteRecord(object type: EntityType, id: String) {
        guard let i = recordIndex(object: type, id: id) else { return }
        let old = rows[Int(i)]
        guard old.alive else { return }
        unindex(i, old)
        var row = old
        row.alive = false
        rows[Int(i)] = row
        setAlive(i, false)
        if !criteriaIndex.fields(of: old.object).isEmpty {
            criteriaIndex.update(i, object: old.object, old: entities[Int(i)].record, new: nil)
        }
        entities[Int(i)] = .decoded(MissingRecord())
        liveCount[Int(old.object)] -= 1
        if directory.anchoredRoles[i] != nil {
            directoryStale = true
            pending.accounts.insert(i)
        }
        // Shares of a deleted record go with it.
        for share in sharesByRecord[i] ?? [] { removeShare(index: share.share) }
    }

    private mutating func index(_ i: UInt32, _ row: RecordRow, isNew: Bool) {
        if isNew {
            liveCount[Int(row.object)] += 1
            recordsByObject[Int(row.object)].sortedInsert(i)
        }
        ownerIndex[Self.ownerKey(object: row.object, user: row.ownerUser, queue: row.ownerQueue), default: []]
            .sortedInsert(i)
        if row.account >= 0, row.account != Int32(i) { accountChildren[UInt32(row.account), default: []].sortedInsert(i) }
        if row.parent >= 0 { parentChildren[UInt32(row.parent), default: []].sortedInsert(i) }
        if row.criteria != 0, let slots = criteriaSlots[row.object] {
            for (s, rule) in slots.enumerated() where row.criteria & (1 << UInt64(s)) != 0 {
                if let rule { criteriaRecords[rule, default: []].sortedInsert(i) }
            }
        }
    }

    /// Moves a record between index entries, touching only what changed.
    private mutating func reindex(_ i: UInt32, from old: RecordRow, to row: RecordRow) {
        if old.ownerUser != row.ownerUser || old.ownerQueue != row.ownerQueue {
            ownerIndex[Self.ownerKey(object: old.object, user: old.ownerUser, queue: old.ownerQueue)]?.sortedRemove(i)
            ownerIndex[Self.ownerKey(object: row.object, user: row.ownerUser, queue: row.ownerQueue), default: []]
                .sortedInsert(i)
        }
        if old.account != row.account {
            if old.account >= 0, old.account != Int32(i) { accountChildren[UInt32(old.account)]?.sortedRemove(i) }
            if row.account >= 0, row.account != Int32(i) { accountChildren[UInt32(row.account), default: []].sortedInsert(i) }
        }
        if old.parent != row.parent {
            if old.parent >= 0 { parentChildren[UInt32(old.parent)]?.sortedRemove(i) }
            if row.parent >= 0 { parentChildren[UInt32(row.parent), default: []].sortedInsert(i) }
        }
        let changed = old.criteria ^ row.criteria
        if changed != 0, let slots = criteriaSlots[row.object] {
            for (s, rule) in slots.enumerated() where changed & (1 << UInt64(s)) != 0 {
                guard let rule else { continue }
                if row.criteria & (1 << UInt64(s)) != 0 {
                    criteriaRecords[rule, default: []].sortedInsert(i)
                } else {
                    criteriaRecords[rule]?.sortedRemove(i)
                }
            }
        }
    }

    private mutating func unindex(_ i: UInt32, _ row: RecordRow) {
        ownerIndex[Self.ownerKey(object: row.object, user: row.ownerUser, queue: row.ownerQueue)]?.sortedRemove(i)
        if row.account >= 0, row.account != Int32(i) { accountChildren[UInt32(row.account)]?.sortedRemove(i) }
        let contact = rowContacts[Int(i)]
        if contact >= 0 { contactChildren[UInt32(contact)]?.sortedRemove(i) }
        if row.parent >= 0 { parentChildren[UInt32(row.parent)]?.sortedRemove(i) }
        if row.criteria != 0, let slots = criteriaSlots[row.object] {
            for (s, rule) in slots.enumerated() where row.criteria & (1 << UInt64(s)) != 0 {
                if let rule { criteriaRecords[rule]?.sortedRemove(i) }
            }
        }
    }

    /// The parent record of a Controlled by Parent object's record.
    mutating func parentIndex(of record: any Record, object: EntityType) -> Int32 {
        guard let parent = parentReference(of: record, object: object) else { return -1 }
        return Int32(recordIndex(object: objectIndex(parent.object), id: parent.id))
    }

    /// The object and id of a Controlled by Parent record's parent, as its lookup field names
    /// it; `nil` for other objects, an empty field or an invalid id.
    func parentReference(of record: any Record, object: EntityType) -> (object: EntityType, id: String)? {
        guard let owd = orgDefaults[object], owd.internalAccess == .controlledByParent else { return nil }
        let parentObject = owd.parentObject ?? Self.accountType
        let field = owd.parentField ?? "AccountId"
        guard let value = record.value(of: field) else { return nil }
        let id: String
        switch value {
        case .reference(let s), .text(let s): id = s
        default: return nil
        }
        guard ID<Never>.isValid(id) else { return nil }
        return (parentObject, id)
    }

    func criteriaMask(_ record: any Record, object: UInt16) -> UInt64 {
        guard let slots = criteriaSlots[object] else { return 0 }
        var mask: UInt64 = 0
        for (s, rule) in slots.enumerated() {
            guard let rule, let r = rules[Int(rule)], case .criteria(let conditions) = r.selection else { continue }
            if Self.matches(record, conditions) { mask |= 1 << UInt64(s) }
        }
        return mask
    }

    static func matches(_ record: any Record, _ conditions: [SharingCriterion]) -> Bool {
        for c in conditions {
            guard let v = record.value(of: c.field), Self.equal(v, c.equals) else { return false }
        }
        return true
    }

    /// Field equality for criteria: same value, or the same text across text-like kinds.
    static func equal(_ a: FieldValue, _ b: FieldValue) -> Bool {
        if a == b { return true }
        switch (a, b) {
        case (.text(let x), .picklist(let y)), (.picklist(let x), .text(let y)), (.reference(let x), .text(let y)),
             (.text(let x), .reference(let y)), (.picklist(let x), .reference(let y)), (.reference(let x), .picklist(let y)):
            return x == y
        default:
            return false
        }
    }

    // MARK: Shares

    mutating func upsertShare(_ share: RecordShare) {
        let s = shareIDs.intern(share.id)
        if Int(s) == shareEntities.count { shareEntities.append(nil) }
        if shareEntities[Int(s)] != nil { removeShare(index: s) }
        let o = objectIndex(share.object)
        let rec = recordIndex(object: o, id: share.recordID)
        let p = principal(share.sharedWith)
        let cause: ShareRow.Cause =
            switch share.cause {
            case .manual: .manual
            case .team: .team
            case .programmatic: .programmatic
            }
        shareEntities[Int(s)] = share
        rows[Int(rec)].hasShares = true
        var owner: Int64 = -1
        if cause == .manual, let o = share.recordOwner {
            switch o {
            case .user(let u): owner = Int64(userIndex(u))
            case .queue(let q): owner = (1 << 32) | Int64(queueIndex(q))
            }
        }
        sharesByRecord[rec, default: []].append(
            ShareRow(
                principal: p, level: share.accessLevel.code, cause: cause, child: share.accountChildAccess, share: s,
                owner: owner))
        sharesByPrincipal[p, default: []].sortedInsert(rec)
    }

    mutating func removeShare(index s: UInt32) {
        guard Int(s) < shareEntities.count, let share = shareEntities[Int(s)] else { return }
        shareEntities[Int(s)] = nil
        guard let rec = recordIndex(object: share.object, id: share.recordID) else { return }
        sharesByRecord[rec]?.removeAll { $0.share == s }
        if sharesByRecord[rec]?.isEmpty == true {
            sharesByRecord[rec] = nil
            rows[Int(rec)].hasShares = false
        }
        let p = principal(share.sharedWith)
        if !(sharesByRecord[rec] ?? []).contains(where: { $0.principal == p }) {
            sharesByPrincipal[p]?.sortedRemove(rec)
        }
    }

    mutating func removeShare(id: ID<RecordShare>) {
        if let s = shareIDs.id(id) { removeShare(index: s) }
    }

    /// The owner of a row as one number (users as their id, queues with bit 32 set).
    @inline(__always) static func ownerCode(_ row: RecordRow) -> Int64 {
        row.ownerUser >= 0 ? Int64(row.ownerUser) : (1 << 32) | Int64(row.ownerQueue)
    }

    mutating func dropManualShares(on rec: UInt32) {
        for row in sharesByRecord[rec] ?? [] where row.cause == .manual { removeShare(index: row.share) }
    }

    // MARK: Criteria rules

    /// Gives a criteria rule a slot of its object; its matches are computed by
    /// ``flushCriteria()`` at the end of the batch, one pass per object for all new rules.
    mutating func assignCriteriaSlot(rule r: UInt32, object o: UInt16, conditions: [SharingCriterion]) {
        var slots = criteriaSlots[o] ?? []
        let slot: Int
        if let free = slots.firstIndex(where: { $0 == nil }) {
            slot = free
            slots[free] = r
        } else {
            slot = slots.count
            guard slot < 64 else { return }
            slots.append(r)
        }
        criteriaSlots[o] = slots
        pendingCriteria.append((r, o, slot, conditions))
        directoryStale = true
    }

    /// Finds the records the criteria rules added in this batch match: from the field index
    /// (fields not yet indexed are indexed first, in one pass over the object's records).
    mutating func flushCriteria() {
        guard !pendingCriteria.isEmpty else { return }
        let pending = pendingCriteria
        pendingCriteria = []
        let objectsWithRules = Set(pending.map(\.object)).sorted()
        // Fields not indexed yet are indexed first: one pass per object, objects in parallel.
        let work: [(object: UInt16, fields: [String])] = objectsWithRules.compactMap { o in
            let fields = criteriaIndex.missing(
                object: o, Set(pending.filter { $0.object == o }.flatMap { $0.conditions.map(\.field) }).sorted())
            return fields.isEmpty ? nil : (o, fields)
        }
        if !work.isEmpty {
            let collected = Mutex([[[CriteriaFieldIndex.Value: [UInt32]]]?](repeating: nil, count: work.count))
            let (rows, entities, recordsByObject) = (self.rows, self.entities, self.recordsByObject)
            DispatchQueue.concurrentPerform(iterations: work.count) { n in
                let lists = CriteriaFieldIndex.collect(
                    work[n].fields, records: recordsByObject[Int(work[n].object)], rows: rows, entities: entities)
                collected.withLock { $0[n] = lists }
            }
            let lists = collected.withLock { $0 }
            for (n, w) in work.enumerated() { criteriaIndex.install(object: w.object, w.fields, lists[n] ?? []) }
        }
        for o in objectsWithRules {
            let mine = pending.filter { $0.object == o }
            for p in mine {
                let bit: UInt64 = 1 << UInt64(p.slot)
                let matched: [UInt32]
                if let found = criteriaIndex.matches(object: o, p.conditions) {
                    matched = found
                } else {
                    // No conditions: every live record of the object matches.
                    let list = recordsByObject[Int(o)]
                    matched = (0..<list.count).map { list[$0] }.filter { rows[Int($0)].alive }
                }
                for i in matched { rows[Int(i)].criteria |= bit }
                criteriaRecords[p.rule] = matched
            }
        }
    }

    mutating func releaseCriteriaSlot(rule r: UInt32) {
        pendingCriteria.removeAll { $0.rule == r }
        for (o, slots) in criteriaSlots {
            guard let slot = slots.firstIndex(where: { $0 == r }) else { continue }
            for i in criteriaRecords[r] ?? [] { rows[Int(i)].criteria &= ~(1 << UInt64(slot)) }
            criteriaSlots[o]?[slot] = nil
        }
        criteriaRecords[r] = nil
    }

    func criteriaSlot(rule r: UInt32) -> (object: UInt16, slot: Int)? {
        for (o, slots) in criteriaSlots {
            if let s = slots.firstIndex(where: { $0 == r }) { return (o, s) }
        }
        return nil
    }
}

extension Record {
    /// The record's id as a string (usable on an existential).
    var idString: String { id.rawValue }
}
