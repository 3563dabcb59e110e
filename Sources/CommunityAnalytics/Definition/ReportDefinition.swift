public import CommunityModel

/// What a report asks: the object, the detail columns, the filter, the groupings and the
/// summaries. A plain Codable value, saved as JSON in a ``SavedReport`` and built by the report
/// builder page; ``ReportEngine`` checks it against the schema and the viewer before running it.
///
/// A report with no groupings is *tabular* (detail rows only); one with ``rowGroupings`` is a
/// *summary* report (up to two levels, with subtotals); one that also has a ``columnGrouping`` is
/// a *matrix* report (rows × columns, with totals both ways).
public struct ReportDefinition: Codable, Sendable, Hashable {
    /// The object reported on, such as `Opportunity` or `Case`.
    public var object: EntityType
    /// The detail columns: field paths such as `Name`, `Amount` or `Account.PartnerTier`.
    public var columns: [String]
    /// Which records count; `nil` for every record the viewer may read.
    public var filter: ReportFilter?
    /// Row groupings, outermost first (at most ``ReportDefinition/maximumRowGroupings``).
    public var rowGroupings: [ReportGrouping]
    /// The column grouping of a matrix report; `nil` for tabular and summary reports.
    public var columnGrouping: ReportGrouping?
    /// The summaries every group, subtotal and the grand total carry (the record count always).
    public var summaries: [ReportSummary]
    /// The most detail rows returned; `nil` for the engine's limit. More are counted but cut off,
    /// and the result says so (``ReportResult/truncation``).
    public var rowLimit: Int?

    /// The most row groupings a summary or matrix report has.
    public static let maximumRowGroupings = 2

    /// A report definition.
    public init(
        object: EntityType, columns: [String] = [], filter: ReportFilter? = nil, rowGroupings: [ReportGrouping] = [],
        columnGrouping: ReportGrouping? = nil, summaries: [ReportSummary] = [], rowLimit: Int? = nil
    ) {
        self.object = object
        self.columns = columns
        self.filter = filter
        self.rowGroupings = rowGroupings
        self.columnGrouping = columnGrouping
        self.summaries = summaries
        self.rowLimit = rowLimit
    }

    /// Checks every name and value the definition holds: at most 1,000 characters, no control
    /// characters (the store keeps only clean text).
    public func validateText() throws(ValidationError) {
        var texts = [object.name] + columns + rowGroupings.map(\.field) + summaries.map(\.field)
        if let columnGrouping { texts.append(columnGrouping.field) }
        for condition in filter?.conditions ?? [] { texts += [condition.field] + condition.values }
        for text in texts { try Check.text(text, field: "ReportDefinition", max: 1_000, required: false) }
        if let rowLimit, rowLimit < 1 { throw ValidationError(field: "ReportDefinition.rowLimit", reason: .outOfRange("\(rowLimit) < 1")) }
    }

    /// Tabular, summary or matrix.
    public var format: ReportFormat {
        if columnGrouping != nil { return .matrix }
        return rowGroupings.isEmpty ? .tabular : .summary
    }

    private enum CodingKeys: String, CodingKey {
        case object, columns, filter, rowGroupings, columnGrouping, summaries, rowLimit
    }

    /// Decodes a definition; absent lists read as empty.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        object = try c.decode(EntityType.self, forKey: .object)
        columns = try c.decodeIfPresent([String].self, forKey: .columns) ?? []
        filter = try c.decodeIfPresent(ReportFilter.self, forKey: .filter)
        rowGroupings = try c.decodeIfPresent([ReportGrouping].self, forKey: .rowGroupings) ?? []
        columnGrouping = try c.decodeIfPresent(ReportGrouping.self, forKey: .columnGrouping)
        summaries = try c.decodeIfPresent([ReportSummary].self, forKey: .summaries) ?? []
        rowLimit = try c.decodeIfPresent(Int.self, forKey: .rowLimit)
    }

    /// Encodes the definition.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(object, forKey: .object)
        try c.encode(columns, forKey: .columns)
        try c.encodeIfPresent(filter, forKey: .filter)
        try c.encode(rowGroupings, forKey: .rowGroupings)
        try c.encodeIfPresent(columnGrouping, forKey: .columnGrouping)
        try c.encode(summaries, forKey: .summaries)
        try c.encodeIfPresent(rowLimit, forKey: .rowLimit)
    }
}

/// The shape of a report's answer.
public enum ReportFormat: String, Codable, Sendable, Hashable {
    /// Detail rows only.
    case tabular
    /// Rows grouped by one or two fields, with subtotals.
    case summary
    /// Rows × columns, with totals both ways.
    case matrix
}
