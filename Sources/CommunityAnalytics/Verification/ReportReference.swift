public import CommunityModel
public import CommunityAccess
public import Foundation

/// A plain, slow evaluation of a report, written independently of ``ReportEngine`` to check it:
/// it asks the access engine about every record one by one (no visible-record walk), reinterprets
/// the filter's text values for every record, works out periods and relative dates with
/// Foundation's ISO 8601 calendar, and keeps every value of every group before summarising.
/// The differential tests and `ReportBenchmark` compare its answer with the engine's
/// (``ReportResult/flattened()``). It assumes the definition compiles for the user.
public struct ReportReference: Sendable {
    /// Object and field types.
    public var schemas: SchemaCatalog
    /// "Now", for relative dates.
    public var now: Date

    /// A reference evaluator.
    public init(schemas: SchemaCatalog = .standard, now: Date) {
        self.schemas = schemas
        self.now = now
    }

    /// Every aggregate by group path, as ``ReportResult/flattened()`` gives it, computed from
    /// `records` (every record of the report's object, readable or not).
    public func evaluate(_ definition: ReportDefinition, records: [any Record], as user: ID<User>, in snapshot: AccessSnapshot) -> [String: ReportAggregates] {
        var calendar = Calendar(identifier: .iso8601)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let levels = definition.rowGroupings.count
        let groupings = definition.rowGroupings + (definition.columnGrouping.map { [$0] } ?? [])
        var collected: [String: [[FieldValue]]] = [:]
        var counts: [String: Int] = [:]
        for record in records {
            guard case .reference(let id)? = record.value(of: "Id"), snapshot.access(user, to: definition.object, id: id) >= .read else { continue }
            if let filter = definition.filter, !holds(filter, record, definition.object, user, snapshot, calendar) { continue }
            let keys = groupings.map { label(value(of: $0.field, record, definition.object, user, snapshot), bucket: $0.bucket, calendar) }
            let measured = definition.summaries.map { summary -> [FieldValue] in
                summary.function == .count ? [] : value(of: summary.field, record, definition.object, user, snapshot).map { [$0] } ?? []
            }
            // Every combination of "this key" or "*" per level.
            let width = keys.count
            for mask in 0..<(1 << width) {
                var parts: [String] = []
                for level in 0..<width { parts.append(mask & (1 << level) != 0 ? keys[level] : "*") }
                // A second level without its first is not a group; nor is a second-level subtotal with the first starred.
                if levels == 2, parts[0] == "*", parts[1] != "*" { continue }
                var path = parts
                while path.count < levels { path.append("*") }
                let key = path.joined(separator: "|")
                counts[key, default: 0] += 1
                // Appended in place: taking the lists out of the dictionary and putting them back
                // would copy every value collected so far on each record (quadratic in the records).
                for s in measured.indices where !measured[s].isEmpty {
                    collected[key, default: Array(repeating: [], count: definition.summaries.count)][s].append(contentsOf: measured[s])
                }
            }
        }
        if counts.isEmpty {
            let key = Array(repeating: "*", count: levels + (definition.columnGrouping == nil ? 0 : 1)).joined(separator: "|")
            counts[key] = 0
            collected[key] = Array(repeating: [], count: definition.summaries.count)
        }
        var out: [String: ReportAggregates] = [:]
        for (key, count) in counts {
            let lists = collected[key] ?? []
            let values: [Double?] = definition.summaries.enumerated().map { s, summary in
                let list = s < lists.count ? lists[s] : []
                let numbers = list.compactMap { number($0) }
                switch summary.function {
                case .count: return Double(count)
                case .sum: return numbers.reduce(0, +)
                case .average: return numbers.isEmpty ? nil : numbers.reduce(0, +) / Double(numbers.count)
                case .minimum: return numbers.min()
                case .maximum: return numbers.max()
                case .uniqueCount: return Double(Set(list).count)
                }
            }
            out[key] = ReportAggregates(count: count, values: values)
        }
        return out
    }

