/// The one-byte tags of the compact binary entity encoding (``CompactEncoder``,
/// ``CompactDecoder``). Every value starts with its tag; lengths and counts are unsigned
/// LEB128 varints; signed integers are zigzag varints; doubles are their 8 bytes, little endian.
enum CompactTag: UInt8 {
    case null = 0
    case falseValue = 1
    case trueValue = 2
    /// A signed integer, zigzag varint.
    case signed = 3
    /// An unsigned integer, varint.
    case unsigned = 4
    /// A `Double` (or `Float`), its IEEE bit pattern in 8 little-endian bytes.
    case double = 5
    /// UTF-8 text: a varint byte count, then the bytes.
    case string = 6
    /// A keyed container: a varint entry count, then each entry's key (as a string without
    /// its tag) followed by its value.
    case keyed = 7
    /// An unkeyed container: a varint count, then the values.
    case unkeyed = 8
    /// Raw bytes (`Data`): a varint byte count, then the bytes.
    case bytes = 9
    /// A `Decimal`, exactly: its `description` as a string (a varint byte count, then UTF-8).
    case decimal = 10
}
