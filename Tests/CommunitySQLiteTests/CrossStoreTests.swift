import CommunityModel
import CommunitySQLite
import CommunityTesting
import Foundation
import Testing

/// An entity indexed by money, a number and a flag, for range queries over exact values.
struct Invoice: Entity, Equatable {
    static let entityType: EntityType = "Invoice"
    static var indexedFields: [IndexedField<Invoice>] {
        [
            IndexedField("amount") { .currency($0.amount) },
            IndexedField("score") { .number($0.score) },
            IndexedField("paid") { .checkbox($0.paid) },
        ]
    }
    var id: ID<Invoice>
    var amount: Decimal
    var score: Double
    var paid: Bool
}

/// SQLiteStore and MemoryStore, fed the same random writes of real model entities, give the
/// same answers to the same queries (money, days, moments, picklists, references).
@Suite struct CrossStoreTests {

    static let stages = ["Prospecting", "Qualification", "Closed Won", "Closed Lost"]
    static let amounts: [Decimal?] = [nil, 0, Decimal(string: "1500.50")!, Decimal(string: "1500.5")!, 99, 100_000, Decimal(string: "0.1")!]

    func opportunity(_ i: Int, _ random: inout SeededRandom) throws -> Opportunity {
        try Opportunity(
            id: ID("opp-\(i)"), name: "Deal \(i)", accountID: ID("acc-\(Int.random(in: 0..<4, using: &random))"),
            stage: Self.stages.randomElement(using: &random)!, amount: Self.amounts.randomElement(using: &random)!,
            closeDate: Day(year: 2026, month: Int.random(in: 1...12, using: &random), day: Int.random(in: 1...28, using: &random)),
            partnerAccountID: Bool.random(using: &random) ? ID("partner-\(Int.random(in: 0..<3, using: &random))") : nil,
            owner: ID("user-\(Int.random(in: 0..<3, using: &random))"))
    }

    func supportCase(_ i: Int, _ random: inout SeededRandom) -> Case {
        Case(
            id: ID("case-\(i)"), subject: "Case \(i)", accountID: Bool.random(using: &random) ? ID("acc-\(i % 3)") : nil,
            status: ["New", "Working", "Closed"].randomElement(using: &random)!,
            priority: Case.Priority.allCases.randomElement(using: &random)!,
            createdAt: Date(timeIntervalSince1970: 1_767_225_600 + Double(Int.random(in: 0..<1_000, using: &random)) * 3_600.25),
            owner: Bool.random(using: &random) ? .user(ID("user-1")) : .queue(ID("queue-1")))
    }

    var opportunityQueries: [Query<Opportunity>] {
        let q = Query<Opportunity>()
        return [
            q, q.ordered(by: "closeDate"), q.ordered(by: "closeDate", descending: true).page(offset: 2, limit: 7),
            q.where("stage", equals: .picklist("Closed Won")),
            q.filter("stage", .oneOf([.picklist("Prospecting"), .picklist("Closed Lost")])).ordered(by: "partnerAccountID"),
            q.filter("closeDate", .range(lower: .date(try! Day(parsing: "2026-03-01")), upper: .date(try! Day(parsing: "2026-09-15")))),
            q.where("accountID", equals: .reference("acc-2")).ordered(by: "stage", descending: true),
            q.where("owner", equals: .reference("user:user-1")).filter("closeDate", .range(lower: nil, upper: .date(try! Day(parsing: "2026-06-01")))),
            q.where("partnerAccountID", equals: .reference("partner-0")),
        ]
    }

    var caseQueries: [Query<Case>] {
        let q = Query<Case>()
        let start = Date(timeIntervalSince1970: 1_767_225_600 + 300 * 3_600.25)
        return [
            q.ordered(by: "createdAt"), q.ordered(by: "createdAt", descending: true).page(limit: 5),
            q.filter("createdAt", .range(lower: .dateTime(start), upper: nil)).ordered(by: "priority"),
            q.where("owner", equals: .reference("queue:queue-1")), q.where("status", equals: .picklist("Closed")),
            q.where("accountID", equals: .reference("acc-1")).ordered(by: "createdAt", descending: true),
        ]
    }

