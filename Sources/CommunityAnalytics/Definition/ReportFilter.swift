/// Which records a report counts: conditions combined with and, or and not.
///
/// Encoded as `{"field": "StageName", "operator": "equals", "values": ["Proposal"]}`,
/// `{"and": [...]}`, `{"or": [...]}` or `{"not": {...}}`.
public indirect enum ReportFilter: Codable, Sendable, Hashable {
    /// One condition on a field.
    case condition(ReportCondition)
    /// Every filter holds (an empty list holds).
    case and([ReportFilter])
    /// At least one filter holds (an empty list does not).
    case or([ReportFilter])
    /// The filter does not hold.
    case not(ReportFilter)

    /// Every condition in the filter, depth first.
    public var conditions: [ReportCondition] {
        switch self {
        case .condition(let c): [c]
        case .and(let list), .or(let list): list.flatMap(\.conditions)
        case .not(let inner): inner.conditions
        }
    }

    /// The deepest nesting of and, or and not (a condition is 0).
    public var depth: Int {
        switch self {
        case .condition: 0
        case .and(let list), .or(let list): 1 + (list.map(\.depth).max() ?? 0)
        case .not(let inner): 1 + inner.depth
        }
    }

    private enum CodingKeys: String, CodingKey {
        case and, or, not, field
    }

    /// Decodes a filter from one of its four shapes.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        if c.contains(.and) {
            self = .and(try c.decode([ReportFilter].self, forKey: .and))
        } else if c.contains(.or) {
            self = .or(try c.decode([ReportFilter].self, forKey: .or))
        } else if c.contains(.not) {
            self = .not(try c.decode(ReportFilter.self, forKey: .not))
        } else if c.contains(.field) {
            self = .condition(try ReportCondition(from: decoder))
        } else {
            throw DecodingError.dataCorrupted(.init(
                codingPath: decoder.codingPath, debugDescription: "a filter needs one of \"and\", \"or\", \"not\" or \"field\""))
        }
    }

    /// Encodes the filter in its shape.
    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .condition(let condition): try condition.encode(to: encoder)
        case .and(let list):
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(list, forKey: .and)
        case .or(let list):
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(list, forKey: .or)
        case .not(let inner):
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(inner, forKey: .not)
        }
    }
}

/// One filter condition: a field, an operator and the values it compares with, written as text
/// (`"48000"`, `"2026-12-15"`, `"true"`, `"this quarter"`) and checked against the field's type
/// when the report is compiled (``ReportError/invalidFilterValue(field:value:expected:)``).
public struct ReportCondition: Codable, Sendable, Hashable {
    /// The field path.
    public var field: String
    /// The comparison.
    public var `operator`: ReportOperator
    /// The values: one for most operators, several for ``ReportOperator/isIn`` and
    /// ``ReportOperator/notIn``, none for ``ReportOperator/isEmpty`` and ``ReportOperator/isNotEmpty``.
    /// A date or date-time field also takes a relative date such as `this quarter`,
    /// `last 30 days` or `LAST_N_DAYS:30` (see ``RelativeDate``).
    public var values: [String]

    /// A condition.
    public init(_ field: String, _ op: ReportOperator, _ values: [String] = []) {
        self.field = field
        self.operator = op
        self.values = values
    }

    private enum CodingKeys: String, CodingKey {
        case field, `operator`, values, value
    }

    /// Decodes a condition; a single `value` reads as `values: [value]`.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        field = try c.decode(String.self, forKey: .field)
        `operator` = try c.decode(ReportOperator.self, forKey: .operator)
        if let list = try c.decodeIfPresent([String].self, forKey: .values) {
            values = list
        } else {
            values = try c.decodeIfPresent(String.self, forKey: .value).map { [$0] } ?? []
        }
    }

    /// Encodes the condition.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(field, forKey: .field)
        try c.encode(`operator`, forKey: .operator)
        try c.encode(values, forKey: .values)
    }
}

/// How a condition compares a field with its values.
public enum ReportOperator: String, Codable, Sendable, Hashable, CaseIterable {
    /// Equal (for a relative date: within the period).
    case equals
    /// Not equal (for a relative date: outside the period).
    case notEquals
    /// Less than (for a relative date: before the period).
    case lessThan
    /// Less than or equal (for a relative date: before the period ends).
    case lessOrEqual
    /// Greater than (for a relative date: after the period).
    case greaterThan
    /// Greater than or equal (for a relative date: from the period's start).
    case greaterOrEqual
    /// Text contains the value, ignoring case.
    case contains
    /// Text starts with the value, ignoring case.
    case startsWith
    /// Equal to one of the values.
    case isIn
    /// Equal to none of the values.
    case notIn
    /// The field has no value.
    case isEmpty
    /// The field has a value.
    case isNotEmpty
}
