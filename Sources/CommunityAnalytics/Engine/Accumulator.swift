import CommunityModel
import Foundation

/// The running totals of one group. Every total can take a record out again (``remove(_:_:_:)``)
/// so that a kept tally can be patched after a change: counts and sums subtract (sums are kept
/// compensated, ``CompensatedSum``, so that adding and taking out values in another order than
/// a walk does not drift), unique counts keep how often each value occurs, and minimum and
/// maximum keep how many values equal them (taking out the only one says "walk again").
struct Accumulator {
    var count = 0
    var sums: [CompensatedSum]
    var counts: [Int]
    var minimums: [Double]
    var minimumCounts: [Int]
    var maximums: [Double]
    var maximumCounts: [Int]
    var uniques: [[FieldValue: Int]]

    init(_ n: Int) {
        sums = Array(repeating: CompensatedSum(), count: n)
        counts = Array(repeating: 0, count: n)
        minimums = Array(repeating: .infinity, count: n)
        minimumCounts = Array(repeating: 0, count: n)
        maximums = Array(repeating: -.infinity, count: n)
        maximumCounts = Array(repeating: 0, count: n)
        uniques = Array(repeating: [:], count: n)
    }

    mutating func add(_ summaries: [CompiledReport.Summary], _ reader: FieldReader, _ record: any Record) {
        count += 1
        for (s, summary) in summaries.enumerated() {
            guard let field = summary.field, let value = reader.value(field, of: record) else { continue }
            if summary.function == .uniqueCount {
                uniques[s][value, default: 0] += 1
                continue
            }
            guard let n = Accumulator.measure(value) else { continue }
            counts[s] += 1
            sums[s].add(n)
            if n < minimums[s] {
                minimums[s] = n
                minimumCounts[s] = 1
            } else if n == minimums[s] {
                minimumCounts[s] += 1
            }
            if n > maximums[s] {
                maximums[s] = n
                maximumCounts[s] = 1
            } else if n == maximums[s] {
                maximumCounts[s] += 1
            }
        }
    }

    /// Takes a record added earlier out again. `false` when the totals cannot say what they are
    /// without it (the only value equal to a minimum or maximum summary's extreme, a sum that
    /// overflowed, or a record that was not added): then the caller walks instead.
    mutating func remove(_ summaries: [CompiledReport.Summary], _ reader: FieldReader, _ record: any Record) -> Bool {
        guard count > 0 else { return false }
        count -= 1
        for (s, summary) in summaries.enumerated() {
            guard let field = summary.field, let value = reader.value(field, of: record) else { continue }
            if summary.function == .uniqueCount {
                guard let n = uniques[s][value] else { return false }
                uniques[s][value] = n > 1 ? n - 1 : nil
                continue
            }
            guard let n = Accumulator.measure(value) else { continue }
            guard counts[s] > 0, sums[s].isFinite else { return false }
            counts[s] -= 1
            if counts[s] == 0 {
                sums[s] = CompensatedSum()
                minimums[s] = .infinity
                minimumCounts[s] = 0
                maximums[s] = -.infinity
                maximumCounts[s] = 0
                continue
            }
            sums[s].add(-n)
            if summary.function == .minimum, n == minimums[s] {
                guard minimumCounts[s] > 1 else { return false }
                minimumCounts[s] -= 1
            }
            if summary.function == .maximum, n == maximums[s] {
                guard maximumCounts[s] > 1 else { return false }
                maximumCounts[s] -= 1
            }
        }
        return true
    }

    /// A value as a number: numbers and amounts, dates as day numbers, date-times as seconds.
    static func measure(_ value: FieldValue) -> Double? {
        switch value {
        case .number, .currency: CompiledTest.number(value)
        case .date(let d): Double(DayNumber.of(d))
        case .dateTime(let t): t.timeIntervalSince1970.isFinite ? t.timeIntervalSince1970 : nil
        default: nil
        }
    }

    mutating func merge(_ other: Accumulator) {
        count += other.count
        for s in sums.indices where s < other.sums.count {
            sums[s].add(other.sums[s])
            counts[s] += other.counts[s]
            if other.minimums[s] < minimums[s] {
                minimums[s] = other.minimums[s]
                minimumCounts[s] = other.minimumCounts[s]
            } else if other.minimums[s] == minimums[s] {
                minimumCounts[s] += other.minimumCounts[s]
            }
            if other.maximums[s] > maximums[s] {
                maximums[s] = other.maximums[s]
                maximumCounts[s] = other.maximumCounts[s]
            } else if other.maximums[s] == maximums[s] {
                maximumCounts[s] += other.maximumCounts[s]
            }
            if uniques[s].isEmpty {
                uniques[s] = other.uniques[s]
            } else {
                uniques[s].merge(other.uniques[s], uniquingKeysWith: +)
            }
        }
    }

    func aggregates(_ functions: [ReportSummary.Function]) -> ReportAggregates {
        let values: [Double?] = functions.enumerated().map { s, function in
            let sum = sums[s].value
            return switch function {
            case .count: Double(count)
            case .sum: sum.isFinite ? sum : nil
            case .average: counts[s] > 0 && sum.isFinite ? sum / Double(counts[s]) : nil
            case .minimum: counts[s] > 0 ? minimums[s] : nil
            case .maximum: counts[s] > 0 ? maximums[s] : nil
            case .uniqueCount: Double(uniques[s].count)
            }
        }
        return ReportAggregates(count: count, values: values)
    }
}
