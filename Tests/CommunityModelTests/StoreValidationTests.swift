import CommunityModel
import CommunityTesting
import Foundation
import Synchronization
import Testing

/// Every put is validated: invalid entities never reach a store, whatever the entity type.
@Suite struct StoreValidationTests {
    let day: Day

    init() throws { day = try Day(year: 2026, month: 3, day: 1) }

    func deal(amount: Decimal? = 100, name: String = "Deal", custom: [String: FieldValue] = [:]) -> Opportunity {
        Opportunity(
            id: "deal", name: name, accountID: nil, stage: "Prospecting", amount: amount, closeDate: day, owner: "u",
            customFields: custom)
    }

    /// Stores `entity` in a fresh MemoryStore, returning the error the put threw.
    func refusal<E: Entity>(_ entity: E, schemas: [ObjectSchema] = []) -> ValidationError? {
        let store = MemoryStore(schemas: schemas)
        do {
            try store.write { tx in try tx.put(entity) }
        } catch let error as ValidationError {
            #expect((try? store.snapshot().count(E.self)) == 0)
            #expect(store.snapshot().sequence == 0)
            return error
        } catch {
            Issue.record("unexpected error \(error)")
        }
        return nil
    }

    @Test func aNaNAmountIsRefused() {
        #expect(refusal(deal(amount: .nan)) == ValidationError(field: "Opportunity.Amount", reason: .invalidValue("not a finite number")))
        // Decimal arithmetic that overflows gives NaN rather than infinity.
        let big = Decimal(sign: .plus, exponent: 120, significand: 1)
        #expect(refusal(deal(amount: big * big))?.field == "Opportunity.Amount")
    }

    @Test func absurdMagnitudesAreRefused() {
        let huge = Decimal(sign: .plus, exponent: 30, significand: 1)
        #expect(refusal(deal(amount: huge)) == ValidationError(field: "Opportunity.Amount", reason: .outOfRange("magnitude above 1e15")))
        #expect(refusal(deal(amount: -huge))?.field == "Opportunity.Amount")
        #expect(refusal(deal(custom: ["Budget__c": .currency(huge)]))?.field == "Opportunity.Budget__c")
        #expect(refusal(deal(custom: ["Seats__c": .number(1e30)]))?.field == "Opportunity.Seats__c")
        #expect(refusal(deal(amount: Check.maximumDecimalMagnitude)) == nil)
    }

