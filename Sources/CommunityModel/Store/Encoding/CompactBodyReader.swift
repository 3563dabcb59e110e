public import Foundation

/// Reads compact bodies (the bytes ``CompactEncoder`` and ``CompactBodyWriter`` write) for
/// ``CompactBodyCodable`` types, value by value from a position. Every read checks bounds
/// and tags and throws `DecodingError` on anything unexpected; nothing traps.
///
/// A reader accepts what the `Codable` path accepts for the same reads: integers written
/// signed or unsigned, doubles written as integers, text repaired as `String(decoding:)`
/// repairs invalid UTF-8.
public struct CompactBodyReader: Sendable {
    private let bytes: [UInt8]
    /// The offset of the next byte to read.
    public private(set) var position: Int
    private let end: Int
    /// Unknown values nested deeper than this are refused (and left to the `Codable` path,
    /// which allows 256 levels from the top of the body).
    static let skipDepth = 200

    /// A reader of `bytes[range]`.
    ///
    /// - Throws: `DecodingError.dataCorrupted` when `range` is outside `bytes`.
    public init(_ bytes: [UInt8], range: Range<Int>) throws {
        guard range.lowerBound >= 0, range.upperBound <= bytes.count else {
            throw DecodingError.dataCorrupted(DecodingError.Context(codingPath: [], debugDescription: "range outside the bytes"))
        }
        self.bytes = bytes
        position = range.lowerBound
        end = range.upperBound
    }

    static func corrupted(_ message: String) -> DecodingError {
        .dataCorrupted(DecodingError.Context(codingPath: [], debugDescription: message))
    }

    /// Throws `DecodingError.keyNotFound` unless a required field was read.
    public static func required<T>(_ value: T?, _ key: StaticString) throws -> T {
        guard let value else {
            throw DecodingError.keyNotFound(
                CompactBodyKey(stringValue: key.description),
                DecodingError.Context(codingPath: [], debugDescription: "no value for \(key)"))
        }
        return value
    }

    /// Throws unless every byte was read.
    func expectEnd() throws {
        guard position == end else { throw Self.corrupted("the value ends at \(position), not at \(end)") }
    }

    // MARK: Primitive reads

    private mutating func byte() throws -> UInt8 {
        guard position < end else { throw Self.corrupted("truncated at byte \(position)") }
        let b = bytes[position]
        position += 1
        return b
    }

    private func peek() throws -> UInt8 {
        guard position < end else { throw Self.corrupted("truncated at byte \(position)") }
        return bytes[position]
    }

    private mutating func expect(_ tag: CompactTag) throws {
        let found = try byte()
        guard found == tag.rawValue else { throw Self.corrupted("expected \(tag), found tag \(found) at byte \(position - 1)") }
    }

