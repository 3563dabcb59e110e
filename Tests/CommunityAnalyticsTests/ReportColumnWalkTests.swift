import CommunityAccess
@testable import CommunityAnalytics
import CommunityModel
import CommunityTesting
import Foundation
import Testing

/// The walk over the snapshot's columns (``CompiledReport/columnTally(_:in:chunk:)``) against
/// the walk over the records and ``ReportReference``, on generated orgs and reports, and the
/// columns kept current through generated change sequences against the records themselves.
@Suite("Reports walked by columns")
struct ReportColumnWalkTests {
    /// An engine that walks every report by columns, in runs of `chunk` records.
    static func engine(_ f: ReportFixture, chunk: Int) -> ReportEngine {
        var engine = f.engine
        engine.columnWalkMinimum = 0
        engine.columnChunk = chunk
        return engine
    }

    /// The report's tally by columns, or `nil` when it reads a lookup.
    static func columnResult(_ compiled: CompiledReport, in snapshot: AccessSnapshot) -> ReportResult? {
        guard let viewer = snapshot.handle(for: compiled.user) else { return nil }
        let handles = snapshot.visibleHandles(of: viewer, object: compiled.definition.object)
        return compiled.columnTally(handles, in: snapshot, chunk: compiled.columnChunk).map { compiled.result(of: $0, in: snapshot) }
    }

    static func recordResult(_ compiled: CompiledReport, in snapshot: AccessSnapshot) -> ReportResult {
        compiled.result(of: compiled.recordTally(in: snapshot), in: snapshot)
    }

    /// Generated definitions with every summary, 0–2 row levels, matrices, period buckets,
    /// lookups, and/or/not filters with relative dates, and detail rows with small limits.
    static func definitions(_ g: inout SeededRandom, count: Int) -> [ReportDefinition] {
        var out = ReportPatchTests.definitions(&g)
        for n in 0..<count {
            var definition = ReportDifferentialTests.definition(&g, object: n % 2 == 0 ? "Case" : "Opportunity")
            if g.chance(0.3) {
                definition.columns = definition.object == "Case" ? ["Subject", "Account.Name", "CreatedDate"] : ["Name", "Amount"]
                definition.rowLimit = g.pick([1, 7, 50, 5_000])
            }
            out.append(definition)
        }
        return out
    }

