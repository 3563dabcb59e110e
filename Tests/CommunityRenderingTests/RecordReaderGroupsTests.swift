import CommunityAccess
import CommunityModel
import CommunityRendering
import Testing

/// `RecordReader.records(of:viewer:fields:groupedBy:values:limit:expectedCounts:)`: one pass
/// gives each value what a listing per value gives, as the deal pipeline shows it.
@Suite struct RecordReaderGroupsTests {
    static let stages: [FieldValue] = [.picklist("Proposal"), .picklist("Negotiation"), .picklist("Closed Won")]

    @Test func eachStageGetsWhatItsOwnListingGets() throws {
        let engine = try RecordSummaryReaderTests.engine(dealCount: 9)
        let reader = RecordReader(engine: engine)
        let viewer = RecordSummaryReaderTests.viewer(engine, "rita")
        for limit in [0, 1, 3, 50, RecordReader.maximumLimit + 1, -4] {
            let grouped = reader.records(of: "Opportunity", viewer: viewer, fields: ["Name", "Amount"], groupedBy: "StageName",
                                         values: Self.stages, limit: limit)
            #expect(Set(grouped.keys) == Set(Self.stages))
            for stage in Self.stages {
                let single = reader.records(of: "Opportunity", viewer: viewer, fields: ["Name", "Amount"], where: "StageName", equals: stage, limit: limit)
                #expect(grouped[stage] == single, "limit \(limit) \(stage)")
            }
        }
        // Otto's private deal never shows.
        let all = reader.records(of: "Opportunity", viewer: viewer, fields: ["Name"], groupedBy: "StageName", values: Self.stages, limit: 50)
        #expect(all.values.joined().allSatisfy { $0.id != "otto-deal" })
        #expect(all[.picklist("Proposal")]?.count == 5 && all[.picklist("Closed Won")]?.isEmpty == true)
    }

    @Test func aHiddenGroupingFieldOrAGuestListsNothing() throws {
        let hidden = try RecordSummaryReaderTests.engine(dealCount: 4, stageAccess: .hidden)
        let grouped = RecordReader(engine: hidden).records(
            of: "Opportunity", viewer: RecordSummaryReaderTests.viewer(hidden, "rita"), fields: ["Name"], groupedBy: "StageName",
            values: Self.stages, limit: 5)
        #expect(grouped.values.allSatisfy { $0.isEmpty } && grouped.count == Self.stages.count)
        let engine = try RecordSummaryReaderTests.engine(dealCount: 4)
        let guest = RecordReader(engine: engine).records(
            of: "Opportunity", viewer: .guest, fields: ["Name"], groupedBy: "StageName", values: Self.stages, limit: 5)
        #expect(guest.values.allSatisfy { $0.isEmpty })
    }

    @Test func aHiddenListedFieldIsLeftOutOfEveryRow() throws {
        let engine = try RecordSummaryReaderTests.engine(dealCount: 4, amountAccess: .hidden)
        let grouped = RecordReader(engine: engine).records(
            of: "Opportunity", viewer: RecordSummaryReaderTests.viewer(engine, "rita"), fields: ["Name", "Amount"], groupedBy: "StageName",
            values: Self.stages, limit: 5)
        let rows = grouped.values.joined()
        #expect(!rows.isEmpty && rows.allSatisfy { $0.value(of: "Amount") == nil && $0.value(of: "Name") != nil })
    }
}
