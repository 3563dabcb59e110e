import CommunityAccess
import CommunityAnalytics
import CommunityModel
import CommunityTesting
import Foundation
import Testing

/// The engine against ``ReportReference`` over generated records and generated definitions:
/// every group, subtotal and total must agree, for users who read everything and users who read
/// a few records, with fixed seeds.
@Suite("Report engine agrees with the reference")
struct ReportDifferentialTests {

    static func generated(seed: UInt64) throws -> (ReportFixture, [any Record], [any Record]) {
        var g = SeededRandom(seed: seed)
        var extra: [any Entity] = []
        let owners = ["admin", "agent", "alex", "pat", "bo"]
        let accounts = ["acme", "globex", "initech"]
        let statuses = ["New", "Working", "Waiting on Customer", "Escalated", "Closed"]
        let stages = ["Prospecting", "Qualification", "Proposal", "Negotiation", "Closed Won", "Closed Lost"]
        for i in 0..<300 {
            let created = ReportFixture.now.addingTimeInterval(-Double(g.int(500)) * 86_400 + Double(g.int(86_400)))
            extra.append(Case(id: ID("gc\(i)"), subject: "Generated \(i)", accountID: g.chance(0.8) ? ID(g.pick(accounts)) : nil,
                              status: g.pick(statuses), priority: g.pick(Case.Priority.allCases), origin: g.pick(Case.Origin.allCases),
                              product: g.chance(0.5) ? g.pick(["Cloud", "Analytics"]) : nil, createdAt: created, owner: .user(ID(g.pick(owners)))))
            let close = DayNumber.civil(DayNumber.from(year: 2026, month: 1, day: 1) + g.int(720))
            let account = g.pick(accounts)
            extra.append(Opportunity(
                id: ID("go\(i)"), name: "Generated deal \(i)", accountID: ID(account), stage: g.pick(stages),
                amount: g.chance(0.9) ? Decimal(g.int(100_000)) + Decimal(g.int(100)) / 100 : nil,
                closeDate: try Day(year: close.year, month: close.month, day: close.day), probability: g.int(101),
                partnerAccountID: account == "initech" ? nil : ID(account), region: g.chance(0.7) ? g.pick(["NA", "EMEA", "APAC"]) : nil,
                owner: ID(g.pick(owners.filter { $0 != "agent" })), customFields: ["Margin__c": .number(Double(g.int(100)) / 100)]))
        }
        let fixture = try ReportFixture(extra: extra)
        let cases = try fixture.store.snapshot().all(Case.self).map { $0.value as any Record }
        let opportunities = try fixture.store.snapshot().all(Opportunity.self).map { $0.value as any Record }
        return (fixture, cases, opportunities)
    }

    static func condition(_ g: inout SeededRandom, object: EntityType) -> ReportFilter {
        let dates = ["this quarter", "last quarter", "last 30 days", "LAST_N_DAYS:90", "this year", "last year", "next quarter", "this month",
                     "last week", "2026-06-15", "yesterday"]
        let operators: [ReportOperator] = [.equals, .notEquals, .lessThan, .greaterOrEqual, .lessOrEqual, .greaterThan]
        if object == "Case" {
            switch g.int(6) {
            case 0: return .condition(ReportCondition("CreatedDate", g.pick(operators), [g.pick(dates)]))
            case 1: return .condition(ReportCondition("Status", g.pick([.equals, .notEquals, .isIn, .notIn]), [g.pick(["New", "Closed", "Working"])]))
            case 2: return .condition(ReportCondition("Priority", .isIn, ["high", "critical"]))
            case 3: return .condition(ReportCondition("Account.PartnerTier", g.pick([.equals, .notEquals]), [g.pick(["gold", "silver"])]))
            case 4: return .condition(ReportCondition("Product", g.pick([.isEmpty, .isNotEmpty])))
            default: return .condition(ReportCondition("Subject", g.pick([.contains, .startsWith]), [g.pick(["generated 1", "GEN", "7"])]))
            }
        }
        switch g.int(5) {
        case 0: return .condition(ReportCondition("CloseDate", g.pick(operators), [g.pick(dates)]))
        case 1: return .condition(ReportCondition("Amount", g.pick(operators), [String(g.int(100_000))]))
        case 2: return .condition(ReportCondition("StageName", g.pick([.equals, .notIn]), [g.pick(["Proposal", "Closed Won"])]))
        case 3:
            let op = g.pick([ReportOperator.isEmpty, .isNotEmpty, .equals])
            return .condition(ReportCondition("Region", op, op == .equals ? ["NA"] : []))
        default: return .condition(ReportCondition("Probability", g.pick(operators), [String(g.int(100))]))
        }
    }

