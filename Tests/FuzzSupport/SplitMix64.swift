/// A small seeded pseudo-random generator (SplitMix64), so a fuzz run is the same on every
/// machine for the same seed. Not for anything secret.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// A generator starting from `seed`.
    public init(seed: UInt64) { state = seed }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A random element of a non-empty array (the first one's stand-in for an empty array is `fallback`).
    public mutating func pick<T>(_ items: [T], or fallback: T) -> T {
        items.isEmpty ? fallback : items[Int(next() % UInt64(items.count))]
    }

    /// A number in `0..<bound` (0 when `bound` is not positive).
    public mutating func below(_ bound: Int) -> Int {
        bound > 0 ? Int(next() % UInt64(bound)) : 0
    }

    /// True with probability `1/n`.
    public mutating func oneIn(_ n: Int) -> Bool { below(n) == 0 }
}