    @Test(arguments: [Double.infinity, -Double.infinity, Double.nan])
    func nonFiniteNumbersAreRefused(value: Double) {
        #expect(
            refusal(deal(custom: ["Score__c": .number(value)]))
                == ValidationError(field: "Opportunity.Score__c", reason: .invalidValue("not a finite number")))
        #expect(refusal(deal(custom: ["Seen__c": .dateTime(Date(timeIntervalSinceReferenceDate: value))]))?.field == "Opportunity.Seen__c")
        let opened = Case(id: "c", subject: "S", createdAt: Date(timeIntervalSinceReferenceDate: value), owner: .user("u"))
        #expect(refusal(opened)?.field == "Case.CreatedDate")
    }

    @Test func controlCharactersInTextAreRefused() {
        #expect(
            refusal(Account(id: "a", name: "Acme\u{0}", owner: "u"))
                == ValidationError(field: "Account.Name", reason: .invalidValue("control character U+0000 at byte 4")))
        #expect(refusal(Contact(id: "c", lastName: "Kim", phone: "1\u{1B}2", accountID: nil, owner: "u"))?.field == "Contact.Phone")
        #expect(refusal(Lead(id: "l", lastName: "L", company: "C", source: "Web\u{8}", owner: .user("u")))?.field == "Lead.LeadSource")
        #expect(refusal(deal(custom: ["Note__c": .text("a\u{1F}b")]))?.field == "Opportunity.Note__c")
        #expect(refusal(Case(id: "c", subject: "S", description: "x\u{7F}\u{0}", owner: .user("u")))?.field == "Case.Description")
        // Tab, line feed and carriage return are text; DEL and non-ASCII are not control characters here.
        #expect(refusal(Case(id: "c", subject: "S", description: "a\tb\r\nc\u{7F} ü 한", owner: .user("u"))) == nil)
    }

    @Test func overLongTextIsRefused() {
        #expect(
            refusal(deal(name: String(repeating: "n", count: 121)))
                == ValidationError(field: "Opportunity.Name", reason: .tooLong(limit: 120, actual: 121)))
        #expect(refusal(Account(id: "a", name: "A", owner: "u", region: String(repeating: "r", count: 41)))?.field == "Account.Region")
        // Multi-byte characters count as characters, not bytes.
        #expect(refusal(deal(name: String(repeating: "한", count: 120))) == nil)
    }

    @Test func aBadPicklistValueIsRefusedAgainstTheObjectSchema() throws {
        let schema = try ObjectSchema(
            object: "Opportunity",
            fields: [FieldDefinition(name: "Tier__c", type: .picklist(["Gold", "Silver"])), FieldDefinition(name: "Seats__c", type: .number())])
        #expect(
            refusal(deal(custom: ["Tier__c": .picklist("Platinum")]), schemas: [schema])
                == ValidationError(field: "Opportunity.Tier__c", reason: .notInPicklist("Platinum", allowed: ["Gold", "Silver"])))
        #expect(refusal(deal(custom: ["Undeclared__c": .text("x")]), schemas: [schema])?.reason == .unknownField)
        #expect(refusal(deal(custom: ["Seats__c": .text("ten")]), schemas: [schema])?.reason == .wrongType(expected: "number", actual: "text"))
        #expect(refusal(deal(custom: ["Tier__c": .picklist("Gold")]), schemas: [schema]) == nil)
        // Without a schema the value is only checked on its own.
        #expect(refusal(deal(custom: ["Tier__c": .picklist("Platinum")])) == nil)
    }

    @Test func entitiesWithoutChecksOfTheirOwnGetTheDefaultOnes() {
        #expect(
            refusal(ConformanceItem(id: "i", group: "red", rank: 1, note: "nul\u{0}"))
                == ValidationError(field: "ConformanceItem.note", reason: .invalidValue("control character U+0000 at byte 3")))
        #expect(refusal(Ledger(id: "l", entries: [.init(amount: 1), .init(amount: .nan)]))?.field == "Ledger.entries.amount")
        #expect(refusal(Ledger(id: "l", entries: [.init(amount: 1, rate: .infinity)]))?.field == "Ledger.entries.rate")
        #expect(refusal(Ledger(id: "l", entries: [.init(amount: 1, tags: ["ok", "bad\u{1}"])]))?.field == "Ledger.entries.tags")
        #expect(refusal(Ledger(id: "l", entries: [.init(amount: 1, tags: ["ok"])], blob: Data([0, 1, 2]))) == nil)
    }

    @Test func aRefusedPutFailsTheWholeTransactionEvenWhenCaught() throws {
        let store = MemoryStore()
        let observed = ObservedChanges()
        let observation = store.observe { changes in observed.add(changes.count) }
        defer { observation.cancel() }
        var laterRefused = false
        #expect(throws: ValidationError.self) {
            try store.write { tx in
                try tx.put(Account(id: "good", name: "Good", owner: "u"))
                do { try tx.put(Account(id: "bad", name: "Bad\u{0}", owner: "u")) } catch {}
                // Later writes in the same transaction are refused too.
                do { try tx.put(Account(id: "later", name: "Later", owner: "u")) } catch is ValidationError { laterRefused = true }
            }
        }
        #expect(laterRefused)
        #expect(try store.snapshot().count(Account.self) == 0)
        #expect(try store.changes(after: 0, limit: 10).isEmpty)
        #expect(observed.total == 0)
        // The store is fine afterwards.
        try store.write { tx in try tx.put(Account(id: "good", name: "Good", owner: "u")) }
        #expect(try store.snapshot().count(Account.self) == 1)
    }

    @Test func checkHelpersAgreeWithTheStore() {
        #expect(throws: ValidationError.self) { try Check.decimal(.nan, field: "f") }
        #expect(throws: ValidationError.self) { try Check.finite(.infinity, field: "f") }
        #expect(throws: ValidationError.self) { try Check.plainText("\u{0}", field: "f") }
        #expect(throws: ValidationError.self) {
            try Check.plainText(String(repeating: "x", count: Check.maximumTextBytes + 1), field: "f")
        }
        #expect(throws: ValidationError(field: "f", reason: .invalidValue("not a finite number"))) {
            try Check.value(.currency(.nan), field: "f")
        }
        #expect(FieldType.currency.check(.currency(.nan)) == .invalidValue("not a finite number"))
    }
}

/// An entity with no `validate()` of its own, nesting decimals, doubles, text and data.
struct Ledger: Entity, Hashable {
    struct Entry: Codable, Hashable {
        var amount: Decimal
        var rate: Double = 1
        var tags: [String] = []
    }

    static let entityType: EntityType = "Ledger"
    var id: ID<Ledger>
    var entries: [Entry]
    var blob = Data()
}

/// Counts changes delivered to an observer.
final class ObservedChanges: Sendable {
    private let count = Mutex(0)
    func add(_ n: Int) { count.withLock { $0 += n } }
    var total: Int { count.withLock { $0 } }
}
