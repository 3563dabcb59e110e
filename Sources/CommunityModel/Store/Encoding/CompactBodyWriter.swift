public import Foundation

/// The buffer a ``CompactBodyCodable`` value writes its compact body into: the same tags,
/// varints and layout as ``CompactEncoder`` (see `CompactTag`), written directly.
///
/// A keyed container is its entry count (``keyed(count:)``) followed by each entry's
/// ``key(_:)-(StaticString)`` and value; an unkeyed container is its count
/// (``unkeyed(count:)``) followed by the values.
public struct CompactBodyWriter: Sendable {
    /// The bytes written so far.
    public private(set) var bytes: [UInt8] = []

    /// An empty writer with room for `capacity` bytes.
    public init(capacity: Int = 256) {
        bytes.reserveCapacity(capacity)
    }

    mutating func byte(_ value: UInt8) { bytes.append(value) }

    private mutating func tag(_ tag: CompactTag) { bytes.append(tag.rawValue) }

    private mutating func varint(_ value: UInt64) {
        var v = value
        while v >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: v) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(truncatingIfNeeded: v))
    }

    private mutating func text(_ s: String) {
        var s = s
        s.withUTF8 { utf8 in
            varint(UInt64(utf8.count))
            bytes.append(contentsOf: utf8)
        }
    }

    /// Starts a keyed container of `count` entries.
    public mutating func keyed(count: Int) {
        tag(.keyed)
        varint(UInt64(count))
    }

    /// Starts an unkeyed container of `count` values.
    public mutating func unkeyed(count: Int) {
        tag(.unkeyed)
        varint(UInt64(count))
    }

    /// The key of the next entry of a keyed container.
    public mutating func key(_ name: StaticString) {
        name.withUTF8Buffer { utf8 in
            varint(UInt64(utf8.count))
            bytes.append(contentsOf: utf8)
        }
    }

    /// The key of the next entry of a keyed container, from a run-time name.
    public mutating func key(_ name: String) { text(name) }

    /// A null (`encodeNil`).
    public mutating func null() { tag(.null) }

    /// A Boolean.
    public mutating func bool(_ value: Bool) { tag(value ? .trueValue : .falseValue) }

    /// Text.
    public mutating func string(_ value: String) {
        tag(.string)
        text(value)
    }

    /// A signed integer (`Int`, `Int64` and smaller signed types encode this way).
    public mutating func integer(_ value: Int64) {
        tag(.signed)
        varint(UInt64(bitPattern: (value << 1) ^ (value >> 63)))
    }

    /// An unsigned integer (`UInt`, `UInt64` and smaller unsigned types encode this way).
    public mutating func unsignedInteger(_ value: UInt64) {
        tag(.unsigned)
        varint(value)
    }

    /// A `Double`, its bit pattern.
    public mutating func double(_ value: Double) {
        tag(.double)
        var bits = value.bitPattern
        for _ in 0..<8 {
            bytes.append(UInt8(truncatingIfNeeded: bits))
            bits >>= 8
        }
    }

    /// A `Decimal`, exactly (its description).
    public mutating func decimal(_ value: Decimal) {
        tag(.decimal)
        text(value.description)
    }

    /// A `Date`, as `Date` encodes itself: its seconds since the reference date.
    public mutating func date(_ value: Date) { double(value.timeIntervalSinceReferenceDate) }

    /// An identifier: its string form.
    public mutating func id<E>(_ value: ID<E>) { string(value.rawValue) }

    /// A string-backed enumeration: its raw value.
    public mutating func rawValue<R: RawRepresentable>(_ value: R) where R.RawValue == String { string(value.rawValue) }

    /// A nested value that writes itself.
    public mutating func value<T: CompactBodyCodable>(_ value: T) { value.writeCompactBody(to: &self) }

    /// The start of a synthesised enumeration case: `{"<case>": ` (its payload follows:
    /// ``payloadKey()`` and the value, or ``emptyPayload()``).
    public mutating func enumCase(_ name: StaticString) {
        keyed(count: 1)
        key(name)
    }

    /// The start of a one-value case payload: `{"_0": ` (the value follows).
    public mutating func payloadKey() {
        keyed(count: 1)
        key("_0")
    }

    /// The payload of a case without associated values: `{}`.
    public mutating func emptyPayload() { keyed(count: 0) }

    /// An array of identifiers, as `Array` encodes itself.
    public mutating func ids<E>(_ values: [ID<E>]) {
        unkeyed(count: values.count)
        for value in values { string(value.rawValue) }
    }
}
