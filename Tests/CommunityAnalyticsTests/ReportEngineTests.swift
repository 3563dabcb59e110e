import CommunityAccess
import CommunityAnalytics
import CommunityModel
import Foundation
import Testing

@Suite("Report engine")
struct ReportEngineTests {
    @Test func summaryReportGroupsByStageWithSubtotalsAndGrandTotal() throws {
        let f = try ReportFixture()
        let definition = ReportDefinition(object: "Opportunity", rowGroupings: [ReportGrouping("StageName"), ReportGrouping("Account.PartnerTier")],
                                          summaries: [.count, ReportSummary(.sum, of: "Amount"), ReportSummary(.average, of: "Amount")])
        let result = try f.engine.run(definition, as: "admin", in: f.access.snapshot)
        #expect(result.recordCount == 6)
        #expect(result.total.values == [6, 207_000, 34_500])
        let proposal = try #require(result.groups.first { $0.key == .value(.picklist("Proposal")) })
        #expect(proposal.aggregates.count == 2)
        #expect(proposal.aggregates.values[1] == 78_000)
        #expect(proposal.children.map(\.key) == [.value(.picklist("gold"))])
        let negotiation = try #require(result.groups.first { $0.key == .value(.picklist("Negotiation")) })
        #expect(negotiation.children.map(\.key) == [.empty])
    }

    @Test func partnerExecutiveSeesOnlyTheirAccountsRecords() throws {
        let f = try ReportFixture()
        let definition = ReportDefinition(object: "Opportunity", rowGroupings: [ReportGrouping("StageName")], summaries: [ReportSummary(.sum, of: "Amount")])
        let alex = try f.engine.run(definition, as: "alex", in: f.access.snapshot)
        #expect(alex.recordCount == 3)
        #expect(alex.total.values == [90_000])
        let pat = try f.engine.run(definition, as: "pat", in: f.access.snapshot)
        #expect(pat.recordCount == 2)
        let bo = try f.engine.run(definition, as: "bo", in: f.access.snapshot)
        #expect(bo.total.values == [27_000])
    }

    @Test func matrixReportHasCellsAndTotalsBothWays() throws {
        let f = try ReportFixture()
        let definition = ReportDefinition(object: "Case", rowGroupings: [ReportGrouping("Status")], columnGrouping: ReportGrouping("Priority"), summaries: [.count])
        let result = try f.engine.run(definition, as: "admin", in: f.access.snapshot)
        #expect(result.definition.format == .matrix)
        #expect(result.columnKeys.count == 4)
        let new = try #require(result.groups.first { $0.key == .value(.picklist("New")) })
        let high = try #require(result.columnKeys.firstIndex(of: .value(.picklist("high"))))
        #expect(new.columns[high].count == 2)
        #expect(result.columnTotals[high].count == 2)
        #expect(result.total.count == 5)
    }

    @Test func filtersCombineAndOrNot() throws {
        let f = try ReportFixture()
        let filter = ReportFilter.and([
            .or([.condition(ReportCondition("StageName", .equals, ["Proposal"])), .condition(ReportCondition("Amount", .greaterThan, ["50000"]))]),
            .not(.condition(ReportCondition("Account.Name", .startsWith, ["init"]))),
        ])
        let result = try f.engine.run(ReportDefinition(object: "Opportunity", columns: ["Name"], filter: filter), as: "admin", in: f.access.snapshot)
        #expect(Set(result.rows.compactMap { $0[0]?.description }) == ["Deal o1", "Deal o3"])
    }

    @Test(arguments: [
        ("this quarter", 4), ("last 30 days", 3), ("LAST_N_DAYS:3", 2), ("this year", 5), ("last month", 0), ("today", 0), ("yesterday", 1),
    ])
    func relativeDatesResolveAgainstTheClock(_ literal: String, _ expected: Int) throws {
        let f = try ReportFixture()
        let definition = ReportDefinition(object: "Case", filter: .condition(ReportCondition("CreatedDate", .equals, [literal])), summaries: [.count])
        let result = try f.engine.run(definition, as: "admin", in: f.access.snapshot)
        // Cases were created 1, 2, 5, 40 and 100 days before 2026-12-07 (Q4 runs from 2026-10-01).
        #expect(result.recordCount == expected)
    }

    @Test func movingTheClockMovesRelativeDates() throws {
        let f = try ReportFixture()
        let definition = ReportDefinition(object: "Opportunity", filter: .condition(ReportCondition("CloseDate", .equals, ["next quarter"])), summaries: [.count])
        #expect(try f.engine.run(definition, as: "admin", in: f.access.snapshot).recordCount == 1)
        f.clock.set(ReportFixture.now.addingTimeInterval(-90 * 86_400))
        #expect(try f.engine.run(definition, as: "admin", in: f.access.snapshot).recordCount == 4)
    }

