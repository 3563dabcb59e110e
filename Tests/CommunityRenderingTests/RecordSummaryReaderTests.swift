import CommunityAccess
import CommunityModel
@testable import CommunityRendering
import Foundation
import Testing

/// `RecordReader.summary`: aggregates every readable record (no listing cap), honours
/// field-level security on the grouping and measured fields, and the pipeline and dashboard
/// read it.
@Suite struct RecordSummaryReaderTests {
    static func engine(dealCount: Int, amountAccess: FieldAccess = .read, stageAccess: FieldAccess = .read) throws -> AccessEngine {
        let store = MemoryStore()
        let close = try Day(year: 2027, month: 3, day: 31)
        try store.write { tx in
            try tx.put(Profile(id: "rep", name: "Rep", permissions: PermissionGrants(
                objects: ["Opportunity": .crud],
                fields: ["Opportunity": ["Amount": amountAccess, "StageName": stageAccess]])))
            try tx.put(OrgWideDefault(object: "Opportunity", internalAccess: .private, externalAccess: .private))
            try tx.put(User(id: "rita", kind: .internal, name: "Rita", email: "rita@x.example", profileID: "rep"))
            try tx.put(User(id: "otto", kind: .internal, name: "Otto", email: "otto@x.example", profileID: "rep"))
            for i in 0..<dealCount {
                try tx.put(Opportunity(
                    id: ID("d\(i)"), name: "Deal \(i)", accountID: nil, stage: i % 2 == 0 ? "Proposal" : "Negotiation",
                    amount: 100, closeDate: close, owner: "rita"))
            }
            try tx.put(Opportunity(id: "otto-deal", name: "Otto's", accountID: nil, stage: "Proposal", amount: 999, closeDate: close, owner: "otto"))
        }
        return try AccessEngine(store: store)
    }

    static func viewer(_ engine: AccessEngine, _ id: ID<User>) -> Viewer { Viewer(user: engine.snapshot.user(id)) }

    @Test func everyReadableRecordCountsBeyondAnyListingLimit() throws {
        let engine = try Self.engine(dealCount: RecordReader.maximumLimit + 10)
        let reader = RecordReader(engine: engine)
        let result = try reader.summary(of: "Opportunity", viewer: Self.viewer(engine, "rita"), groupBy: "StageName", measure: "Amount")
        #expect(result.summary.count == RecordReader.maximumLimit + 10, "Otto's private deal is not counted")
        #expect(result.summary.sum == Decimal(100 * (RecordReader.maximumLimit + 10)))
        #expect(result.summary.groups.map { $0.key } == [.picklist("Negotiation"), .picklist("Proposal")])
        #expect(!result.measureHidden)
    }

    @Test func aHiddenGroupingFieldIsATypedError() throws {
        let engine = try Self.engine(dealCount: 3, stageAccess: .hidden)
        let reader = RecordReader(engine: engine)
        #expect(throws: RecordSummaryError.groupingFieldHidden(object: "Opportunity", field: "StageName")) {
            try reader.summary(of: "Opportunity", viewer: Self.viewer(engine, "rita"), groupBy: "StageName")
        }
    }

    @Test func aHiddenMeasureShowsCountsWithoutSums() throws {
        let engine = try Self.engine(dealCount: 3, amountAccess: .hidden)
        let reader = RecordReader(engine: engine)
        let result = try reader.summary(of: "Opportunity", viewer: Self.viewer(engine, "rita"), groupBy: "StageName", measure: "Amount")
        #expect(result.measureHidden)
        #expect(result.summary.count == 3)
        #expect(result.summary.groups.allSatisfy { $0.sum == nil })
    }

    @Test func guestsSummariseNothing() throws {
        let engine = try Self.engine(dealCount: 3)
        let result = try RecordReader(engine: engine).summary(of: "Opportunity", viewer: .guest, groupBy: "StageName")
        #expect(result.summary.count == 0)
    }

    @Test func aggregateTotalsTurnIntoBarValues() {
        let summary = RecordSummary(groups: [
            .init(key: .picklist("A"), count: 2, sum: 10), .init(key: nil, count: 1, sum: nil),
            .init(key: .picklist("B"), count: 1, sum: .greatestFiniteMagnitude),
        ], count: 4, sum: nil, asOf: 1)
        #expect(DashboardComponent.totals(of: summary, counting: true) == ["A": 2, "—": 1, "B": 1])
        let sums = DashboardComponent.totals(of: summary, counting: false)
        #expect(sums["A"] == 10 && sums["—"] == 0)
        #expect(sums.values.allSatisfy { $0.isFinite })
    }
}
