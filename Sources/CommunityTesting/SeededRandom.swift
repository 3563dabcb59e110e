/// A seeded pseudo-random generator (SplitMix64) for property and differential tests: the
/// same seed gives the same sequence on every machine and every run, so a failing case can
/// be replayed from the seed a test prints. Not for anything secret.
///
/// ```swift
/// var random = SeededRandom(seed: 42)
/// let n = Int.random(in: 0..<10, using: &random)
/// let word = random.pick(["a", "b"], or: "a")
/// ```
public struct SeededRandom: RandomNumberGenerator, Sendable {
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

    /// A number in `0..<bound` (0 when `bound` is not positive).
    public mutating func below(_ bound: Int) -> Int {
        bound > 0 ? Int(next() % UInt64(bound)) : 0
    }

    /// A random element of `items`, or `fallback` when `items` is empty.
    public mutating func pick<T>(_ items: [T], or fallback: T) -> T {
        items.isEmpty ? fallback : items[below(items.count)]
    }

    /// True with probability `1/n` (always when `n` is 1 or less).
    public mutating func oneIn(_ n: Int) -> Bool { below(n) == 0 }

    /// True in about `percent` out of 100 calls.
    public mutating func chance(percent: Int) -> Bool { below(100) < percent }
}
