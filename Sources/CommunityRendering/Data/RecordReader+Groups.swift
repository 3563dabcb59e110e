public import CommunityModel
import CommunityAccess

extension RecordReader {
    /// Up to `limit` (clamped into `0...maximumLimit`) records the viewer may read for each of
    /// several values of `field` (for example the first deals of every pipeline stage), with
    /// the requested fields field-level security lets the viewer read, from one pass over the
    /// viewer's listing instead of one listing per value.
    ///
    /// Each value's rows are those ``records(of:viewer:fields:where:equals:limit:)`` returns
    /// for it. Pass `expectedCounts` (how many readable records each value has, from a
    /// summary of the same snapshot) to stop the pass once no value can gain more rows.
    ///
    /// - Returns: Every value mapped to its rows; empty for the guest, unknown users and a
    ///   grouping field the viewer may not read.
    public func records(
        of object: EntityType, viewer: Viewer, fields: [String], groupedBy field: String, values: [FieldValue], limit: Int,
        expectedCounts: [FieldValue: Int] = [:]
    ) -> [FieldValue: [RecordRow]] {
        let limit = min(max(limit, 0), Self.maximumLimit)
        let empty = Dictionary(values.map { ($0, [RecordRow]()) }, uniquingKeysWith: { a, _ in a })
        guard let user = viewer.user?.id, limit > 0 else { return empty }
        let snapshot = engine.snapshot
        // Grouping by a field the viewer may not read would reveal its values.
        guard snapshot.fieldAccess(user, object: object, field: field) >= .read else { return empty }
        let wanted = Array(Set(fields))
        let readable = wanted.filter { snapshot.fieldAccess(user, object: object, field: $0) >= .read }
        let hidden = Set(wanted).subtracting(readable)
        let groups = snapshot.visibleRecords(
            of: user, object: object, groupedBy: field, values: values, limit: limit, expectedCounts: expectedCounts)
        return groups.mapValues { records in
            records.map { visible in
                var row: [String: FieldValue] = [:]
                row.reserveCapacity(readable.count)
                for name in readable { if let v = visible.record.value(of: name) { row[name] = v } }
                return RecordRow(id: Self.id(of: visible.record), values: row, hiddenFields: hidden)
            }
        }
    }
}
