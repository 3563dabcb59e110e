import CCrypto

/// Little-endian integers, varints and length-prefixed strings, written to a byte array.
struct SnapshotWriter {
    var bytes: [UInt8] = []

    mutating func fixed(_ value: UInt64) {
        for shift in stride(from: 0, to: 64, by: 8) { bytes.append(UInt8(truncatingIfNeeded: value >> UInt64(shift))) }
    }

    mutating func varint(_ value: UInt64) {
        var v = value
        while v >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: v) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(truncatingIfNeeded: v))
    }

    mutating func count(_ value: Int) { varint(UInt64(clamping: value)) }

    mutating func string(_ text: String) {
        count(text.utf8.count)
        bytes.append(contentsOf: text.utf8)
    }

    mutating func double(_ value: Double) { fixed(value.bitPattern) }

    mutating func strings(_ list: [String]) {
        count(list.count)
        for s in list { string(s) }
    }
}

/// Reads what ``SnapshotWriter`` wrote, checking every length against the end.
struct SnapshotReader {
    let bytes: [UInt8]
    var at: Int
    let end: Int

    mutating func fixed() throws(SearchIndexSnapshotError) -> UInt64 {
        guard end - at >= 8 else { throw .truncated }
        var v: UInt64 = 0
        for k in 0..<8 { v |= UInt64(bytes[at + k]) << UInt64(8 * k) }
        at += 8
        return v
    }

    mutating func varint() throws(SearchIndexSnapshotError) -> UInt64 {
        var v: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard at < end else { throw .truncated }
            let b = bytes[at]
            at += 1
            guard shift < 64 else { throw .malformed("a number is longer than 64 bits") }
            v |= UInt64(b & 0x7F) << shift
            if b < 0x80 { return v }
            shift += 7
        }
    }

    /// A count that cannot exceed the bytes left (every counted item takes at least one byte).
    mutating func count() throws(SearchIndexSnapshotError) -> Int {
        let v = try varint()
        guard v <= UInt64(end - at) else { throw .truncated }
        return Int(v)
    }

    mutating func string() throws(SearchIndexSnapshotError) -> String {
        let n = try count()
        let s = String(decoding: bytes[at..<at + n], as: UTF8.self)
        at += n
        return s
    }

    mutating func double() throws(SearchIndexSnapshotError) -> Double { Double(bitPattern: try fixed()) }

    mutating func strings() throws(SearchIndexSnapshotError) -> [String] {
        let n = try count()
        var out: [String] = []
        out.reserveCapacity(n)
        for _ in 0..<n { out.append(try string()) }
        return out
    }
}

/// SHA-256 through libcrypto.
enum SnapshotDigest {
    static let length = 32

    static func sha256(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        var digest = [UInt8](repeating: 0, count: length)
        bytes.withUnsafeBufferPointer { input in
            digest.withUnsafeMutableBufferPointer { out in
                _ = SHA256(input.baseAddress, input.count, out.baseAddress)
            }
        }
        return digest
    }
}
