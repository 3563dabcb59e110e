import CommunityModel

/// Deterministic ids for entities that exist once per pair (a membership, a vote, a join
/// request), so a second insert conflicts instead of duplicating.
enum StableID {
    /// `prefix_` followed by a 64-bit FNV-1a hash of the parts, in hex, plus a second hash:
    /// short enough for the id alphabet and length whatever the parts are.
    static func make<E>(prefix: String, _ parts: String...) -> ID<E> {
        let joined = parts.joined(separator: "\u{1F}")
        var h1: UInt64 = 0xcbf2_9ce4_8422_2325
        var h2: UInt64 = 0x8422_2325_cbf2_9ce4
        for b in joined.utf8 {
            h1 = (h1 ^ UInt64(b)) &* 0x100_0000_01b3
            h2 = (h2 &+ UInt64(b)) &* 0x9E37_79B9_7F4A_7C15
            h2 ^= h2 >> 29
        }
        let a = String(h1, radix: 16), b = String(h2, radix: 16)
        return ID("\(prefix)_\(String(repeating: "0", count: 16 - a.count))\(a)\(String(repeating: "0", count: 16 - b.count))\(b)")  // trap-safe: internal; callers pass short literal prefixes, the rest is 32 hex digits
    }
}
