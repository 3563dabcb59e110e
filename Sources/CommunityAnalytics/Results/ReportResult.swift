public import CommunityModel

/// What a report answered: detail rows, groups with subtotals, matrix columns and totals, all
/// computed over the records the viewer may read.
public struct ReportResult: Sendable, Hashable {
    /// The definition that ran.
    public var definition: ReportDefinition
    /// The detail rows: one value per ``ReportDefinition/columns`` entry (`nil` when empty or
    /// when a related record is not readable), at most the row limit of them.
    public var rows: [[FieldValue?]]
    /// The first-level row groups in key order, each with its second-level groups.
    public var groups: [ReportGroup]
    /// The matrix's column keys in order; empty for tabular and summary reports.
    public var columnKeys: [ReportKey]
    /// The grand total.
    public var total: ReportAggregates
    /// The totals of each matrix column, aligned with ``columnKeys``.
    public var columnTotals: [ReportAggregates]
    /// How many records matched (every group together), whether or not their rows were returned.
    public var recordCount: Int
    /// Set when more rows matched than the row limit: the rows were cut off (totals still count
    /// every matching record).
    public var truncation: ReportTruncation?
    /// The access snapshot's store sequence number the report was computed from.
    public var asOf: UInt64

    /// A result.
    public init(
        definition: ReportDefinition, rows: [[FieldValue?]], groups: [ReportGroup], columnKeys: [ReportKey], total: ReportAggregates,
        columnTotals: [ReportAggregates], recordCount: Int, truncation: ReportTruncation?, asOf: UInt64
    ) {
        self.definition = definition
        self.rows = rows
        self.groups = groups
        self.columnKeys = columnKeys
        self.total = total
        self.columnTotals = columnTotals
        self.recordCount = recordCount
        self.truncation = truncation
        self.asOf = asOf
    }

    /// The result, or ``ReportError/rowLimitExceeded(limit:matched:)`` when it was truncated.
    public func requireComplete() throws(ReportError) -> ReportResult {
        if let truncation { throw .rowLimitExceeded(limit: truncation.limit, matched: truncation.matched) }
        return self
    }

    /// Every aggregate by its group path (`row1|row2|column`, `*` for a subtotal level), leaving
    /// out the matrix cells no record falls in: the form a reference evaluation is compared with.
    public func flattened() -> [String: ReportAggregates] {
        var out: [String: ReportAggregates] = [:]
        let levels = definition.rowGroupings.count
        let matrix = definition.columnGrouping != nil
        func path(_ rows: [String], _ column: String?) -> String {
            var parts = rows
            while parts.count < levels { parts.append("*") }
            if matrix { parts.append(column ?? "*") }
            return parts.joined(separator: "|")
        }
        out[path([], nil)] = total
        for (c, key) in columnKeys.enumerated() where c < columnTotals.count { out[path([], key.description)] = columnTotals[c] }
        func visit(_ group: ReportGroup, _ prefix: [String]) {
            let keys = prefix + [group.key.description]
            out[path(keys, nil)] = group.aggregates
            // A matrix shows every cell; a cell no record falls in is not a group.
            for (c, key) in columnKeys.enumerated() where c < group.columns.count && group.columns[c].count > 0 {
                out[path(keys, key.description)] = group.columns[c]
            }
            for child in group.children { visit(child, keys) }
        }
        for group in groups { visit(group, []) }
        return out
    }
}

/// One group of a summary or matrix report.
public struct ReportGroup: Sendable, Hashable {
    /// The value the group stands for.
    public var key: ReportKey
    /// The group's subtotal.
    public var aggregates: ReportAggregates
    /// For a matrix report, the group's cell per column, aligned with ``ReportResult/columnKeys``.
    public var columns: [ReportAggregates]
    /// The second-level groups (empty at the last level).
    public var children: [ReportGroup]

    /// A group.
    public init(key: ReportKey, aggregates: ReportAggregates, columns: [ReportAggregates] = [], children: [ReportGroup] = []) {
        self.key = key
        self.aggregates = aggregates
        self.columns = columns
        self.children = children
    }
}

/// A group's record count and its summaries.
public struct ReportAggregates: Sendable, Hashable {
    /// How many records.
    public var count: Int
    /// One value per ``ReportDefinition/summaries`` entry: `nil` when there is nothing to compute
    /// (an average, minimum or maximum over no values). Dates read as day numbers
    /// (``DayNumber``), date-times as seconds since 1970.
    public var values: [Double?]

    /// Aggregates.
    public init(count: Int, values: [Double?]) {
        self.count = count
        self.values = values
    }

    /// Whether two aggregates agree: equal counts, and values equal within a relative 10⁻⁹
    /// (sums may be added in another order).
    public func agrees(with other: ReportAggregates) -> Bool {
        guard count == other.count, values.count == other.values.count else { return false }
        for (a, b) in zip(values, other.values) {
            switch (a, b) {
            case (nil, nil): continue
            case let (x?, y?):
                if x == y { continue }
                let scale = max(abs(x), abs(y), 1)
                if abs(x - y) / scale > 1e-9 { return false }
            default: return false
            }
        }
        return true
    }
}

/// How a report was cut off.
public struct ReportTruncation: Sendable, Hashable {
    /// The row limit.
    public var limit: Int
    /// How many rows matched.
    public var matched: Int

    /// A truncation.
    public init(limit: Int, matched: Int) {
        self.limit = limit
        self.matched = matched
    }
}
