import CommunityModel

/// What one change does to an entity's `ck_index` rows: the rows it removes (or all of the
/// entity's rows, by a scan, when its old body no longer decodes) and the rows it (re)writes.
///
/// A ``SQLiteStore`` commit stores the delta in its feed row instead of writing the index rows
/// at once; the deltas are applied in feed order in batches (see ``SQLiteStore``), so many
/// single-row commits share the index pages they dirty.
///
/// Stored form: a format byte (1), a scan flag byte, then the removed rows as a count and
/// (field, key) pairs, then the written rows as a count and (field, key, value) triples;
/// counts and text lengths are unsigned LEB128 varints, text is UTF-8.
struct IndexDelta: Equatable {
    /// Delete every index row of the entity first (its old body could not be read).
    var removeAll: Bool
    /// Rows to delete, by field and key.
    var removed: [SQLiteTransaction.IndexRow]
    /// Rows to insert or replace.
    var written: [SQLiteTransaction.IndexRow]

    static let format: UInt8 = 1

    var bytes: [UInt8] {
        var out: [UInt8] = [Self.format, removeAll ? 1 : 0]
        Self.varint(removed.count, into: &out)
        for row in removed {
            Self.text(row.field, into: &out)
            Self.text(row.key, into: &out)
        }
        Self.varint(written.count, into: &out)
        for row in written {
            Self.text(row.field, into: &out)
            Self.text(row.key, into: &out)
            Self.text(row.value, into: &out)
        }
        return out
    }

    /// Reads a stored delta.
    ///
    /// - Throws: ``StoreError/corrupt(entity:id:detail:)`` naming `type`, `id` and the feed
    ///   row's `sequence` when the bytes are not a delta of this format.
    init(bytes: [UInt8], type: EntityType, id: String, sequence: Int64) throws {
        var reader = Reader(bytes: bytes)
        func corrupt(_ detail: String) -> StoreError {
            .corrupt(entity: type, id: id, detail: "index delta of change #\(sequence): \(detail)")
        }
        guard let format = reader.byte(), format == Self.format else { throw corrupt("unknown format") }
        guard let flag = reader.byte(), flag <= 1 else { throw corrupt("bad scan flag") }
        removeAll = flag == 1
        guard let removedCount = reader.count() else { throw corrupt("truncated") }
        removed = []
        for _ in 0..<removedCount {
            guard let field = reader.text(), let key = reader.text() else { throw corrupt("truncated removed row") }
            removed.append(SQLiteTransaction.IndexRow(field: field, key: key, value: ""))
        }
        guard let writtenCount = reader.count() else { throw corrupt("truncated") }
        written = []
        for _ in 0..<writtenCount {
            guard let field = reader.text(), let key = reader.text(), let value = reader.text() else {
                throw corrupt("truncated written row")
            }
            written.append(SQLiteTransaction.IndexRow(field: field, key: key, value: value))
        }
        guard reader.atEnd else { throw corrupt("trailing bytes") }
    }

    init(removeAll: Bool, removed: [SQLiteTransaction.IndexRow], written: [SQLiteTransaction.IndexRow]) {
        self.removeAll = removeAll
        self.removed = removed
        self.written = written
    }

    private static func varint(_ value: Int, into out: inout [UInt8]) {
        var n = UInt64(clamping: value)
        while n >= 0x80 {
            out.append(UInt8(truncatingIfNeeded: n) | 0x80)
            n >>= 7
        }
        out.append(UInt8(truncatingIfNeeded: n))
    }

    private static func text(_ s: String, into out: inout [UInt8]) {
        varint(s.utf8.count, into: &out)
        out += s.utf8
    }

    /// Bounds-checked reads over the stored bytes; `nil` when they run out or are malformed.
    private struct Reader {
        let bytes: [UInt8]
        var at = 0

        var atEnd: Bool { at == bytes.count }

        mutating func byte() -> UInt8? {
            guard at < bytes.count else { return nil }
            defer { at += 1 }
            return bytes[at]
        }

        /// A varint that is at most the number of bytes left (every counted item takes at least one byte).
        mutating func count() -> Int? {
            var result: UInt64 = 0
            var shift: UInt64 = 0
            while let b = byte() {
                guard shift < 63 else { return nil }
                result |= UInt64(b & 0x7F) << shift
                if b & 0x80 == 0 {
                    guard result <= UInt64(bytes.count - at) else { return nil }
                    return Int(result)
                }
                shift += 7
            }
            return nil
        }

        mutating func text() -> String? {
            guard let n = count() else { return nil }
            let end = at + n  // count() guarantees n <= bytes.count - at
            defer { at = end }
            return String(decoding: bytes[at..<end], as: UTF8.self)
        }
    }
}
