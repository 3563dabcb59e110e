/// A field records are grouped by, and for a date or date-time field the period it is bucketed by.
public struct ReportGrouping: Codable, Sendable, Hashable {
    /// The field path, such as `StageName` or `Account.PartnerTier`.
    public var field: String
    /// The period dates fall into; `nil` groups by the exact value (a date field groups by day).
    public var bucket: DateBucket?

    /// A grouping.
    public init(_ field: String, bucket: DateBucket? = nil) {
        self.field = field
        self.bucket = bucket
    }
}

/// The period a date grouping buckets by.
public enum DateBucket: String, Codable, Sendable, Hashable, CaseIterable {
    /// Calendar day.
    case day
    /// ISO week, starting on Monday.
    case week
    /// Calendar month.
    case month
    /// Calendar quarter.
    case quarter
    /// Calendar year.
    case year
}
