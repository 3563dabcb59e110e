import CommunityModel

/// The `ck_fields` slots of the (type, field) pairs one batch of index writes touches, looked
/// up once per pair and given to new pairs inside the caller's transaction (so a rollback
/// takes a new slot back with the rows that use it). Kept for one transaction only.
struct IndexSlots {
    private var known: [String: [String: Int64]] = [:]
    /// The last pair looked up: index rows come grouped by pair, so most lookups are this one.
    private var last: (type: String, field: String, slot: Int64?)?

    /// The pair's slot, or `nil` when it has none yet (it has no index rows).
    mutating func existing(_ type: String, _ field: String, on connection: SQLiteConnection) throws -> Int64? {
        if let last, last.field == field, last.type == type, let slot = last.slot { return slot }
        if let slot = known[type]?[field] {
            last = (type, field, slot)
            return slot
        }
        guard let slot = try connection.integer(SQLiteSchema.fieldSlot, [.text(type), .text(field)]) else { return nil }
        known[type, default: [:]][field] = slot
        last = (type, field, slot)
        return slot
    }

    /// The pair's slot, given to it now if it has none.
    mutating func slot(_ type: String, _ field: String, on connection: SQLiteConnection) throws -> Int64 {
        if let slot = try existing(type, field, on: connection) { return slot }
        guard let slot = try connection.integer(SQLiteSchema.addFieldSlot, [.text(type), .text(field)]) else {
            throw StoreError.backend("no slot given to index field \(type).\(field)")
        }
        known[type, default: [:]][field] = slot
        last = (type, field, slot)
        return slot
    }
}
