public import CommunityModel

/// Deterministic ids for rows keyed by other values (one vote per member and article, one
/// slug per locale and text), so uniqueness is the store's insert-if-absent.
public enum StableID {
    /// FNV-1a 64-bit hash of the parts, separated so ("ab","c") ≠ ("a","bc").
    public static func hash(_ parts: [String]) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for part in parts {
            for byte in part.utf8 {
                h ^= UInt64(byte)
                h = h &* 0x100_0000_01b3
            }
            h ^= 0x1F
            h = h &* 0x100_0000_01b3
        }
        return h
    }

    /// An id `prefix_<16 hex digits>` for the parts (the prefix keeps at most its first 40
    /// identifier characters).
    public static func make<E>(_ prefix: String, _ parts: String...) -> ID<E> {
        let hex = String(hash(parts), radix: 16)
        let safePrefix = String(prefix.filter { ID<E>.isValid(String($0)) }.prefix(40))
        return ID("\(safePrefix)_\(String(repeating: "0", count: 16 - hex.count))\(hex)")  // trap-safe: ≤ 40 identifier characters, "_" and 16 hex digits
    }
}