    @Test func datesBucketByMonthQuarterAndWeek() throws {
        let f = try ReportFixture()
        let byMonth = try f.engine.run(ReportDefinition(object: "Opportunity", rowGroupings: [ReportGrouping("CloseDate", bucket: .month)], summaries: [.count]),
                                       as: "admin", in: f.access.snapshot)
        #expect(byMonth.groups.map(\.key.description) == ["2026-07", "2026-10", "2026-11", "2026-12", "2027-02"])
        let byQuarter = try f.engine.run(ReportDefinition(object: "Opportunity", rowGroupings: [ReportGrouping("CloseDate", bucket: .quarter)], summaries: [.count]),
                                         as: "admin", in: f.access.snapshot)
        #expect(byQuarter.groups.map(\.key.description) == ["2026-Q3", "2026-Q4", "2027-Q1"])
        #expect(byQuarter.groups.map(\.aggregates.count) == [1, 4, 1])
        let byWeek = try f.engine.run(ReportDefinition(object: "Case", rowGroupings: [ReportGrouping("CreatedDate", bucket: .week)], summaries: [.count]),
                                      as: "admin", in: f.access.snapshot)
        #expect(byWeek.groups.last?.key.description == "2026-W49")
    }

    @Test func summariesMinMaxUniqueCount() throws {
        let f = try ReportFixture()
        let definition = ReportDefinition(object: "Opportunity", summaries: [
            ReportSummary(.minimum, of: "Amount"), ReportSummary(.maximum, of: "CloseDate"), ReportSummary(.uniqueCount, of: "StageName"),
            ReportSummary(.uniqueCount, of: "Account.PartnerTier"),
        ])
        let result = try f.engine.run(definition, as: "admin", in: f.access.snapshot)
        #expect(result.total.values[0] == 5_000)
        #expect(result.total.values[1] == Double(DayNumber.from(year: 2027, month: 2, day: 1)))
        #expect(result.total.values[2] == 4)
        #expect(result.total.values[3] == 2)
    }

