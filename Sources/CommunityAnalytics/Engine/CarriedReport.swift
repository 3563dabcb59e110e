/// What a run carries to later snapshots (``CompiledReport/run(in:)``): the running totals to
/// patch, and the result they rolled up to, returned as it is (with the new snapshot's
/// sequence) when no record of the report's object changed, so that a report with many groups
/// is not rolled up again after a change elsewhere.
struct CarriedReport: Sendable {
    var tally: ReportTally
    var result: ReportResult
}
