import Foundation

/// Decodes values that ``CompactEncoder`` wrote. Malformed input (truncated, a wrong tag,
/// an out-of-range number, nesting deeper than 256) throws `DecodingError`; it never traps.
public struct CompactDecoder: Sendable {
    /// A decoder.
    public init() {}

    /// Decodes a `T` from `bytes[start...]`, which must hold exactly one value.
    ///
    /// - Throws: `DecodingError` when the bytes are not a compact encoding of a `T`.
    public func decode<T: Decodable>(_ type: T.Type, from bytes: [UInt8], startingAt start: Int = 0) throws -> T {
        try decode(T.self, from: bytes, range: start..<bytes.count)
    }

    /// Decodes a `T` from `bytes[range]`, which must hold exactly one value (for values
    /// packed into a larger buffer, decoded without copying them out).
    ///
    /// - Throws: `DecodingError` when the bytes are not a compact encoding of a `T`.
    public func decode<T: Decodable>(_ type: T.Type, from bytes: [UInt8], range: Range<Int>) throws -> T {
        guard range.lowerBound >= 0, range.upperBound <= bytes.count else {
            throw DecodingError.dataCorrupted(DecodingError.Context(codingPath: [], debugDescription: "range outside the bytes"))
        }
        // The decoders read through the array's buffer, so that passing them around costs no
        // reference counting; none of them outlives this call.
        return try bytes.withUnsafeBufferPointer { buffer in
            let input = CompactInput(bytes: buffer)
            let end = try input.skip(range.lowerBound, depth: 0)
            guard end == range.upperBound else {
                throw DecodingError.dataCorrupted(
                    DecodingError.Context(codingPath: [], debugDescription: "the value ends at \(end), not at \(range.upperBound)"))
            }
            return try CompactDecoding(input: input, offset: range.lowerBound, codingPath: []).decodeValue(T.self)
        }
    }
}

/// The bytes being decoded and the primitive reads over them; every read checks bounds
/// (the buffer is valid only during ``CompactDecoder/decode(_:from:range:)``).
struct CompactInput {
    let bytes: UnsafeBufferPointer<UInt8>
    static let maximumDepth = 256

    func failure(_ message: String, _ path: @autoclosure () -> [any CodingKey] = []) -> DecodingError {
        .dataCorrupted(DecodingError.Context(codingPath: path(), debugDescription: message))
    }

    func byte(_ at: Int) throws -> UInt8 {
        guard at >= 0, at < bytes.count else { throw failure("truncated at byte \(at)") }
        return bytes[at]
    }

    func tag(_ at: Int) throws -> CompactTag {
        let raw = try byte(at)
        guard let tag = CompactTag(rawValue: raw) else { throw failure("unknown tag \(raw) at byte \(at)") }
        return tag
    }

    /// A varint at `at`: its value and the offset after it.
    func varint(_ at: Int) throws -> (UInt64, Int) {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        var i = at
        while true {
            let b = try byte(i)
            i += 1
            guard shift < 64, shift < 63 || b & 0x7E == 0 else { throw failure("varint too long at byte \(at)") }
            result |= UInt64(b & 0x7F) << shift
            if b & 0x80 == 0 { return (result, i) }
            shift += 7
        }
    }

    /// A length or count at `at` that fits the remaining input: its value and the offset after it.
    func length(_ at: Int) throws -> (Int, Int) {
        let (n, next) = try varint(at)
        guard n <= UInt64(bytes.count - min(next, bytes.count)) else { throw failure("length \(n) at byte \(at) runs past the end") }
        return (Int(n), next)
    }

    /// The offset just after the value at `at`.
    func skip(_ at: Int, depth: Int) throws -> Int {
        guard depth < Self.maximumDepth else { throw failure("nesting deeper than \(Self.maximumDepth)") }
        switch try tag(at) {
        case .null, .falseValue, .trueValue: return at + 1
        case .signed, .unsigned: return try varint(at + 1).1
        case .double:
            guard at + 9 <= bytes.count else { throw failure("truncated double at byte \(at)") }
            return at + 9
        case .string, .bytes, .decimal:
            let (n, next) = try length(at + 1)
            return next + n
        case .keyed:
            var (n, next) = try length(at + 1)
            while n > 0 {
                let (k, afterCount) = try length(next)
                next = try skip(afterCount + k, depth: depth + 1)
                n -= 1
            }
            return next
        case .unkeyed:
            var (n, next) = try length(at + 1)
            while n > 0 {
                next = try skip(next, depth: depth + 1)
                n -= 1
            }
            return next
        }
    }