    // MARK: Values

    func value(of path: String, _ record: any Record, _ object: EntityType, _ user: ID<User>, _ snapshot: AccessSnapshot) -> FieldValue? {
        let parts = path.split(separator: ".").map(String.init)
        if parts.count == 1 { return record.value(of: path) }
        guard let schema = schemas.schema(for: object) else { return nil }
        let lookup = [parts[0], parts[0] + "Id"].first { schema.definition(of: $0) != nil } ?? parts[0]
        guard case .reference(let target)? = schema.definition(of: lookup)?.type, case .reference(let id)? = record.value(of: lookup),
              snapshot.access(user, to: target, id: id) >= .read
        else { return nil }
        return snapshot.record(target, id: id)?.value(of: parts[1])
    }

    func number(_ value: FieldValue) -> Double? {
        switch value {
        case .number(let n): return n
        case .currency(let d): return (d as NSDecimalNumber).doubleValue
        case .date(let d):
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
            guard let date = calendar.date(from: DateComponents(year: d.year, month: d.month, day: d.day)) else { return nil }
            return (date.timeIntervalSince1970 / 86_400).rounded(.down)
        case .dateTime(let t): return t.timeIntervalSince1970
        default: return nil
        }
    }

    func label(_ value: FieldValue?, bucket: DateBucket?, _ calendar: Calendar) -> String {
        guard let value else { return "" }
        guard let bucket, let date = moment(value) else { return value.description }
        let c = calendar.dateComponents([.year, .month, .day, .weekOfYear, .yearForWeekOfYear], from: date)
        let y = c.year ?? 0, m = c.month ?? 0, d = c.day ?? 0
        func two(_ n: Int) -> String { String(format: "%02d", n) }
        switch bucket {
        case .day: return "\(y)-\(two(m))-\(two(d))"
        case .week: return "\(c.yearForWeekOfYear ?? 0)-W\(two(c.weekOfYear ?? 0))"
        case .month: return "\(y)-\(two(m))"
        case .quarter: return "\(y)-Q\((m - 1) / 3 + 1)"
        case .year: return "\(y)"
        }
    }

    func moment(_ value: FieldValue) -> Date? {
        switch value {
        case .dateTime(let t): return t
        case .date(let d):
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
            return calendar.date(from: DateComponents(year: d.year, month: d.month, day: d.day))
        default: return nil
        }
    }

    // MARK: Filters