    static func definition(_ g: inout SeededRandom, object: EntityType) -> ReportDefinition {
        var filter: ReportFilter? = nil
        switch g.int(4) {
        case 0: break
        case 1: filter = condition(&g, object: object)
        case 2: filter = .and([condition(&g, object: object), .or([condition(&g, object: object), condition(&g, object: object)])])
        default: filter = .not(.or([condition(&g, object: object), condition(&g, object: object)]))
        }
        let groupFields: [ReportGrouping] = object == "Case"
            ? [.init("Status"), .init("Priority"), .init("Origin"), .init("Account.PartnerTier"), .init("CreatedDate", bucket: g.pick(DateBucket.allCases)), .init("Product")]
            : [.init("StageName"), .init("Region"), .init("Account.Name"), .init("CloseDate", bucket: g.pick(DateBucket.allCases)), .init("Probability")]
        var available = groupFields
        var rows: [ReportGrouping] = []
        for _ in 0..<g.int(3) where !available.isEmpty { rows.append(available.remove(at: g.int(available.count))) }
        let column: ReportGrouping? = g.chance(0.3) && !available.isEmpty ? available.remove(at: g.int(available.count)) : nil
        let summaries: [ReportSummary] = object == "Case"
            ? [.count, .init(.uniqueCount, of: "Status"), .init(.minimum, of: "CreatedDate"), .init(.maximum, of: "CreatedDate")]
            : [.count, .init(.sum, of: "Amount"), .init(.average, of: "Amount"), .init(.minimum, of: "Probability"), .init(.maximum, of: "CloseDate"),
               .init(.uniqueCount, of: "Account.PartnerTier"), .init(.average, of: "Margin__c")]
        return ReportDefinition(object: object, filter: filter, rowGroupings: rows, columnGrouping: column, summaries: summaries)
    }

    @Test(arguments: [UInt64(1), 2, 3])
    func engineAgreesWithTheReferenceOnGeneratedReports(seed: UInt64) throws {
        let (f, cases, opportunities) = try Self.generated(seed: seed)
        var g = SeededRandom(seed: seed &* 7_919)
        let reference = ReportReference(schemas: f.schemas, now: ReportFixture.now)
        let snapshot = f.access.snapshot
        var compared = 0
        for _ in 0..<40 {
            let object: EntityType = g.chance(0.5) ? "Case" : "Opportunity"
            let definition = Self.definition(&g, object: object)
            for user in ["admin", "agent", "alex", "pat", "bo"] {
                let engine: ReportResult
                do {
                    engine = try f.engine.run(definition, as: ID(user), in: snapshot)
                } catch {
                    // Only the permission errors the fixture sets up are expected.
                    let expected = error == .objectNotReadable(object) || error == .fieldNotReadable(object: "Opportunity", field: "Margin__c", use: "summarize")
                    #expect(expected, "\(error)")
                    continue
                }
                let expected = reference.evaluate(definition, records: object == "Case" ? cases : opportunities, as: ID(user), in: snapshot)
                let actual = engine.flattened()
                #expect(Set(actual.keys) == Set(expected.keys),
                        "\(user): only engine \(Set(actual.keys).subtracting(expected.keys).sorted()), only reference \(Set(expected.keys).subtracting(actual.keys).sorted())")
                for (key, value) in expected {
                    #expect(actual[key]?.agrees(with: value) == true, "\(user) \(key): \(String(describing: actual[key])) vs \(value) for \(definition)")
                }
                compared += 1
            }
        }
        #expect(compared > 50)
    }
}

extension SeededRandom {
    /// A number in `0..<n` (0 when `n` is not positive).
    mutating func int(_ n: Int) -> Int { below(n) }
    /// A random element of a non-empty list (these tests never pass an empty one).
    mutating func pick<T>(_ list: [T]) -> T { list[below(list.count)] }
    /// True with probability `p`, in steps of 1/1,000.
    mutating func chance(_ p: Double) -> Bool { Double(below(1_000)) / 1_000 < p }
}
