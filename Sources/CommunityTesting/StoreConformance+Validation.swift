public import CommunityModel
import Foundation

extension StoreConformance {
    /// Entities that break their invariants, each with the field the store must name when it
    /// refuses them: a NaN amount, amounts of magnitude 10³⁰, a NUL in a name, an infinite
    /// custom number, an over-long name, and control characters in an entity that declares
    /// no checks of its own (the default ``Entity/validate()``). The validation law stores
    /// each of them and expects it refused.
    public static func invalidEntities() throws -> [(entity: any Entity, field: String)] {
        let day = try Day(year: 2026, month: 1, day: 1)
        let huge = Decimal(sign: .plus, exponent: 30, significand: 1)
        func deal(_ amount: Decimal) -> Opportunity {
            Opportunity(
                id: "conformance-deal", name: "Deal", accountID: nil, stage: "Prospecting", amount: amount,
                closeDate: day, owner: "conformance-owner")
        }
        var infinite = Account(id: "conformance-account", name: "Acme", owner: "conformance-owner")
        infinite.customFields = ["Score__c": .number(.infinity)]
        return [
            (deal(.nan), "Opportunity.Amount"),
            (deal(huge), "Opportunity.Amount"),
            (deal(-huge), "Opportunity.Amount"),
            (Account(id: "conformance-account", name: "Acme\u{0}Corp", owner: "conformance-owner"), "Account.Name"),
            (Account(id: "conformance-account", name: String(repeating: "x", count: 256), owner: "conformance-owner"), "Account.Name"),
            (infinite, "Account.Score__c"),
            (ConformanceItem(id: "conformance-item", group: "red\u{1B}[31m", rank: 0), "ConformanceItem.group"),
            (ConformanceItem(id: "conformance-item", group: "red", rank: 0, note: "bell\u{7}"), "ConformanceItem.note"),
        ]
    }

    static func validation(_ store: any Store, _ check: LawCheck) throws {
        try store.write { tx in try tx.put(item("a", "red")) }
        let before = store.snapshot()
        let calls = Locked(0)
        let observation = store.observe { _ in calls.withLock { $0 += 1 } }
        defer { observation.cancel() }

        for (entity, field) in try invalidEntities() {
            // Refused with a ValidationError naming the field; the transaction leaves nothing.
            do {
                try store.write { tx in
                    try tx.put(item("b", "green"))
                    try put(entity, in: tx)
                }
                throw check.fail("\(field): an invalid entity was stored")
            } catch let error as ValidationError {
                try check.equal(error.field, field, "field named when refusing an invalid \(type(of: entity).entityType)")
            }
            // Catching the error inside the body does not let the rest commit.
            var caught = false
            do {
                try store.write { tx in
                    try tx.put(item("c", "blue"))
                    do { try put(entity, in: tx) } catch is ValidationError { caught = true }
                }
                throw check.fail("\(field): a transaction whose put was refused committed")
            } catch is ValidationError {}
            try check.that(caught, "\(field): the refused put did not throw a ValidationError")
        }

        let after = store.snapshot()
        try check.equal(after.sequence, before.sequence, "sequence after refused writes")
        try check.equal(try after.count(Item.self), 1, "count after refused writes")
        try check.that(try after.get(ID<Opportunity>("conformance-deal")) == nil, "a refused opportunity is readable")
        try check.that(try after.get(ID<Account>("conformance-account")) == nil, "a refused account is readable")
        try check.equal(try store.changes(after: before.sequence, limit: 10).count, 0, "feed entries after refused writes")
        try check.equal(calls.withLock { $0 }, 0, "observer calls for refused writes")

        // Valid values at the edges are stored: tab, line feed and carriage return, an amount of 10¹⁵.
        let edge = Opportunity(
            id: "conformance-deal", name: "Deal\twith\r\nbreaks", accountID: nil, stage: "Prospecting",
            amount: Check.maximumDecimalMagnitude, closeDate: try Day(year: 2026, month: 1, day: 1), owner: "conformance-owner")
        try store.write { tx in try tx.put(edge) }
        try check.equal(try store.snapshot().value(edge.id), edge, "an opportunity at the limits read back")
    }

    private static func put<E: Entity>(_ entity: E, in tx: any StoreTransaction) throws {
        try tx.put(entity)
    }
}
