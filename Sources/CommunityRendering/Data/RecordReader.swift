public import CommunityModel
public import CommunityAccess

/// Reads CRM records for components through Access: only records the viewer may read, with
/// the fields field-level security hides removed. The anonymous guest (no user) and unknown users
/// see nothing; a site's guest user (``Site/guestUserID``) reads what guest sharing rules give it.
public struct RecordReader: Sendable {
    /// The access engine whose current snapshot answers.
    public let engine: AccessEngine

    /// The most records one listing returns; a larger (or negative) `limit` is clamped into `0...maximumLimit`.
    public static let maximumLimit = 10_000

    /// A reader over an engine.
    public init(engine: AccessEngine) { self.engine = engine }

    /// Up to `limit` (clamped into `0...maximumLimit`) records of an object the viewer may read (optionally where a field equals
    /// a value), with the requested fields that field-level security lets the viewer read.
    ///
    /// Field-level security depends only on the user, the object and the field, so it is
    /// asked once per field per call rather than once per record.
    public func records(
        of object: EntityType, viewer: Viewer, fields: [String], where field: String? = nil, equals value: FieldValue? = nil,
        limit: Int
    ) -> [RecordRow] {
        let limit = min(max(limit, 0), Self.maximumLimit)
        guard let user = viewer.user?.id, limit > 0 else { return [] }
        let snapshot = engine.snapshot
        let filter = field.flatMap { f in value.map { RecordFilter.field(f, equals: $0) } }
        let wanted = Array(Set(fields))
        let readable = wanted.filter { snapshot.fieldAccess(user, object: object, field: $0) >= .read }
        let hidden = Set(wanted).subtracting(readable)
        return snapshot.visibleRecords(of: user, object: object, filter: filter, limit: limit).records.map { visible in
            var values: [String: FieldValue] = [:]
            values.reserveCapacity(readable.count)
            for name in readable { if let v = visible.record.value(of: name) { values[name] = v } }
            return RecordRow(id: Self.id(of: visible.record), values: values, hiddenFields: hidden)
        }
    }

    static func id(of record: any Record) -> String {
        func open<R: Record>(_ r: R) -> String { r.id.rawValue }
        return open(record)
    }

    /// One record, redacted; `nil` when missing or not readable.
    public func record(of object: EntityType, id: String, viewer: Viewer) -> RedactedRecord? {
        guard let user = viewer.user?.id else { return nil }
        let snapshot = engine.snapshot
        guard let record = snapshot.record(object, id: id) else { return nil }
        return redact(record, user: user, snapshot: snapshot)
    }

    /// Whether the viewer may create records of an object.
    public func mayCreate(_ object: EntityType, viewer: Viewer) -> Bool {
        guard let user = viewer.user?.id else { return false }
        return engine.snapshot.objectPermissions(user, on: object).contains(.create)
    }

    private func redact(_ record: any Record, user: ID<User>, snapshot: AccessSnapshot) -> RedactedRecord? {
        snapshot.redact(record, for: user)
    }
}
