public import CommunityTesting

/// The workload's random numbers: `CommunityTesting`'s ``CommunityTesting/SeededRandom``
/// (SplitMix64, the same sequence for a seed on every platform and every run), with the
/// sampling helpers the generator uses.
public typealias SeededRandom = CommunityTesting.SeededRandom

extension CommunityTesting.SeededRandom {
    /// Seeds the generator from text (FNV-1a of its UTF-8 bytes), such as `"large:1"`.
    public init(text: String) {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        self.init(seed: hash)
    }

    /// A uniform double in [0, 1).
    public mutating func unit() -> Double { Double(next() >> 11) * 0x1.0p-53 }

    /// A uniform integer in `range`.
    public mutating func int(in range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &self) }

    /// A uniform index below `count` (which must be positive).
    public mutating func index(_ count: Int) -> Int { Int.random(in: 0..<count, using: &self) }

    /// A uniform element of a non-empty array.
    public mutating func pick<T>(_ items: [T]) -> T { items[index(items.count)] }

    /// `count` distinct elements of `items`, in a random order.
    public mutating func sample<T>(_ items: [T], _ count: Int) -> [T] {
        var pool = items
        let k = min(count, pool.count)
        for i in 0..<k { pool.swapAt(i, i + index(pool.count - i)) }
        return Array(pool[0..<k])
    }

    /// Shuffles in place (Fisher–Yates with this generator).
    public mutating func shuffle<T>(_ items: inout [T]) {
        guard items.count > 1 else { return }
        for i in stride(from: items.count - 1, to: 0, by: -1) { items.swapAt(i, index(i + 1)) }
    }
}
