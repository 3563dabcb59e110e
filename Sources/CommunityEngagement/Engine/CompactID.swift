import CommunityModel
import Synchronization

/// Short generated ids for the rows every post writes (feed items and ledger entries): a
/// two-letter prefix, `_` and 12 base-32 digits, 15 characters in all, which Swift stores
/// inline in the string (no allocation, and no reference counting when stores copy keys).
///
/// The digits are a process-wide counter, started at a random point and scrambled by a
/// bijection of 60 bits: ids from one process never repeat (for 2⁶⁰ ids), and ids from
/// different processes collide only if their counter ranges overlap (about n / 2⁶⁰).
enum CompactID {
    private static let mask: UInt64 = (1 << 60) - 1
    private static let counter = Atomic<UInt64>(UInt64.random(in: 0...((1 << 60) - 1)))
    private static let key = UInt64.random(in: 0...((1 << 60) - 1))
    private static let digits: [UInt8] = Array("0123456789abcdefghijklmnopqrstuv".utf8)

    /// A fresh id with a two-character prefix, such as `fi_0k3v9q1m7c2d`.
    static func make<E>(prefix: StaticString) -> ID<E> {
        precondition(prefix.utf8CodeUnitCount == 2, "compact ids take a two-character prefix")  // trap-safe: a static literal of our own code
        let n = counter.wrappingAdd(1, ordering: .relaxed).oldValue
        let value = scramble((n &+ key) & mask)
        let text = String(unsafeUninitializedCapacity: 15) { buffer in
            let p = prefix.utf8Start
            buffer[0] = p[0]
            buffer[1] = p[1]
            buffer[2] = UInt8(ascii: "_")
            for i in 0..<12 { buffer[3 + i] = digits[Int((value >> UInt64(55 - 5 * i)) & 31)] }
            return 15
        }
        return ID(text)  // trap-safe: a literal two-character prefix, "_" and 12 base-32 digits
    }

    /// A bijection of 60-bit values (odd multiplications and right xor-shifts, each invertible
    /// modulo 2⁶⁰), so distinct counters give distinct ids.
    static func scramble(_ x: UInt64) -> UInt64 {
        var x = x & mask
        x = (x &* 0x9E37_79B9_7F4A_7C15) & mask
        x ^= x >> 29
        x = (x &* 0xBF58_476D_1CE4_E5B9) & mask
        x ^= x >> 32
        return x
    }
}
