/// One summary a report computes over every group: a function of a field.
public struct ReportSummary: Codable, Sendable, Hashable {
    /// What is computed.
    public enum Function: String, Codable, Sendable, Hashable, CaseIterable {
        /// How many records (the field is ignored).
        case count
        /// The sum of a number or currency field.
        case sum
        /// The mean of a number or currency field over records where it has a value.
        case average
        /// The smallest value of a number, currency, date or date-time field.
        case minimum
        /// The largest value of a number, currency, date or date-time field.
        case maximum
        /// How many distinct values a field has.
        case uniqueCount
    }

    /// The function.
    public var function: Function
    /// The field path; empty for ``Function/count``.
    public var field: String

    /// A summary.
    public init(_ function: Function, of field: String = "") {
        self.function = function
        self.field = field
    }

    /// The record count.
    public static let count = ReportSummary(.count)
}
