import CommunityAccess
import CommunityModel

/// What a walk of a report collects before it is rolled up into a ``ReportResult``: the running
/// totals of every leaf group, how many records matched, and the first rows (up to the row
/// limit) with the handles of their records. Carried from snapshot to snapshot
/// (``AccessSnapshot/carry(_:for:)``), so the first run after a change can patch it.
struct ReportTally: Sendable {
    var leaves: [GroupPath: Accumulator]
    var matched: Int
    /// The first `min(rowLimit, matched)` matching records in listing (handle) order.
    var rows: [ReportRow]

    /// The position of the row of `handle`, or where it would go.
    func rowPosition(_ handle: RecordHandle) -> (index: Int, found: Bool) {
        var low = 0, high = rows.count
        while low < high {
            let mid = (low + high) / 2
            if rows[mid].handle < handle { low = mid + 1 } else { high = mid }
        }
        return (low, low < rows.count && rows[low].handle == handle)
    }
}

/// One detail row of a report and the record it shows.
struct ReportRow: Sendable {
    var handle: RecordHandle
    var values: [FieldValue?]
}
