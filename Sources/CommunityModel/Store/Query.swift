/// A query over one entity type's indexed fields: equality and range filters, an order, a page.
public struct Query<E: Entity>: Sendable {
    /// One condition on an indexed field.
    public enum Condition: Sendable, Hashable {
        /// The field equals the value.
        case equals(FieldValue)
        /// The field equals one of the values.
        case oneOf([FieldValue])
        /// The field lies in the range; a `nil` bound is open. Bounds compare with
        /// ``FieldValue/ordered(_:_:)``; `lower` is inclusive, `upper` exclusive.
        case range(lower: FieldValue?, upper: FieldValue?)
    }

    /// A condition on a field.
    public struct Filter: Sendable, Hashable {
        /// The indexed field the condition tests.
        public var field: String
        /// What the field's value must satisfy.
        public var condition: Condition
        /// Creates a filter.
        public init(field: String, condition: Condition) {
            self.field = field
            self.condition = condition
        }
    }

    /// Conditions, all of which must hold.
    public var filters: [Filter] = []
    /// The indexed field to order by, and whether descending. Ties order by id.
    public var order: (field: String, descending: Bool)?
    /// How many results to skip.
    public var offset: Int = 0
    /// The most results to return.
    public var limit: Int?

    /// A query matching every entity of the type.
    public init() {}

    /// Adds a condition.
    public func filter(_ field: String, _ condition: Condition) -> Query {
        var copy = self
        copy.filters.append(Filter(field: field, condition: condition))
        return copy
    }

    /// Adds an equality condition.
    public func `where`(_ field: String, equals value: FieldValue) -> Query {
        filter(field, .equals(value))
    }

    /// Orders the results.
    public func ordered(by field: String, descending: Bool = false) -> Query {
        var copy = self
        copy.order = (field, descending)
        return copy
    }

    /// Pages the results.
    public func page(offset: Int = 0, limit: Int) -> Query {
        var copy = self
        copy.offset = max(0, offset)
        copy.limit = max(0, limit)
        return copy
    }

    /// Whether a value satisfies a condition (the plain definition every store agrees with).
    public static func matches(_ value: FieldValue?, _ condition: Condition) -> Bool {
        guard let value else { return false }
        switch condition {
        case .equals(let v): return value == v
        case .oneOf(let vs): return vs.contains(value)
        case .range(let lower, let upper):
            if let lower, FieldValue.ordered(value, lower) { return false }
            if let upper, !FieldValue.ordered(value, upper) { return false }
            return true
        }
    }

    /// Whether a row comes before another in an ordered result (the plain definition every
    /// store agrees with): by the order field's value, rows without one first when
    /// ascending and last when descending, and ties (equal or both missing) by id, ascending.
    public static func precedes(
        _ lhs: (id: String, value: FieldValue?), _ rhs: (id: String, value: FieldValue?), descending: Bool
    ) -> Bool {
        if lhs.value != rhs.value {
            switch (lhs.value, rhs.value) {
            case (nil, _): return !descending
            case (_, nil): return descending
            case (let x?, let y?): return descending ? FieldValue.ordered(y, x) : FieldValue.ordered(x, y)
            }
        }
        return lhs.id < rhs.id
    }
}