    func string(_ at: Int, _ path: @autoclosure () -> [any CodingKey]) throws -> String {
        guard try tag(at) == .string else { throw mismatch(String.self, at, path()) }
        let (n, start) = try length(at + 1)
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<start + n]), as: UTF8.self)
    }

    func mismatch(_ type: Any.Type, _ at: Int, _ path: @autoclosure () -> [any CodingKey]) -> DecodingError {
        let found = (try? tag(at)).map { "\($0)" } ?? "nothing"
        return .typeMismatch(type, DecodingError.Context(codingPath: path(), debugDescription: "expected \(type), found \(found)"))
    }

    func signed(_ at: Int, _ path: @autoclosure () -> [any CodingKey]) throws -> Int64 {
        switch try tag(at) {
        case .signed:
            let z = try varint(at + 1).0
            return Int64(bitPattern: (z >> 1) ^ (0 &- (z & 1)))
        case .unsigned:
            let n = try varint(at + 1).0
            guard let value = Int64(exactly: n) else { throw failure("\(n) does not fit Int64", path()) }
            return value
        default: throw mismatch(Int64.self, at, path())
        }
    }

    func unsigned(_ at: Int, _ path: @autoclosure () -> [any CodingKey]) throws -> UInt64 {
        switch try tag(at) {
        case .unsigned: return try varint(at + 1).0
        case .signed:
            let n = try signed(at, path())
            guard let value = UInt64(exactly: n) else { throw failure("\(n) is negative", path()) }
            return value
        default: throw mismatch(UInt64.self, at, path())
        }
    }

    func double(_ at: Int, _ path: @autoclosure () -> [any CodingKey]) throws -> Double {
        switch try tag(at) {
        case .double:
            guard at + 9 <= bytes.count else { throw failure("truncated double at byte \(at)", path()) }
            var bits: UInt64 = 0
            for k in 0..<8 { bits |= UInt64(bytes[at + 1 + k]) << (8 * UInt64(k)) }
            return Double(bitPattern: bits)
        case .signed: return Double(try signed(at, path()))
        case .unsigned: return Double(try unsigned(at, path()))
        default: throw mismatch(Double.self, at, path())
        }
    }

    func bool(_ at: Int, _ path: @autoclosure () -> [any CodingKey]) throws -> Bool {
        switch try tag(at) {
        case .trueValue: return true
        case .falseValue: return false
        default: throw mismatch(Bool.self, at, path())
        }
    }

    func integer<T: FixedWidthInteger>(_ type: T.Type, _ at: Int, _ path: @autoclosure () -> [any CodingKey]) throws -> T {
        if T.isSigned {
            let n = try signed(at, path())
            guard let value = T(exactly: n) else { throw failure("\(n) does not fit \(T.self)", path()) }
            return value
        }
        let n = try unsigned(at, path())
        guard let value = T(exactly: n) else { throw failure("\(n) does not fit \(T.self)", path()) }
        return value
    }
}

/// The `Decoder` for the value at one offset.
struct CompactDecoding: Decoder {
    static let posix = Locale(identifier: "en_US_POSIX")
    let input: CompactInput
    let offset: Int
    /// The path to the container holding this value; with `key`, the value's own path.
    /// Kept apart so that decoding a field builds no path array unless it fails.
    let parentPath: [any CodingKey]
    let key: (any CodingKey)?
    var codingPath: [any CodingKey] { key.map { parentPath + [$0] } ?? parentPath }

    init(input: CompactInput, offset: Int, codingPath: [any CodingKey]) {
        self.input = input
        self.offset = offset
        parentPath = codingPath
        key = nil
    }

    init(input: CompactInput, offset: Int, parentPath: [any CodingKey], key: any CodingKey) {
        self.input = input
        self.offset = offset
        self.parentPath = parentPath
        self.key = key
    }

    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func decodeValue<T: Decodable>(_ type: T.Type) throws -> T {
        if T.self == String.self, let s = try input.string(offset, codingPath) as? T { return s }
        if T.self == Decimal.self {
            guard try input.tag(offset) == .decimal else { throw input.mismatch(Decimal.self, offset, codingPath) }
            let (n, start) = try input.length(offset + 1)
            let text = String(decoding: UnsafeBufferPointer(rebasing: input.bytes[start..<start + n]), as: UTF8.self)
            guard let value = Decimal(string: text, locale: Self.posix), let decimal = value as? T else {
                throw input.failure("\(text) is not a decimal", codingPath)
            }
            return decimal
        }
        if T.self == Data.self {
            guard try input.tag(offset) == .bytes else { throw input.mismatch(Data.self, offset, codingPath) }
            let (n, start) = try input.length(offset + 1)
            if let data = Data(UnsafeBufferPointer(rebasing: input.bytes[start..<start + n])) as? T { return data }
        }
        return try T(from: self)
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        KeyedDecodingContainer(try CompactKeyedDecoding<Key>(decoder: self))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer { try CompactUnkeyedDecoding(decoder: self) }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { CompactSingleDecoding(decoder: self) }
}

struct CompactKeyedDecoding<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let decoder: CompactDecoding
    /// Per entry: where its key's UTF-8 starts, its length, and where its value starts.
    private let entries: [(key: Int, length: Int, value: Int)]
    let codingPath: [any CodingKey]
    private var input: CompactInput { decoder.input }

