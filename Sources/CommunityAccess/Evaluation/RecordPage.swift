public import CommunityModel

/// Where a listing stopped; pass it back to get the next page.
public struct RecordCursor: Hashable, Sendable, Codable {
    /// Position after the last record returned.
    let position: UInt32
}

/// A narrowing of a listing: field equalities and an optional predicate, both applied only
/// to records the user may read.
public struct RecordFilter: Sendable {
    /// Conditions that must all hold (field equals literal, via `Record.value(of:)`).
    public var conditions: [SharingCriterion]
    /// Any further test.
    public var predicate: (@Sendable (any Record) -> Bool)?

    /// Creates a filter.
    public init(conditions: [SharingCriterion] = [], predicate: (@Sendable (any Record) -> Bool)? = nil) {
        self.conditions = conditions
        self.predicate = predicate
    }

    /// Records whose field equals a value.
    public static func field(_ name: String, equals value: FieldValue) -> RecordFilter {
        RecordFilter(conditions: [SharingCriterion(field: name, equals: value)])
    }

    func matches(_ record: any Record) -> Bool {
        AccessState.matches(record, conditions) && (predicate?(record) ?? true)
    }
}

/// One page of a listing of visible records, in a stable order.
public struct RecordPage: Sendable {
    /// The records, with the user's access level to each.
    public var records: [VisibleRecord]
    /// Pass to the next call for the following page; `nil` when there is none.
    public var nextCursor: RecordCursor?
}

/// A record a listing returned.
public struct VisibleRecord: Sendable {
    /// The record.
    public var record: any Record
    /// Its dense handle.
    public var handle: RecordHandle
    /// The user's access to it (at least `.read`).
    public var access: AccessLevel
}