    func holds(_ filter: ReportFilter, _ record: any Record, _ object: EntityType, _ user: ID<User>, _ snapshot: AccessSnapshot, _ calendar: Calendar) -> Bool {
        switch filter {
        case .and(let list): return list.allSatisfy { holds($0, record, object, user, snapshot, calendar) }
        case .or(let list): return list.contains { holds($0, record, object, user, snapshot, calendar) }
        case .not(let inner): return !holds(inner, record, object, user, snapshot, calendar)
        case .condition(let c):
            let v = value(of: c.field, record, object, user, snapshot)
            switch c.operator {
            case .isEmpty: return v == nil
            case .isNotEmpty: return v != nil
            default: break
            }
            let negative = c.operator == .notEquals || c.operator == .notIn
            guard let v else { return negative }
            switch v {
            case .date, .dateTime:
                guard let date = moment(v) else { return negative }
                let day = calendar.startOfDay(for: date)
                let ranges = c.values.compactMap { periodRange($0, calendar) }
                switch c.operator {
                case .equals, .isIn: return ranges.contains { $0.0 <= day && day <= $0.1 }
                case .notEquals, .notIn: return !ranges.contains { $0.0 <= day && day <= $0.1 }
                case .lessThan: return ranges.first.map { day < $0.0 } ?? false
                case .lessOrEqual: return ranges.first.map { day <= $0.1 } ?? false
                case .greaterThan: return ranges.first.map { day > $0.1 } ?? false
                case .greaterOrEqual: return ranges.first.map { day >= $0.0 } ?? false
                default: return false
                }
            case .number, .currency:
                guard let n = number(v) else { return negative }
                let targets = c.values.compactMap { Double($0) }
                switch c.operator {
                case .equals: return targets.first == n
                case .notEquals: return targets.first != n
                case .lessThan: return targets.first.map { n < $0 } ?? false
                case .lessOrEqual: return targets.first.map { n <= $0 } ?? false
                case .greaterThan: return targets.first.map { n > $0 } ?? false
                case .greaterOrEqual: return targets.first.map { n >= $0 } ?? false
                case .isIn: return targets.contains(n)
                case .notIn: return !targets.contains(n)
                default: return false
                }
            case .checkbox(let b):
                let wanted = c.values.first?.lowercased() == "true"
                return c.operator == .equals ? b == wanted : b != wanted
            default:
                let s = v.description
                let first = c.values.first ?? ""
                switch c.operator {
                case .equals: return s == first
                case .notEquals: return s != first
                case .lessThan: return s < first
                case .lessOrEqual: return s <= first
                case .greaterThan: return s > first
                case .greaterOrEqual: return s >= first
                case .contains: return s.lowercased().contains(first.lowercased())
                case .startsWith: return s.lowercased().hasPrefix(first.lowercased())
                case .isIn: return c.values.contains(s)
                case .notIn: return !c.values.contains(s)
                default: return false
                }
            }
        }
    }

    /// The first and last midnight of a filter value's period.
    func periodRange(_ text: String, _ calendar: Calendar) -> (Date, Date)? {
        if text.count == 10, let day = try? Day(parsing: text), let date = moment(.date(day)) { return (date, date) }
        let today = calendar.startOfDay(for: now)
        func shift(_ component: Calendar.Component, _ n: Int, _ from: Date) -> Date { calendar.date(byAdding: component, value: n, to: from) ?? from }
        func unit(_ component: Calendar.Component, months: Int, offset: Int) -> (Date, Date) {
            var start: Date
            if component == .weekOfYear {
                start = calendar.dateInterval(of: .weekOfYear, for: today)?.start ?? today
                start = shift(.day, 7 * offset, start)
                return (start, shift(.day, 6, start))
            }
            let c = calendar.dateComponents([.year, .month], from: today)
            let month = months == 1 ? (c.month ?? 1) : months == 3 ? ((c.month ?? 1) - 1) / 3 * 3 + 1 : 1
            start = calendar.date(from: DateComponents(year: c.year, month: month, day: 1)) ?? today
            start = shift(.month, months * offset, start)
            return (start, shift(.day, -1, shift(.month, months, start)))
        }
        let words = text.lowercased().replacingOccurrences(of: "_", with: " ").replacingOccurrences(of: ":", with: " ").split(separator: " ")
        switch words.joined(separator: " ") {
        case "today": return (today, today)
        case "yesterday": return (shift(.day, -1, today), shift(.day, -1, today))
        case "tomorrow": return (shift(.day, 1, today), shift(.day, 1, today))
        default: break
        }
        if words.count == 2 {
            let offset = words[0] == "this" ? 0 : words[0] == "last" ? -1 : words[0] == "next" ? 1 : nil
            if let offset {
                switch words[1] {
                case "week": return unit(.weekOfYear, months: 0, offset: offset)
                case "month": return unit(.month, months: 1, offset: offset)
                case "quarter": return unit(.month, months: 3, offset: offset)
                case "year": return unit(.month, months: 12, offset: offset)
                default: return nil
                }
            }
        }
        let numbers = words.compactMap { Int($0) }
        guard let n = numbers.first, words.contains("days") || words.contains("day") else { return nil }
        return words.first == "last" ? (shift(.day, -n, today), today) : (today, shift(.day, n, today))
    }
}
