public import CommunityModel
public import Foundation

/// Counts and sums of the records a user may read, grouped by one field: what a pipeline, a
/// chart or a summary report shows, computed without listing the records.
public struct RecordSummary: Sendable, Hashable {
    /// One group: the records whose grouping field has one value.
    public struct Group: Sendable, Hashable {
        /// The grouping field's value; `nil` for records where it is empty.
        public var key: FieldValue?
        /// How many readable records the group has.
        public var count: Int
        /// The sum of the measured field over the group; `nil` when nothing is measured, or when
        /// the sum cannot be shown (it overflowed `Decimal`).
        public var sum: Decimal?

        /// A group.
        public init(key: FieldValue?, count: Int, sum: Decimal?) {
            self.key = key
            self.count = count
            self.sum = sum
        }
    }

    /// The groups, ordered by their key's text (empty keys last).
    public var groups: [Group]
    /// How many readable records were summarised (every group together).
    public var count: Int
    /// The sum over every group; `nil` as for ``Group/sum``.
    public var sum: Decimal?
    /// The store sequence number of the snapshot the summary was computed from; older than the
    /// engine's current snapshot when a large summary is being refreshed in the background
    /// (see ``AccessEngine/summarizeVisible(of:_:)``).
    public var asOf: UInt64

    /// A summary.
    public init(groups: [Group], count: Int, sum: Decimal?, asOf: UInt64) {
        self.groups = groups
        self.count = count
        self.sum = sum
        self.asOf = asOf
    }
}

/// What a summary counts and sums: the object, the grouping field, the measured field and
/// equality conditions, all of which a cached answer is keyed by.
public struct SummaryQuery: Sendable, Hashable {
    /// The object summarised.
    public var object: EntityType
    /// The field records are grouped by.
    public var groupBy: String
    /// The number or currency field summed per group; `nil` counts only.
    public var measure: String?
    /// Conditions every summarised record meets (field equals literal).
    public var conditions: [SharingCriterion]

    /// A query.
    public init(object: EntityType, groupBy: String, measure: String? = nil, conditions: [SharingCriterion] = []) {
        self.object = object
        self.groupBy = groupBy
        self.measure = measure
        self.conditions = conditions
    }
}

/// Adds stored amounts with `Decimal`'s checked arithmetic: stored values are not trusted, so a
/// NaN amount is skipped and a sum that overflows becomes `nil` ("cannot be shown") rather than a
/// wrong number.
struct CheckedSum: Hashable {
    private(set) var value: Decimal? = 0

    mutating func add(_ amount: Decimal) {
        guard var total = value, !amount.isNaN else { return }
        var sum = Decimal()
        var right = amount
        let outcome = NSDecimalAdd(&sum, &total, &right, .plain)
        value = (outcome == .noError || outcome == .lossOfPrecision) && !sum.isNaN ? sum : nil
    }

    mutating func add(_ other: CheckedSum) {
        guard let amount = other.value else {
            value = nil
            return
        }
        add(amount)
    }
}