    init(decoder: CompactDecoding) throws {
        self.decoder = decoder
        codingPath = decoder.codingPath
        let input = decoder.input
        guard try input.tag(decoder.offset) == .keyed else {
            throw input.mismatch([String: Any].self, decoder.offset, decoder.codingPath)
        }
        var (n, next) = try input.length(decoder.offset + 1)
        var entries: [(key: Int, length: Int, value: Int)] = []
        entries.reserveCapacity(n)
        while n > 0 {
            let (k, keyStart) = try input.length(next)
            entries.append((keyStart, k, keyStart + k))
            next = try input.skip(keyStart + k, depth: 0)
            n -= 1
        }
        self.entries = entries
    }

    var allKeys: [Key] {
        entries.compactMap { Key(stringValue: String(decoding: UnsafeBufferPointer(rebasing: input.bytes[$0.key..<$0.key + $0.length]), as: UTF8.self)) }
    }

    private func find(_ key: Key) -> Int? {
        var name = key.stringValue
        return name.withUTF8 { utf8 -> Int? in
            let bytes = input.bytes
            for entry in entries where entry.length == utf8.count {
                var equal = true
                for k in 0..<entry.length where bytes[entry.key + k] != utf8[k] {
                    equal = false
                    break
                }
                if equal { return entry.value }
            }
            return nil
        }
    }

    private func value(_ key: Key) throws -> Int {
        guard let at = find(key) else {
            throw DecodingError.keyNotFound(key, DecodingError.Context(codingPath: codingPath, debugDescription: "no value for \(key.stringValue)"))
        }
        return at
    }

    func contains(_ key: Key) -> Bool { find(key) != nil }

    func decodeNil(forKey key: Key) throws -> Bool { try input.tag(try value(key)) == .null }
    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try input.bool(try value(key), codingPath + [key]) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try input.string(try value(key), codingPath + [key]) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try input.double(try value(key), codingPath + [key]) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { Float(try input.double(try value(key), codingPath + [key])) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try input.integer(Int.self, try value(key), codingPath + [key]) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try input.integer(Int8.self, try value(key), codingPath + [key]) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try input.integer(Int16.self, try value(key), codingPath + [key]) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try input.integer(Int32.self, try value(key), codingPath + [key]) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try input.integer(Int64.self, try value(key), codingPath + [key]) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try input.integer(UInt.self, try value(key), codingPath + [key]) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try input.integer(UInt8.self, try value(key), codingPath + [key]) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try input.integer(UInt16.self, try value(key), codingPath + [key]) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try input.integer(UInt32.self, try value(key), codingPath + [key]) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try input.integer(UInt64.self, try value(key), codingPath + [key]) }
    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        try CompactDecoding(input: input, offset: try value(key), parentPath: codingPath, key: key).decodeValue(T.self)
    }

    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        guard let at = find(key), try input.tag(at) != .null else { return nil }
        return try CompactDecoding(input: input, offset: at, parentPath: codingPath, key: key).decodeValue(T.self)
    }

    func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? {
        guard let at = find(key), try input.tag(at) != .null else { return nil }
        return try input.string(at, codingPath + [key])
    }

    func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? {
        guard let at = find(key), try input.tag(at) != .null else { return nil }
        return try input.bool(at, codingPath + [key])
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        try CompactDecoding(input: input, offset: try value(key), parentPath: codingPath, key: key).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try CompactDecoding(input: input, offset: try value(key), parentPath: codingPath, key: key).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder { try superDecoder(named: "super") }

    func superDecoder(forKey key: Key) throws -> any Decoder { try superDecoder(named: key.stringValue) }

    private func superDecoder(named name: String) throws -> any Decoder {
        guard let at = find(named: name) else {
            throw DecodingError.dataCorrupted(DecodingError.Context(codingPath: codingPath, debugDescription: "no value for \(name)"))
        }
        return CompactDecoding(input: input, offset: at, codingPath: codingPath)
    }

    private func find(named name: String) -> Int? {
        entries.first { String(decoding: UnsafeBufferPointer(rebasing: input.bytes[$0.key..<$0.key + $0.length]), as: UTF8.self) == name }?.value
    }
}