    private mutating func varint() throws -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let b = try byte()
            guard shift < 64, shift < 63 || b & 0x7E == 0 else { throw Self.corrupted("varint too long at byte \(position)") }
            result |= UInt64(b & 0x7F) << shift
            if b & 0x80 == 0 { return result }
            shift += 7
        }
    }

    /// A length or count that fits the bytes left.
    private mutating func length() throws -> Int {
        let n = try varint()
        guard n <= UInt64(end - position) else { throw Self.corrupted("length \(n) runs past the end") }
        return Int(n)
    }

    /// The range of the next `count` bytes, which the caller checked are there.
    private mutating func take(_ count: Int) -> Range<Int> {
        let start = position
        position += count
        return start..<position
    }

    // MARK: Containers

    /// Starts a keyed container: its entry count.
    public mutating func keyed() throws -> Int {
        try expect(.keyed)
        return try length()
    }

    /// Starts an unkeyed container: its value count.
    public mutating func unkeyed() throws -> Int {
        try expect(.unkeyed)
        return try length()
    }

    /// Starts a keyed container whose keys are looked up in `keys` (see ``CompactBodyEntries``).
    public mutating func entries(_ keys: CompactBodyKeys) throws -> CompactBodyEntries {
        CompactBodyEntries(keys: keys, remaining: try keyed())
    }

    /// The next entry's key: its index in `keys` (trying `expected` first), or `nil` for a
    /// key `keys` does not hold.
    mutating func key(in keys: CompactBodyKeys, expected: Int) throws -> Int? {
        let n = try length()
        let range = take(n)
        if expected < keys.names.count, matches(keys.names[expected], range) { return expected }
        for (index, name) in keys.names.enumerated() where index != expected && matches(name, range) { return index }
        return nil
    }

    /// The next entry's key as text.
    ///
    /// - Throws: `DecodingError` when the key is not valid UTF-8 (the `Codable` path looks
    ///   such a key up by its repaired text, does not find it, and throws).
    public mutating func key() throws -> String {
        let n = try length()
        guard let key = String(validating: bytes[take(n)], as: UTF8.self) else { throw Self.corrupted("a key is not UTF-8") }
        return key
    }

    private func matches(_ name: [UInt8], _ range: Range<Int>) -> Bool {
        guard name.count == range.count else { return false }
        var i = range.lowerBound
        for b in name {
            guard bytes[i] == b else { return false }
            i += 1
        }
        return true
    }

    /// Skips the next value, whatever it is.
    public mutating func skipValue() throws { try skip(depth: 0) }

    private mutating func skip(depth: Int) throws {
        guard depth < Self.skipDepth else { throw Self.corrupted("nesting deeper than \(Self.skipDepth)") }
        let raw = try byte()
        guard let tag = CompactTag(rawValue: raw) else { throw Self.corrupted("unknown tag \(raw) at byte \(position - 1)") }
        switch tag {
        case .null, .falseValue, .trueValue: return
        case .signed, .unsigned: _ = try varint()
        case .double:
            guard end - position >= 8 else { throw Self.corrupted("truncated double") }
            position += 8
        case .string, .bytes, .decimal: position += try length()
        case .keyed:
            var n = try length()
            while n > 0 {
                position += try length()
                try skip(depth: depth + 1)
                n -= 1
            }
        case .unkeyed:
            var n = try length()
            while n > 0 {
                try skip(depth: depth + 1)
                n -= 1
            }
        }
    }

    // MARK: Values

    /// Whether the next value is a null, which it then skips (`decodeIfPresent` reads a
    /// null as `nil`).
    public mutating func null() throws -> Bool {
        guard try peek() == CompactTag.null.rawValue else { return false }
        position += 1
        return true
    }

    /// A Boolean.
    public mutating func bool() throws -> Bool {
        switch try byte() {
        case CompactTag.trueValue.rawValue: return true
        case CompactTag.falseValue.rawValue: return false
        case let other: throw Self.corrupted("expected a Boolean, found tag \(other)")
        }
    }

    /// Text.
    public mutating func string() throws -> String {
        try expect(.string)
        let n = try length()
        return String(decoding: bytes[take(n)], as: UTF8.self)
    }

    /// A signed integer (written signed, or unsigned and within `Int64`).
    public mutating func integer() throws -> Int64 {
        switch try byte() {
        case CompactTag.signed.rawValue:
            let z = try varint()
            return Int64(bitPattern: (z >> 1) ^ (0 &- (z & 1)))
        case CompactTag.unsigned.rawValue:
            let n = try varint()
            guard let value = Int64(exactly: n) else { throw Self.corrupted("\(n) does not fit Int64") }
            return value
        case let other: throw Self.corrupted("expected an integer, found tag \(other)")
        }
    }

    /// An `Int`.
    public mutating func int() throws -> Int {
        let n = try integer()
        guard let value = Int(exactly: n) else { throw Self.corrupted("\(n) does not fit Int") }
        return value
    }

    /// A `Double` (written as a double, or as an integer).
    public mutating func double() throws -> Double {
        switch try peek() {
        case CompactTag.double.rawValue:
            position += 1
            guard end - position >= 8 else { throw Self.corrupted("truncated double") }
            var bits: UInt64 = 0
            for k in 0..<8 { bits |= UInt64(bytes[position + k]) << (8 * UInt64(k)) }
            position += 8
            return Double(bitPattern: bits)
        case CompactTag.signed.rawValue:
            return Double(try integer())
        case CompactTag.unsigned.rawValue:
            position += 1
            return Double(try varint())
        case let other: throw Self.corrupted("expected a number, found tag \(other)")
        }
    }

    private static let posix = Locale(identifier: "en_US_POSIX")

    /// A `Decimal`, exactly.
    public mutating func decimal() throws -> Decimal {
        try expect(.decimal)
        let n = try length()
        let text = String(decoding: bytes[take(n)], as: UTF8.self)
        guard let value = Decimal(string: text, locale: Self.posix) else { throw Self.corrupted("\(text) is not a decimal") }
        return value
    }

    /// A `Date`, as `Date` decodes itself: seconds since the reference date.
    public mutating func date() throws -> Date { Date(timeIntervalSinceReferenceDate: try double()) }

    /// A well-formed identifier.
    public mutating func id<E>(_ type: ID<E>.Type = ID<E>.self) throws -> ID<E> {
        try expect(.string)
        let n = try length()
        let range = take(n)
        guard n > 0, n <= 64 else { throw Self.corrupted("invalid identifier") }
        for i in range {
            switch bytes[i] {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "-"),
                 UInt8(ascii: "."), UInt8(ascii: ":"):
                continue
            default:
                throw Self.corrupted("invalid identifier")
            }
        }
        return ID(uncheckedRawValue: String(decoding: bytes[range], as: UTF8.self))
    }

    /// A string-backed enumeration's case.
    public mutating func rawValue<R: RawRepresentable>(_ type: R.Type = R.self) throws -> R where R.RawValue == String {
        let text = try string()
        guard let value = R(rawValue: text) else { throw Self.corrupted("\(text) is not a \(R.self)") }
        return value
    }

    /// A nested value that reads itself.
    public mutating func value<T: CompactBodyCodable>(_ type: T.Type = T.self) throws -> T { try T(compactBody: &self) }

    /// An array of identifiers.
    public mutating func ids<E>(_ type: ID<E>.Type = ID<E>.self) throws -> [ID<E>] {
        var n = try unkeyed()
        var out: [ID<E>] = []
        out.reserveCapacity(n)
        while n > 0 {
            out.append(try id())
            n -= 1
        }
        return out
    }

    // MARK: Synthesised enumerations (`{"<case>": {"_0": value}}`)

    /// The case of a synthesised enumeration: the index in `cases` of its one known key
    /// (unknown keys are skipped). Read the payload next (``payloadID(_:)``,
    /// ``emptyPayload()``, or ``payloadStart()`` and a value), then call ``endEnumCase(_:)``.
    public mutating func enumCase(_ cases: CompactBodyKeys) throws -> (index: Int, rest: CompactBodyEntries) {
        var entries = try self.entries(cases)
        guard let index = try entries.next(&self) else { throw Self.corrupted("no case") }
        return (index, entries)
    }

    /// Finishes a synthesised enumeration: throws if another known case key follows.
    public mutating func endEnumCase(_ rest: CompactBodyEntries) throws {
        var rest = rest
        guard try rest.next(&self) == nil else { throw Self.corrupted("more than one case") }
    }

    private static let payloadKeys = CompactBodyKeys(["_0"])

    /// Starts a one-value payload: positioned at its `_0` value afterwards.
    ///
    /// - Throws: `DecodingError` unless the payload is a keyed container whose only known key
    ///   is `_0` as its last entry (other shapes are left to the `Codable` path).
    public mutating func payloadStart() throws {
        var entries = try self.entries(Self.payloadKeys)
        guard try entries.next(&self) != nil, entries.remaining == 0 else { throw Self.corrupted("unexpected case payload") }
    }

    /// The payload of a case without associated values: any keyed container.
    public mutating func emptyPayload() throws {
        var entries = try self.entries(CompactBodyKeys([]))
        _ = try entries.next(&self)
    }

    /// A one-identifier payload.
    public mutating func payloadID<E>(_ type: ID<E>.Type = ID<E>.self) throws -> ID<E> {
        try payloadStart()
        return try id()
    }

    // MARK: Optionals (`decodeIfPresent`: a null reads as nil)

    /// Text, or `nil` for a null.
    public mutating func optionalString() throws -> String? { try null() ? nil : try string() }

    /// An identifier, or `nil` for a null.
    public mutating func optionalID<E>(_ type: ID<E>.Type = ID<E>.self) throws -> ID<E>? { try null() ? nil : try id() }

    /// A date, or `nil` for a null.
    public mutating func optionalDate() throws -> Date? { try null() ? nil : try date() }

    /// A decimal, or `nil` for a null.
    public mutating func optionalDecimal() throws -> Decimal? { try null() ? nil : try decimal() }

    /// A string-backed enumeration's case, or `nil` for a null.
    public mutating func optionalRawValue<R: RawRepresentable>(_ type: R.Type = R.self) throws -> R? where R.RawValue == String {
        try null() ? nil : try rawValue()
    }

    /// A nested value, or `nil` for a null.
    public mutating func optionalValue<T: CompactBodyCodable>(_ type: T.Type = T.self) throws -> T? {
        try null() ? nil : try T(compactBody: &self)
    }
}