    @Test func fieldsHiddenByFieldLevelSecurityCannotBeShownGroupedFilteredOrSummarised() throws {
        let f = try ReportFixture()
        let snapshot = f.access.snapshot
        #expect(throws: ReportError.fieldNotReadable(object: "Opportunity", field: "Margin__c", use: "group")) {
            try f.engine.run(ReportDefinition(object: "Opportunity", rowGroupings: [ReportGrouping("Margin__c")]), as: "alex", in: snapshot)
        }
        #expect(throws: ReportError.fieldNotReadable(object: "Opportunity", field: "Margin__c", use: "show")) {
            try f.engine.run(ReportDefinition(object: "Opportunity", columns: ["Name", "Margin__c"]), as: "alex", in: snapshot)
        }
        #expect(throws: ReportError.fieldNotReadable(object: "Opportunity", field: "Margin__c", use: "filter")) {
            try f.engine.run(ReportDefinition(object: "Opportunity", filter: .condition(ReportCondition("Margin__c", .greaterThan, ["0.3"]))), as: "alex", in: snapshot)
        }
        #expect(throws: ReportError.fieldNotReadable(object: "Opportunity", field: "Margin__c", use: "summarize")) {
            try f.engine.run(ReportDefinition(object: "Opportunity", summaries: [ReportSummary(.average, of: "Margin__c")]), as: "alex", in: snapshot)
        }
        // The administrator reads it.
        let admin = try f.engine.run(ReportDefinition(object: "Opportunity", summaries: [ReportSummary(.maximum, of: "Margin__c")]), as: "admin", in: snapshot)
        #expect(admin.total.values == [0.5])
    }

    @Test func unknownObjectsAndFieldsAreNamed() throws {
        let f = try ReportFixture()
        let snapshot = f.access.snapshot
        #expect(throws: ReportError.unknownObject("Invoice")) { try f.engine.run(ReportDefinition(object: "Invoice"), as: "admin", in: snapshot) }
        #expect(throws: ReportError.unknownField(object: "Case", field: "Colour")) {
            try f.engine.run(ReportDefinition(object: "Case", columns: ["Colour"]), as: "admin", in: snapshot)
        }
        #expect(throws: ReportError.unknownField(object: "Account", field: "Mood")) {
            try f.engine.run(ReportDefinition(object: "Case", columns: ["Account.Mood"]), as: "admin", in: snapshot)
        }
        #expect(throws: ReportError.notALookup(object: "Case", field: "Status")) {
            try f.engine.run(ReportDefinition(object: "Case", columns: ["Status.Name"]), as: "admin", in: snapshot)
        }
        #expect(throws: ReportError.objectNotReadable("Opportunity")) {
            try f.engine.run(ReportDefinition(object: "Opportunity"), as: "agent", in: snapshot)
        }
    }

    @Test(arguments: [
        (ReportCondition("Amount", .greaterThan, ["lots"]), ReportError.invalidFilterValue(field: "Amount", value: "lots", expected: "number")),
        (ReportCondition("CloseDate", .equals, ["next fortnight"]),
         ReportError.invalidFilterValue(field: "CloseDate", value: "next fortnight", expected: "date (YYYY-MM-DD) or relative date such as \"this quarter\"")),
        (ReportCondition("Amount", .contains, ["4"]), ReportError.invalidOperator(field: "Amount", operator: .contains, reason: "applies to text, not to a currency field")),
        (ReportCondition("StageName", .equals, []), ReportError.invalidOperator(field: "StageName", operator: .equals, reason: "needs exactly one value")),
        (ReportCondition("StageName", .isEmpty, ["x"]), ReportError.invalidOperator(field: "StageName", operator: .isEmpty, reason: "takes no value")),
        (ReportCondition("Amount", .equals, ["nan"]), ReportError.invalidFilterValue(field: "Amount", value: "nan", expected: "number")),
    ])
    func filterValuesOfTheWrongTypeAreRejected(_ condition: ReportCondition, _ error: ReportError) throws {
        let f = try ReportFixture()
        #expect(throws: error) {
            try f.engine.run(ReportDefinition(object: "Opportunity", filter: .condition(condition)), as: "admin", in: f.access.snapshot)
        }
    }

    @Test func groupingsAndSummariesAreChecked() throws {
        let f = try ReportFixture()
        let snapshot = f.access.snapshot
        #expect(throws: ReportError.invalidGrouping(field: "Region", reason: "at most 2 row groupings")) {
            try f.engine.run(ReportDefinition(object: "Opportunity", rowGroupings: [.init("StageName"), .init("Name"), .init("Region")]), as: "admin", in: snapshot)
        }
        #expect(throws: ReportError.invalidGrouping(field: "StageName", reason: "only date and date-time fields are bucketed by period")) {
            try f.engine.run(ReportDefinition(object: "Opportunity", rowGroupings: [.init("StageName", bucket: .month)]), as: "admin", in: snapshot)
        }
        #expect(throws: ReportError.invalidSummary(field: "StageName", function: .sum, reason: "not defined for a picklist field")) {
            try f.engine.run(ReportDefinition(object: "Opportunity", summaries: [ReportSummary(.sum, of: "StageName")]), as: "admin", in: snapshot)
        }
    }

    @Test func rowLimitTruncatesAndMarksTheResult() throws {
        let f = try ReportFixture()
        let result = try f.engine.run(ReportDefinition(object: "Opportunity", columns: ["Name"], summaries: [.count], rowLimit: 2), as: "admin", in: f.access.snapshot)
        #expect(result.rows.count == 2)
        #expect(result.truncation == ReportTruncation(limit: 2, matched: 6))
        #expect(result.total.count == 6)
        #expect(throws: ReportError.rowLimitExceeded(limit: 2, matched: 6)) { try result.requireComplete() }
    }

    @Test func relatedRecordsTheViewerCannotReadShowNoValue() throws {
        let f = try ReportFixture()
        // Pat reads Acme's account through the partner role, not Initech's.
        let result = try f.engine.run(ReportDefinition(object: "Case", columns: ["Subject", "Account.Name"]), as: "admin", in: f.access.snapshot)
        #expect(result.rows.count == 5)
        let relative = RelativeDate(parsing: "last 30 days")
        #expect(relative == .lastDays(30))
        #expect(RelativeDate(parsing: "last 99999999 days") == nil)
        #expect(RelativeDate(parsing: "THIS_QUARTER") == .period(.quarter, offset: 0))
    }

    @Test func definitionsRoundTripThroughJSON() throws {
        let definition = ReportDefinition(
            object: "Opportunity", columns: ["Name"], filter: .and([.condition(.init("CloseDate", .equals, ["this quarter"])), .not(.or([]))]),
            rowGroupings: [.init("StageName")], columnGrouping: .init("CloseDate", bucket: .month), summaries: [.count, .init(.sum, of: "Amount")], rowLimit: 10)
        let data = try JSONEncoder().encode(definition)
        #expect(try JSONDecoder().decode(ReportDefinition.self, from: data) == definition)
    }
}