struct CompactUnkeyedDecoding: UnkeyedDecodingContainer {
    let decoder: CompactDecoding
    let count: Int?
    var currentIndex = 0
    private var position: Int
    let codingPath: [any CodingKey]
    var isAtEnd: Bool { currentIndex >= (count ?? 0) }
    private var input: CompactInput { decoder.input }

    init(decoder: CompactDecoding) throws {
        self.decoder = decoder
        codingPath = decoder.codingPath
        guard try decoder.input.tag(decoder.offset) == .unkeyed else {
            throw decoder.input.mismatch([Any].self, decoder.offset, decoder.codingPath)
        }
        let (n, next) = try decoder.input.length(decoder.offset + 1)
        count = n
        position = next
    }

    private mutating func advance() throws -> Int {
        guard !isAtEnd else {
            throw DecodingError.valueNotFound(
                Any.self, DecodingError.Context(codingPath: codingPath, debugDescription: "no element \(currentIndex)"))
        }
        let at = position
        position = try input.skip(at, depth: 0)
        currentIndex += 1
        return at
    }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd, try input.tag(position) == .null else { return false }
        _ = try advance()
        return true
    }

    mutating func decode(_ type: Bool.Type) throws -> Bool { try input.bool(try advance(), codingPath) }
    mutating func decode(_ type: String.Type) throws -> String { try input.string(try advance(), codingPath) }
    mutating func decode(_ type: Double.Type) throws -> Double { try input.double(try advance(), codingPath) }
    mutating func decode(_ type: Float.Type) throws -> Float { Float(try input.double(try advance(), codingPath)) }
    mutating func decode(_ type: Int.Type) throws -> Int { try input.integer(Int.self, try advance(), codingPath) }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { try input.integer(Int8.self, try advance(), codingPath) }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { try input.integer(Int16.self, try advance(), codingPath) }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { try input.integer(Int32.self, try advance(), codingPath) }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { try input.integer(Int64.self, try advance(), codingPath) }
    mutating func decode(_ type: UInt.Type) throws -> UInt { try input.integer(UInt.self, try advance(), codingPath) }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try input.integer(UInt8.self, try advance(), codingPath) }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try input.integer(UInt16.self, try advance(), codingPath) }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try input.integer(UInt32.self, try advance(), codingPath) }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try input.integer(UInt64.self, try advance(), codingPath) }
    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        let at = try advance()
        return try CompactDecoding(input: input, offset: at, codingPath: codingPath).decodeValue(T.self)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        try CompactDecoding(input: input, offset: try advance(), codingPath: codingPath).container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        try CompactDecoding(input: input, offset: try advance(), codingPath: codingPath).unkeyedContainer()
    }

    mutating func superDecoder() throws -> any Decoder {
        CompactDecoding(input: input, offset: try advance(), codingPath: codingPath)
    }
}

struct CompactSingleDecoding: SingleValueDecodingContainer {
    let decoder: CompactDecoding
    var codingPath: [any CodingKey] { decoder.codingPath }
    private var input: CompactInput { decoder.input }
    private var at: Int { decoder.offset }

    func decodeNil() -> Bool { (try? input.tag(at)) == .null }
    func decode(_ type: Bool.Type) throws -> Bool { try input.bool(at, codingPath) }
    func decode(_ type: String.Type) throws -> String { try input.string(at, codingPath) }
    func decode(_ type: Double.Type) throws -> Double { try input.double(at, codingPath) }
    func decode(_ type: Float.Type) throws -> Float { Float(try input.double(at, codingPath)) }
    func decode(_ type: Int.Type) throws -> Int { try input.integer(Int.self, at, codingPath) }
    func decode(_ type: Int8.Type) throws -> Int8 { try input.integer(Int8.self, at, codingPath) }
    func decode(_ type: Int16.Type) throws -> Int16 { try input.integer(Int16.self, at, codingPath) }
    func decode(_ type: Int32.Type) throws -> Int32 { try input.integer(Int32.self, at, codingPath) }
    func decode(_ type: Int64.Type) throws -> Int64 { try input.integer(Int64.self, at, codingPath) }
    func decode(_ type: UInt.Type) throws -> UInt { try input.integer(UInt.self, at, codingPath) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try input.integer(UInt8.self, at, codingPath) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try input.integer(UInt16.self, at, codingPath) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try input.integer(UInt32.self, at, codingPath) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try input.integer(UInt64.self, at, codingPath) }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try decoder.decodeValue(T.self) }
}
