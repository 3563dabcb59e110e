import CommunityModel
import Foundation

/// A filter checked against the schema: each condition's field resolved (an index into the
/// compiled report's fields) and its values parsed into the field's kind.
indirect enum CompiledFilter: Sendable {
    case all([CompiledFilter])
    case any([CompiledFilter])
    case not(CompiledFilter)
    case test(field: Int, CompiledTest)
}

/// One parsed condition.
enum CompiledTest: Sendable {
    /// `isEmpty` (true) or `isNotEmpty` (false).
    case emptiness(Bool)
    case text(ReportOperator, [String])
    case number(ReportOperator, [Double])
    case days(ReportOperator, [ClosedRange<Int>])
    case checkbox(Bool, equal: Bool)

    func matches(_ value: FieldValue?) -> Bool {
        if case .emptiness(let wantsEmpty) = self { return (value == nil) == wantsEmpty }
        guard let value else {
            switch self {
            case .text(let op, _), .number(let op, _), .days(let op, _): return op == .notEquals || op == .notIn
            case .checkbox(_, let equal): return !equal
            case .emptiness: return false
            }
        }
        switch self {
        case .emptiness: return false
        case .text(let op, let values):
            let s: String
            switch value {
            case .text(let t), .picklist(let t), .reference(let t): s = t
            default: s = value.description
            }
            return Self.compare(s, op, values)
        case .number(let op, let values):
            guard let n = CompiledTest.number(value) else { return op == .notEquals || op == .notIn }
            return Self.compare(n, op, values)
        case .days(let op, let ranges):
            guard let d = CompiledTest.day(value) else { return op == .notEquals || op == .notIn }
            return Self.compare(day: d, op, ranges)
        case .checkbox(let wanted, let equal):
            guard case .checkbox(let b) = value else { return !equal }
            return (b == wanted) == equal
        }
    }

    /// Whether day number `d` passes a date test (the day of a value that has one).
    static func compare(day d: Int, _ op: ReportOperator, _ ranges: [ClosedRange<Int>]) -> Bool {
        switch op {
        case .equals, .isIn: return ranges.contains { $0.contains(d) }
        case .notEquals, .notIn: return !ranges.contains { $0.contains(d) }
        case .lessThan: return ranges.first.map { d < $0.lowerBound } ?? false
        case .lessOrEqual: return ranges.first.map { d <= $0.upperBound } ?? false
        case .greaterThan: return ranges.first.map { d > $0.upperBound } ?? false
        case .greaterOrEqual: return ranges.first.map { d >= $0.lowerBound } ?? false
        case .contains, .startsWith, .isEmpty, .isNotEmpty: return false
        }
    }

    private static func compare(_ s: String, _ op: ReportOperator, _ values: [String]) -> Bool {
        guard let first = values.first else { return false }
        switch op {
        case .equals: return s == first
        case .notEquals: return s != first
        case .lessThan: return s < first
        case .lessOrEqual: return s <= first
        case .greaterThan: return s > first
        case .greaterOrEqual: return s >= first
        case .contains: return s.lowercased().contains(first)
        case .startsWith: return s.lowercased().hasPrefix(first)
        case .isIn: return values.contains(s)
        case .notIn: return !values.contains(s)
        case .isEmpty, .isNotEmpty: return false
        }
    }

    private static func compare(_ n: Double, _ op: ReportOperator, _ values: [Double]) -> Bool {
        guard let first = values.first else { return false }
        switch op {
        case .equals: return n == first
        case .notEquals: return n != first
        case .lessThan: return n < first
        case .lessOrEqual: return n <= first
        case .greaterThan: return n > first
        case .greaterOrEqual: return n >= first
        case .isIn: return values.contains(n)
        case .notIn: return !values.contains(n)
        case .contains, .startsWith, .isEmpty, .isNotEmpty: return false
        }
    }

    /// A number or currency value as a `Double`; `nil` for other kinds and non-finite values.
    static func number(_ value: FieldValue) -> Double? {
        switch value {
        case .number(let n): return n.isFinite ? n : nil
        case .currency(let d):
            guard !d.isNaN else { return nil }
            let n = NSDecimalNumber(decimal: d).doubleValue
            return n.isFinite ? n : nil
        default: return nil
        }
    }

    /// A date or date-time value's UTC day number.
    static func day(_ value: FieldValue) -> Int? {
        switch value {
        case .date(let d): DayNumber.of(d)
        case .dateTime(let t): DayNumber.of(seconds: t.timeIntervalSince1970)
        default: nil
        }
    }
}

extension CompiledFilter {
    func matches(_ values: (Int) -> FieldValue?) -> Bool {
        switch self {
        case .all(let list): list.allSatisfy { $0.matches(values) }
        case .any(let list): list.contains { $0.matches(values) }
        case .not(let inner): !inner.matches(values)
        case .test(let field, let test): test.matches(values(field))
        }
    }
}
