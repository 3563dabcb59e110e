import CommunityAccess
import CommunityModel

/// What a report needs to know of each value of a ``FieldColumn``, worked out once per value
/// instead of once per record: its UTC day number (dates and date-times, ``CompiledTest/day(_:)``)
/// and its measure (``Accumulator/measure(_:)``). Index 0 is "no value"; index `n` is the
/// column's value number `n`.
///
/// Kept with the snapshot and carried to later ones: a column updated after a change only
/// numbers new values, so the facts of the values it shares with an earlier numbering
/// (``FieldColumn/sharedValues(with:)``) are kept and only the new values are worked out.
struct ColumnFacts: Sendable {
    /// The day of a value without one.
    static let noDay = Int.min

    /// The column numbering the facts are for.
    var numbering: UInt64
    /// Per value number, its day number, or ``noDay``.
    var days: [Int] = [noDay]
    /// Per value number, its measure, or NaN for none (a measure is never NaN).
    var measures: [Double] = [.nan]

    /// The facts of `column`'s values.
    static func of(_ column: FieldColumn, in snapshot: AccessSnapshot) -> ColumnFacts {
        let key = Key(object: column.object, field: column.field)
        return snapshot.memoized(NumberedKey(key: key, numbering: column.numbering)) {
            var facts = ColumnFacts(numbering: column.numbering)
            if let (kept, _) = snapshot.carriedAnswer(key, as: ColumnFacts.self, maximumChanges: Int.max),
               let shared = column.sharedValues(with: kept.numbering), shared + 1 >= kept.days.count
            {
                facts.days = kept.days
                facts.measures = kept.measures
            }
            facts.extend(with: column)
            snapshot.carry(facts, for: key)
            return facts
        }
    }

    /// Works out the facts of the column's values not covered yet.
    mutating func extend(with column: FieldColumn) {
        let known = days.count - 1
        guard known < column.values.count else { return }
        days.reserveCapacity(column.values.count + 1)
        measures.reserveCapacity(column.values.count + 1)
        for value in column.values[known...] {
            days.append(CompiledTest.day(value) ?? Self.noDay)
            measures.append(Accumulator.measure(value) ?? .nan)
        }
        numbering = column.numbering
    }

    struct Key: Hashable, Sendable {
        var object: EntityType
        var field: String
    }

    struct NumberedKey: Hashable, Sendable {
        var key: Key
        var numbering: UInt64
    }
}
