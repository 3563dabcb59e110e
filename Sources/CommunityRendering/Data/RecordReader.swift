public import CommunityModel
public import CommunityAccess

/// Reads CRM records for components through Access: only records the viewer may read, with
/// the fields field-level security hides removed. The guest and unknown users see nothing.
public struct RecordReader: Sendable {
    /// The access engine whose current snapshot answers.
    public let engine: AccessEngine

    /// A reader over an engine.
    public init(engine: AccessEngine) { self.engine = engine }

    /// Up to `limit` readable records of an object, redacted, optionally where a field equals a value.
    public func records(
        of object: EntityType, viewer: Viewer, where field: String? = nil, equals value: FieldValue? = nil, limit: Int
    ) -> [RedactedRecord] {
        guard let user = viewer.user?.id else { return [] }
        let snapshot = engine.snapshot
        let filter = field.flatMap { f in value.map { RecordFilter.field(f, equals: $0) } }
        return snapshot.visibleRecords(of: user, object: object, filter: filter, limit: limit).records.compactMap {
            redact($0.record, user: user, snapshot: snapshot)
        }
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