/// The names of a keyed container's known keys, for ``CompactBodyReader/entries(_:)``.
public struct CompactBodyKeys: Sendable {
    let names: [[UInt8]]

    /// The keys, in the order the type writes them (at most 64).
    public init(_ names: [StaticString]) {
        self.names = names.map { name in name.withUTF8Buffer { Array($0) } }
    }
}

/// The entries of a keyed container being read: ``next(_:)`` gives the index of each known
/// key in turn (the caller then reads its value) and skips the values of unknown keys.
public struct CompactBodyEntries: Sendable {
    let keys: CompactBodyKeys
    var remaining: Int
    private var expected = 0
    private var seen: UInt64 = 0

    init(keys: CompactBodyKeys, remaining: Int) {
        self.keys = keys
        self.remaining = remaining
    }

    /// The index in the keys of the next known entry, whose value the caller reads next;
    /// `nil` after the last entry.
    ///
    /// - Throws: `DecodingError` for bytes that are not a key, or a key met twice (left to
    ///   the `Codable` path, which keeps the first).
    public mutating func next(_ reader: inout CompactBodyReader) throws -> Int? {
        while remaining > 0 {
            remaining -= 1
            guard let index = try reader.key(in: keys, expected: expected) else {
                try reader.skipValue()
                continue
            }
            let bit: UInt64 = index < 64 ? 1 << UInt64(index) : 0
            guard seen & bit == 0 else { throw CompactBodyReader.corrupted("a key appears twice") }
            seen |= bit
            expected = index + 1
            return index
        }
        return nil
    }
}

/// A key named at run time, for errors.
struct CompactBodyKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}
