/// The immutable allocation that holds a record's fields.
///
/// A record type (``Case``, ``Opportunity``, ``Account``, ``Contact``, ``Lead``) keeps its
/// fields in one of these, so a copy of a record is one reference: the store's row, the
/// change feed, the access engine's record table and a caller's variable all share the
/// same fields. Changing a field of one copy puts the changed fields in a new allocation
/// and leaves every other copy as it was (copy on write, without shared mutable state).
final class FieldStorage<Fields: Sendable>: Sendable {
    let fields: Fields

    init(_ fields: Fields) { self.fields = fields }
}
