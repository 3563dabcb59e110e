/// Appends the primitive values of the checkpoint format: fixed-width little-endian
/// integers and length-prefixed (varint) byte strings.
struct CheckpointWriter {
    var bytes: [UInt8] = []

    mutating func u8(_ v: UInt8) { bytes.append(v) }

    mutating func u16(_ v: UInt16) {
        bytes.append(UInt8(truncatingIfNeeded: v))
        bytes.append(UInt8(truncatingIfNeeded: v >> 8))
    }

    mutating func u32(_ v: UInt32) {
        for k in 0..<4 { bytes.append(UInt8(truncatingIfNeeded: v >> (8 * UInt32(k)))) }
    }

    mutating func i32(_ v: Int32) { u32(UInt32(bitPattern: v)) }

    mutating func u64(_ v: UInt64) {
        for k in 0..<8 { bytes.append(UInt8(truncatingIfNeeded: v >> (8 * UInt64(k)))) }
    }

    mutating func varint(_ value: Int) {
        var v = UInt64(clamping: value)
        while v >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: v) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(truncatingIfNeeded: v))
    }

    mutating func data(_ b: [UInt8]) {
        varint(b.count)
        bytes += b
    }

    mutating func string(_ s: String) {
        varint(s.utf8.count)
        bytes += s.utf8
    }

    mutating func u32s(_ list: some Collection<UInt32>) {
        varint(list.count)
        for v in list { u32(v) }
    }
}

/// Reads what ``CheckpointWriter`` wrote, with every read bounds-checked: running past
/// `end` is ``AccessCheckpointError/truncated``, never a trap.
struct CheckpointReader {
    let bytes: [UInt8]
    var at: Int
    let end: Int

    init(_ bytes: [UInt8], from start: Int, to end: Int) {
        self.bytes = bytes
        self.at = start
        self.end = min(end, bytes.count)
    }

    private mutating func take(_ n: Int) throws(AccessCheckpointError) -> Int {
        guard n >= 0, n <= end - at else { throw .truncated }
        let start = at
        at += n
        return start
    }

    mutating func u8() throws(AccessCheckpointError) -> UInt8 { bytes[try take(1)] }

    mutating func u16() throws(AccessCheckpointError) -> UInt16 {
        let s = try take(2)
        return UInt16(bytes[s]) | UInt16(bytes[s + 1]) << 8
    }

    mutating func u32() throws(AccessCheckpointError) -> UInt32 {
        let s = try take(4)
        return UInt32(bytes[s]) | UInt32(bytes[s + 1]) << 8 | UInt32(bytes[s + 2]) << 16 | UInt32(bytes[s + 3]) << 24
    }

    mutating func i32() throws(AccessCheckpointError) -> Int32 { Int32(bitPattern: try u32()) }

    mutating func u64() throws(AccessCheckpointError) -> UInt64 {
        let s = try take(8)
        var v: UInt64 = 0
        for k in 0..<8 { v |= UInt64(bytes[s + k]) << (8 * UInt64(k)) }
        return v
    }

    /// A count or length: at most what the remaining bytes could hold, so a damaged count
    /// cannot make the reader reserve absurd amounts of memory.
    mutating func varint() throws(AccessCheckpointError) -> Int {
        var v: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard shift < 63 else { throw .truncated }
            let b = try u8()
            v |= UInt64(b & 0x7F) << shift
            if b & 0x80 == 0 { break }
            shift += 7
        }
        guard v <= UInt64(end - at) else { throw .truncated }
        return Int(v)
    }

    /// A length-prefixed byte string, as the range it occupies in ``bytes``.
    mutating func span() throws(AccessCheckpointError) -> Range<Int> {
        let n = try varint()
        let s = try take(n)
        return s..<s + n
    }

    mutating func string() throws(AccessCheckpointError) -> String {
        String(decoding: bytes[try span()], as: UTF8.self)
    }

    mutating func u32s() throws(AccessCheckpointError) -> [UInt32] {
        let n = try varint()
        guard n <= (end - at) / 4 else { throw .truncated }
        var out: [UInt32] = []
        out.reserveCapacity(n)
        for _ in 0..<n { out.append(try u32()) }
        return out
    }
}