    func ids<E: Entity>(_ rows: [Versioned<E>]) -> [String] { rows.map { "\($0.value.id.rawValue)@\($0.version)" } }

    @Test func sqliteAnswersLikeMemory() throws {
        let directory = try TemporaryDirectory()
        let sqlite = try SQLiteStore(path: directory.file("cross.sqlite"))
        let memory = MemoryStore()
        var random = SeededRandom(seed: 11)
        for round in 0..<10 {
            var ops: [(Bool, Int, Int)] = []  // (delete?, which, kind)
            for _ in 0..<15 {
                ops.append((Int.random(in: 0..<6, using: &random) == 0, Int.random(in: 0..<40, using: &random), Int.random(in: 0..<2, using: &random)))
            }
            let seed = random.next()
            for store in [sqlite, memory] as [any Store] {
                var local = SeededRandom(seed: seed)
                try store.write { tx in
                    for (delete, which, kind) in ops {
                        if kind == 0 {
                            if delete { try tx.delete(ID<Opportunity>("opp-\(which)")) } else { try tx.put(try opportunity(which, &local)) }
                        } else {
                            if delete { try tx.delete(ID<Case>("case-\(which)")) } else { try tx.put(supportCase(which, &local)) }
                        }
                    }
                }
            }
            let a = sqlite.snapshot(), b = memory.snapshot()
            #expect(a.sequence == b.sequence, "round \(round)")
            #expect(ids(try a.all(Opportunity.self)) == ids(try b.all(Opportunity.self)), "round \(round)")
            #expect(try a.all(Opportunity.self).map(\.value) == b.all(Opportunity.self).map(\.value), "round \(round)")
            #expect(try a.all(Case.self).map(\.value) == b.all(Case.self).map(\.value), "round \(round)")
            for (n, query) in opportunityQueries.enumerated() {
                #expect(ids(try a.query(query)) == ids(try b.query(query)), "round \(round), opportunity query \(n)")
            }
            for (n, query) in caseQueries.enumerated() {
                #expect(ids(try a.query(query)) == ids(try b.query(query)), "round \(round), case query \(n)")
            }
        }
    }

    @Test func exactValueRangesAgree() throws {
        let directory = try TemporaryDirectory()
        let sqlite = try SQLiteStore(path: directory.file("invoices.sqlite"))
        let memory = MemoryStore()
        var random = SeededRandom(seed: 5)
        let amounts = ["0", "0.1", "0.10", "0.2", "99.99", "100", "100.00", "-5", "1e3", "999999999999999.99"].map { Decimal(string: $0)! }
        let scores = [0.0, -0.0, 0.1 + 0.2, 0.3, -1, 1e-300, 7]
        var invoices: [Invoice] = []
        for i in 0..<60 {
            invoices.append(
                Invoice(
                    id: ID("inv-\(i)"), amount: amounts.randomElement(using: &random)!, score: scores.randomElement(using: &random)!,
                    paid: Bool.random(using: &random)))
        }
        for store in [sqlite, memory] as [any Store] {
            try store.write { tx in for invoice in invoices { try tx.put(invoice) } }
        }
        let q = Query<Invoice>()
        let queries = [
            q.filter("amount", .range(lower: .currency(Decimal(string: "0.1")!), upper: .currency(100))).ordered(by: "amount"),
            q.where("amount", equals: .currency(Decimal(string: "100.00")!)),
            q.filter("amount", .oneOf([.currency(0), .currency(Decimal(string: "0.10")!)])).ordered(by: "score", descending: true),
            q.where("score", equals: .number(0)), q.where("score", equals: .number(0.3)),
            q.filter("score", .range(lower: .number(0.3), upper: nil)).ordered(by: "amount", descending: true),
            q.where("paid", equals: .checkbox(true)).ordered(by: "amount").page(offset: 3, limit: 10),
        ]
        for (n, query) in queries.enumerated() {
            let a = try sqlite.snapshot().query(query).map(\.value)
            let b = try memory.snapshot().query(query).map(\.value)
            #expect(a == b, "invoice query \(n)")
        }
        #expect(try !memory.snapshot().query(queries[1]).isEmpty)
    }
}
