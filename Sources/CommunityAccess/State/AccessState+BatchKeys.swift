import CommunityModel
import Dispatch
import Synchronization

extension AccessState {
    /// The record keys of a bulk insert that are not interned yet, in the plain build's order.
    ///
    /// A one-by-one build interns, record after record, the record's own key, its account's
    /// and its contact's; a key seen for the first time gets the next id. Here every key the
    /// state does not know is listed with its place in that order (`3k` own, `3k + 1` account,
    /// `3k + 2` contact of record `k`), so that the first occurrence of each can be found by
    /// shard on all cores and the ids handed out in order afterwards.
    struct NewKeys: Sendable {
        /// Each listed key's place in the plain order, ascending.
        var places: [Int] = []
        var keys: [RecordKey] = []
        /// Each key's ``RecordKey/fingerprint``.
        var prints: [UInt64] = []
        /// Per record of the part, its own key's id when interned already (`UInt32.max`: listed).
        var ownIDs: [UInt32] = []
    }

    /// Interns the own, account and contact keys of a batch (of object `o`, which `known`
    /// describes, owners included) on all cores, giving each new key the id a one-by-one pass
    /// in record order gives it, and fills `own`, `accounts` and `contacts`. The first
    /// occurrence of each new key (a new account may follow many records that name it, or be
    /// named by a record before its own row) is found shard by shard on all cores; the ids are
    /// then counted out in order and the keys interned with ``ShardedInterner/internNew(_:chunk:)``.
    ///
    /// Returns `false` (having changed nothing) when a part of the work did not run; the
    /// caller then interns one key at a time.
    mutating func internBatchKeys(
        _ records: [any Record], _ known: [KnownIDs], object o: UInt16,
        own: inout [UInt32], accounts: inout [Int32], contacts: inout [Int32]
    ) -> Bool {
        let n = records.count
        let chunk = 16_384
        let chunks = (n + chunk - 1) / chunk
        // Step 1, on all cores: own keys looked up, and every key not interned listed.
        let keyMap = recordKeys
        let parts = Mutex([NewKeys?](repeating: nil, count: chunks))
        DispatchQueue.concurrentPerform(iterations: chunks) { c in
            var part = NewKeys()
            let range = c * chunk..<min(n, (c + 1) * chunk)
            part.ownIDs.reserveCapacity(range.count)
            func list(_ place: Int, _ key: RecordKey) {
                part.places.append(place)
                part.prints.append(key.fingerprint)
                part.keys.append(key)
            }
            for k in range {
                let key = RecordKey(object: o, id: records[k].idString)
                if let i = keyMap.id(key) {
                    part.ownIDs.append(i)
                } else {
                    part.ownIDs.append(UInt32.max)
                    list(3 * k, key)
                }
                let r = known[k]
                if o != 0, r.account == -2, let a = r.accountID { list(3 * k + 1, RecordKey(object: 0, id: a)) }
                if r.contact == -2, let id = r.contactID { list(3 * k + 2, RecordKey(object: 1, id: id)) }
            }
            parts.withLock { $0[c] = part }
        }
        var listed = NewKeys()
        var ownIDs: [UInt32] = []
        ownIDs.reserveCapacity(n)
        for part in parts.withLock({ $0 }) {
            guard let part else { return false }
            listed.places += part.places
            listed.keys += part.keys
            listed.prints += part.prints
            ownIDs += part.ownIDs
        }
        // Step 2, on all cores: each listed key's first occurrence (`first[m] <= m`).
        guard let first = Self.firstOccurrences(listed.keys, listed.prints) else { return false }
        // Step 3: the new keys in order of first occurrence get the next ids.
        let count = listed.keys.count
        var rank = [UInt32](repeating: 0, count: count)
        var newKeys: [RecordKey] = []
        var next: UInt32 = 0
        for m in 0..<count {
            let f = Int(first[m])
            if f == m {
                rank[m] = next
                next &+= 1
                newKeys.append(listed.keys[m])
            } else {
                rank[m] = rank[f]
            }
        }
        let base = newKeys.isEmpty ? UInt32(truncatingIfNeeded: recordKeys.count) : recordKeys.internNew(newKeys)
        // Step 4: every record's ids.
        for k in 0..<n {
            let r = known[k]
            own[k] = ownIDs[k]
            accounts[k] = o == 0 ? Int32(truncatingIfNeeded: ownIDs[k]) : r.account
            contacts[k] = r.contact
        }
        for m in 0..<count {
            let id = base &+ rank[m]
            let (k, slot) = listed.places[m].quotientAndRemainder(dividingBy: 3)
            switch slot {
            case 0:
                own[k] = id
                if o == 0 { accounts[k] = Int32(truncatingIfNeeded: id) }
            case 1: accounts[k] = Int32(truncatingIfNeeded: id)
            default: contacts[k] = Int32(truncatingIfNeeded: id)
            }
        }
        return true
    }

    /// For each key, the position of its first occurrence in `keys` (itself when it is the
    /// first), found on all cores: the keys are grouped by shard of their fingerprint, and
    /// each shard's keys are looked up in ascending order in an open-addressing table of
    /// fingerprints (keys compared only when fingerprints match). `nil` if a shard did not run.
    static func firstOccurrences(_ keys: [RecordKey], _ prints: [UInt64]) -> [Int32]? {
        let count = keys.count
        guard count > 0 else { return [] }
        let shards = 256
        func shard(_ h: UInt64) -> Int { Int(truncatingIfNeeded: (h ^ (h >> 32) ^ (h >> 48)) & 255) }
        // Counting sort by shard, keeping each shard's keys ascending.
        var starts = [Int](repeating: 0, count: shards + 1)
        for h in prints { starts[shard(h) + 1] += 1 }
        for s in 0..<shards { starts[s + 1] += starts[s] }
        var fill = starts
        var members = [Int32](repeating: 0, count: count)
        for m in 0..<count {
            let s = shard(prints[m])
            members[fill[s]] = Int32(truncatingIfNeeded: m)
            fill[s] += 1
        }
        let bounds = starts, grouped = members
        let found = Mutex([[Int32]?](repeating: nil, count: shards))
        DispatchQueue.concurrentPerform(iterations: shards) { s in
            let mine = grouped[bounds[s]..<bounds[s + 1]]
            var size = 16
            while size < 2 * mine.count { size <<= 1 }
            let mask = size - 1
            var table = [Int32](repeating: -1, count: size)
            var firsts: [Int32] = []
            firsts.reserveCapacity(mine.count)
            for m in mine {
                let h = prints[Int(m)]
                var slot = Int(truncatingIfNeeded: h >> 20) & mask
                while true {
                    let e = table[slot]
                    if e < 0 {
                        table[slot] = m
                        firsts.append(m)
                        break
                    }
                    if prints[Int(e)] == h, keys[Int(e)] == keys[Int(m)] {
                        firsts.append(e)
                        break
                    }
                    slot = (slot + 1) & mask
                }
            }
            found.withLock { $0[s] = firsts }
        }
        var first = [Int32](repeating: 0, count: count)
        for (s, part) in found.withLock({ $0 }).enumerated() {
            guard let part else { return nil }
            for (x, f) in part.enumerated() { first[Int(grouped[bounds[s] + x])] = f }
        }
        return first
    }
}
