/// A type that writes its stored body straight into a byte buffer and reads it back from one,
/// without going through `Encoder` and `Decoder`.
///
/// ``EntityBody`` uses these methods instead of ``CompactEncoder`` and ``CompactDecoder``
/// when the stored type conforms. The bytes a conforming type writes must be exactly the
/// bytes ``CompactEncoder`` writes for its `Codable` form (same keys in the same order,
/// optionals that are `nil` left out, same tags), so that stores, checkpoints and old files
/// see no difference; and reading must accept whatever the `Codable` form accepts, giving
/// an equal value. ``EntityBody`` falls back to `Codable` decoding whenever the direct
/// reader throws, so a reader may refuse anything unusual (a duplicate key, say) and the
/// `Codable` path decides.
public protocol CompactBodyCodable: Codable, Sendable {
    /// Writes the compact form of `self` (the bytes ``CompactEncoder`` writes) at the
    /// writer's position.
    func writeCompactBody(to writer: inout CompactBodyWriter)

    /// Reads a value written by ``writeCompactBody(to:)`` (or by ``CompactEncoder``) at the
    /// reader's position, leaving the reader just after it.
    ///
    /// - Throws: `DecodingError` when the bytes there are not such a value.
    init(compactBody reader: inout CompactBodyReader) throws
}

extension CompactBodyCodable {
    /// The stored body of `value`, which is a `Self` (the caller checked the metatype).
    static func bodyBytes<V>(of value: V) -> [UInt8]? {
        guard let value = value as? Self else { return nil }
        var writer = CompactBodyWriter(capacity: 256)
        writer.byte(EntityBody.compactVersion)
        value.writeCompactBody(to: &writer)
        return writer.bytes
    }

    /// A `Self` read from `reader` as a `V` (which the caller checked is `Self`), ending
    /// exactly at the reader's end.
    static func readBody<V>(_ type: V.Type, from reader: inout CompactBodyReader) throws -> V? {
        let value = try Self(compactBody: &reader)
        try reader.expectEnd()
        return value as? V
    }
}
