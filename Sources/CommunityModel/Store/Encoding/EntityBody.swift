import Foundation

/// The stored form of an entity's body, shared by the stores and access checkpoints: a
/// version byte (``compactVersion``) followed by the ``CompactEncoder`` bytes. Bodies that
/// start with `{` are JSON written by earlier versions and still decode, so old rows need
/// no rewrite.
///
/// Types that adopt ``CompactBodyCodable`` (the record types, users, access configuration)
/// write and read the same bytes directly, without `Codable`'s dispatch; when their direct
/// reader refuses a body, the `Codable` path decodes it (or throws its error).
public enum EntityBody {
    /// The first byte of a compact body: never the first byte of a JSON object.
    public static let compactVersion: UInt8 = 0xC1

    /// The stored bytes of `value`.
    ///
    /// - Throws: `EncodingError` from the value's `encode(to:)`.
    public static func encode<T: Encodable>(_ value: T) throws -> [UInt8] {
        // A metatype check (a cached conformance lookup), then the value's own writer.
        if let fast = T.self as? any CompactBodyCodable.Type, let bytes = fast.bodyBytes(of: value) { return bytes }
        var bytes: [UInt8] = [compactVersion]
        bytes += try CompactEncoder().encode(value)
        return bytes
    }

    /// Decodes a stored body: compact after the version byte, or legacy JSON.
    ///
    /// - Throws: `DecodingError` when the bytes are empty, carry an unknown version byte,
    ///   or do not decode as a `T`.
    public static func decode<T: Decodable>(_ type: T.Type, from bytes: [UInt8]) throws -> T {
        try decode(T.self, from: bytes, range: 0..<bytes.count)
    }

    /// Decodes the stored body in `bytes[range]` (bodies packed into one buffer, as in a
    /// checkpoint file).
    ///
    /// - Throws: `DecodingError` as ``decode(_:from:)`` does, or when `range` is outside `bytes`.
    public static func decode<T: Decodable>(_ type: T.Type, from bytes: [UInt8], range: Range<Int>) throws -> T {
        guard range.lowerBound >= 0, range.upperBound <= bytes.count else {
            throw DecodingError.dataCorrupted(DecodingError.Context(codingPath: [], debugDescription: "range outside the bytes"))
        }
        switch range.isEmpty ? nil : bytes[range.lowerBound] {
        case compactVersion?:
            let body = range.lowerBound + 1..<range.upperBound
            if let fast = T.self as? any CompactBodyCodable.Type {
                var reader = try CompactBodyReader(bytes, range: body)
                if let value = try? fast.readBody(T.self, from: &reader) { return value }
            }
            return try CompactDecoder().decode(T.self, from: bytes, range: body)
        case UInt8(ascii: "{")?, UInt8(ascii: "[")?, UInt8(ascii: " ")?, UInt8(ascii: "\n")?:
            return try JSONDecoder().decode(T.self, from: Data(bytes[range]))
        case let other?:
            throw DecodingError.dataCorrupted(
                DecodingError.Context(codingPath: [], debugDescription: "unknown body format byte \(other)"))
        case nil:
            throw DecodingError.dataCorrupted(DecodingError.Context(codingPath: [], debugDescription: "empty body"))
        }
    }
}