    @Test(arguments: [UInt64(21), 22, 23])
    func columnWalksEqualRecordWalksAndTheReference(seed: UInt64) throws {
        let (f, cases, opportunities) = try ReportDifferentialTests.generated(seed: seed)
        var g = SeededRandom(seed: seed &* 6_151)
        let snapshot = f.access.snapshot
        let reference = ReportReference(schemas: f.schemas, now: ReportFixture.now)
        let oneRun = Self.engine(f, chunk: 1 << 30), manyRuns = Self.engine(f, chunk: 7)
        var byColumns = 0, byRecords = 0
        for definition in Self.definitions(&g, count: 40) {
            for user in ReportPatchTests.users {
                guard let single = try? oneRun.compile(definition, for: user, in: snapshot),
                      let split = try? manyRuns.compile(definition, for: user, in: snapshot)
                else { continue }
                let walked = Self.recordResult(single, in: snapshot)
                guard let whole = Self.columnResult(single, in: snapshot), let runs = Self.columnResult(split, in: snapshot) else {
                    // Only reports that read a field through a lookup walk the records.
                    #expect(single.fields.contains { $0.relatedObject != nil }, "\(definition)")
                    byRecords += 1
                    continue
                }
                byColumns += 1
                // One run adds in listing order, as the record walk does: the same to the bit.
                #expect(whole == walked, "one run, \(user): \(definition)")
                ReportPatchTests.expectSame(runs, walked, "runs of 7, \(user): \(definition)")
                #expect(runs == Self.columnResult(split, in: snapshot), "runs merge the same way every time")
                // Rolled up by group code (what a walk gives) as the tally's leaves roll up.
                ReportPatchTests.expectSame(single.walk(in: snapshot), walked, "walk, one run, \(user): \(definition)")
                ReportPatchTests.expectSame(split.walk(in: snapshot), walked, "walk, runs of 7, \(user): \(definition)")
                #expect(split.walk(in: snapshot) == split.walk(in: snapshot), "a walk rolls up the same way every time")
                let expected = reference.evaluate(definition, records: definition.object == "Case" ? cases : opportunities, as: user, in: snapshot)
                let actual = runs.flattened()
                #expect(Set(actual.keys) == Set(expected.keys), "reference, \(user): \(definition)")
                for (key, value) in expected { #expect(actual[key]?.agrees(with: value) == true, "reference \(key), \(user): \(definition)") }
                // What a run gives (and keeps) is the column walk's.
                #expect(try manyRuns.run(definition, as: user, in: snapshot) == split.walk(in: snapshot))
            }
        }
        #expect(byColumns > 50)
        #expect(byRecords > 0)
    }

    @Test func sumsOfManyRunsAgreeWithTheReferenceOnLargeAmounts() throws {
        var extra: [any Entity] = []
        var g = SeededRandom(seed: 99)
        for i in 0..<2_000 {
            // Amounts of very different sizes, so that the order of adding shows in a plain sum.
            let amount = g.chance(0.01) ? Decimal(string: "123456789012.37") ?? 0 : Decimal(g.int(1_000)) / 100
            extra.append(Opportunity(id: ID("big\(i)"), name: "Deal \(i)", accountID: "acme", stage: g.pick(ReportPatchTests.stages),
                                     amount: amount, closeDate: ReportFixture.day("2026-06-01"), owner: "admin"))
        }
        let f = try ReportFixture(extra: extra)
        let snapshot = f.access.snapshot
        let definition = ReportDefinition(object: "Opportunity", rowGroupings: [ReportGrouping("StageName")],
                                          summaries: [.init(.sum, of: "Amount"), .init(.average, of: "Amount"), .init(.minimum, of: "Amount")])
        let records = try f.store.snapshot().all(Opportunity.self).map { $0.value as any Record }
        let expected = ReportReference(schemas: f.schemas, now: ReportFixture.now).evaluate(definition, records: records, as: "admin", in: snapshot)
        for chunk in [1, 3, 64, 1_000] {
            let compiled = try Self.engine(f, chunk: chunk).compile(definition, for: "admin", in: snapshot)
            let result = try #require(Self.columnResult(compiled, in: snapshot))
            for (key, value) in expected { #expect(result.flattened()[key]?.agrees(with: value) == true, "runs of \(chunk): \(key)") }
            #expect(result.total.count == records.count)
        }
    }

    /// Every live record's value at its handle, and nothing anywhere else.
    static func expectColumnsMatchTheRecords(_ snapshot: AccessSnapshot, _ store: any StoreSnapshot, _ context: String) throws {
        let objects: [(EntityType, [(String, any Record)], [String])] = [
            ("Case", try store.all(Case.self).map { ($0.value.id.rawValue, $0.value as any Record) },
             ["Status", "Priority", "CreatedDate", "Product", "Subject", "AccountId"]),
            ("Opportunity", try store.all(Opportunity.self).map { ($0.value.id.rawValue, $0.value as any Record) },
             ["StageName", "Amount", "OwnerId", "Region"]),
        ]
        for (object, records, fields) in objects {
            let columns = try #require(snapshot.columns(of: object, fields: fields))
            for (column, field) in zip(columns, fields) {
                #expect(column.object == object && column.field == field)
                var filled = 0
                for (id, record) in records {
                    let handle = try #require(snapshot.handle(for: object, id: id))
                    let value = record.value(of: field)
                    #expect(column.value(column.id(at: handle.position)) == value, "\(context): \(object).\(field) of \(id)")
                    if value != nil { filled += 1 }
                }
                #expect(column.ids.filter { $0 != 0 }.count == filled, "\(context): \(object).\(field) holds values of no record")
                // Facts carried from earlier snapshots equal facts worked out afresh.
                let facts = ColumnFacts.of(column, in: snapshot)
                var fresh = ColumnFacts(numbering: column.numbering)
                fresh.extend(with: column)
                #expect(facts.days == fresh.days, "\(context): days of \(object).\(field)")
                #expect(zip(facts.measures, fresh.measures).allSatisfy { $0 == $1 || ($0.isNaN && $1.isNaN) }, "\(context): measures")
                #expect(facts.measures.count == fresh.measures.count)
            }
        }
    }

    @Test(arguments: [UInt64(31), 32])
    func columnsKeptThroughChangesEqualTheRecords(seed: UInt64) throws {
        let (f, _, _) = try ReportDifferentialTests.generated(seed: seed)
        var g = SeededRandom(seed: seed &* 31_337)
        let engine = Self.engine(f, chunk: 5)
        let definitions = Self.definitions(&g, count: 6)
        var shares: [ID<RecordShare>] = []
        var previous = try #require(f.access.snapshot.columns(of: "Case", fields: ["Status"])?.first)
        var carriedSteps = 0
        for step in 0..<40 {
            let kind = try ReportPatchTests.change(&g, f, step: step, shares: &shares)
            let snapshot = f.access.snapshot
            // Some steps read no column, so an update spans several changes.
            if step % 3 == 1 { continue }
            let status = try #require(snapshot.columns(of: "Case", fields: ["Status"])?.first)
            if status.sharedValues(with: previous.numbering) != nil { carriedSteps += 1 }
            previous = status
            try Self.expectColumnsMatchTheRecords(snapshot, f.store.snapshot(), "step \(step) after \(kind)")
            for definition in definitions {
                for user in ReportPatchTests.users {
                    guard let compiled = try? engine.compile(definition, for: user, in: snapshot) else { continue }
                    let walked = Self.recordResult(compiled, in: snapshot)
                    ReportPatchTests.expectSame(compiled.run(in: snapshot), walked, "run, step \(step) after \(kind), \(user): \(definition)")
                    if let columns = Self.columnResult(compiled, in: snapshot) {
                        ReportPatchTests.expectSame(columns, walked, "columns, step \(step) after \(kind), \(user): \(definition)")
                    }
                }
            }
        }
        // The columns were brought up to date from the journal, not built again.
        #expect(carriedSteps > 20)
    }

    @Test func aColumnUpdatedTwiceFromOneKeptColumnNeverSharesANumbering() throws {
        let f = try ReportFixture()
        let first = f.access.snapshot
        let kept = try #require(first.columns(of: "Case", fields: ["Status"])?.first)
        try f.store.write { tx in
            guard var c = try tx.get(ID<Case>("c1"))?.value else { return }
            c.fields.status = "A status nobody had"
            _ = try tx.put(c)
        }
        let second = f.access.snapshot
        let updated = try #require(second.columns(of: "Case", fields: ["Status"])?.first)
        #expect(updated.numbering != kept.numbering)
        #expect(updated.sharedValues(with: kept.numbering) == kept.values.count)
        #expect(kept.sharedValues(with: updated.numbering) == nil)
        #expect(updated.values.last == .picklist("A status nobody had") || updated.values.last == .text("A status nobody had"))
        // A change that numbers no new value keeps the numbering.
        try f.store.write { tx in
            guard var c = try tx.get(ID<Case>("c2"))?.value else { return }
            c.fields.status = "A status nobody had"
            _ = try tx.put(c)
        }
        let third = try #require(f.access.snapshot.columns(of: "Case", fields: ["Status"])?.first)
        #expect(third.numbering == updated.numbering)
        // Asked again on one snapshot: the kept column.
        #expect(f.access.snapshot.columns(of: "Case", fields: ["Status"])?.first?.ids == third.ids)
        #expect(f.access.snapshot.columns(of: "NoSuchObject", fields: ["Status"]) == nil)
    }

    @Test func fewRecordsWalkTheRecordsAndManyWalkTheColumns() throws {
        let f = try ReportFixture()
        let snapshot = f.access.snapshot
        let byStatus = ReportDefinition(object: "Case", rowGroupings: [ReportGrouping("Status")], summaries: [.count])
        // The default minimum is far above this org: a walk reads the records and builds no column.
        let compiled = try f.engine.compile(byStatus, for: "admin", in: snapshot)
        #expect(compiled.columnWalkMinimum == ReportEngine.columnWalkMinimum)
        _ = compiled.walk(in: snapshot)
        let before = snapshot.memoizedCount
        _ = try Self.engine(f, chunk: 2).compile(byStatus, for: "admin", in: snapshot).walk(in: snapshot)
        #expect(snapshot.memoizedCount > before, "the column walk keeps its column and facts with the snapshot")
    }
}
