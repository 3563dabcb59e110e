import CommunityModel

/// What ``KPIAggregator`` keeps about entity groups, under interned `Type:id` names: one entry
/// per name, which may be a grouped entity (its slot and the group it belongs to), a group (its
/// members and current facts), or both (a question is a member of its own group).
///
/// A change looks its entity's name up once; everything else (the group, its members, its facts)
/// is reached by index. Entries no longer used are recycled, so the table holds only live names.
struct KPIGroupTable: Sendable {
    /// A grouped entity as the aggregator holds it: read, or known only by name since a
    /// checkpoint was restored (read from the store when its group is next recomputed).
    enum Slot: Sendable {
        case read(any Entity)
        case unread
    }

    /// One interned name.
    struct Entry: Sendable {
        /// The `Type:id` name.
        var name: String
        /// The grouped entity of this name, when the table holds one.
        var slot: Slot?
        /// The entry of the group the entity belongs to; `-1` for none.
        var group: Int32 = -1
        /// The entries of the group's members, when this name is a group.
        var members: [Int32] = []
        /// The group's current facts (for a type that is not grouped: the entity's own).
        var facts: [KPIPackedFact] = []

        var isUnused: Bool { slot == nil && group < 0 && members.isEmpty && facts.isEmpty }
    }

    private(set) var entries: [Entry] = []
    private var index: [String: Int32] = [:]
    private var free: [Int32] = []

    /// An empty table.
    init() {}

    /// The entry of a name, if it has one.
    func find(_ name: String) -> Int32? { index[name] }

    /// The entry of a name, made when it has none.
    mutating func intern(_ name: String) -> Int32 {
        if let e = index[name] { return e }
        let e: Int32
        if let reused = free.popLast() {
            e = reused
            entries[Int(e)] = Entry(name: name)
        } else {
            e = Int32(truncatingIfNeeded: entries.count)
            entries.append(Entry(name: name))
        }
        index[name] = e
        return e
    }

    /// Frees an entry nothing refers to any more.
    mutating func releaseIfUnused(_ e: Int32) {
        guard entries[Int(e)].isUnused, index.removeValue(forKey: entries[Int(e)].name) != nil else { return }
        entries[Int(e)].name = ""
        free.append(e)
    }

    /// An entry, read in place (no copy of its members, facts or entity) or changed in place.
    subscript(_ e: Int32) -> Entry {
        _read { yield entries[Int(e)] }
        _modify { yield &entries[Int(e)] }
    }

    /// Makes `member` belong to `group` (leaving the group it was in, which is returned).
    @discardableResult
    mutating func move(_ member: Int32, to group: Int32) -> Int32? {
        let old = entries[Int(member)].group
        guard old != group else { return nil }
        if old >= 0, let at = entries[Int(old)].members.firstIndex(of: member) {
            entries[Int(old)].members.swapAt(at, entries[Int(old)].members.count - 1)
            entries[Int(old)].members.removeLast()
        }
        entries[Int(member)].group = group
        if group >= 0 { entries[Int(group)].members.append(member) }
        return old >= 0 ? old : nil
    }

    /// The names in use.
    var count: Int { index.count }
}
