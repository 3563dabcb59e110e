/// A sum of doubles with its rounding error kept beside it (Neumaier's compensated summation):
/// adding values and taking them out again in any order gives the sum a walk in listing order
/// gives, to far better than ``ReportAggregates/agrees(with:)``'s 10⁻⁹.
struct CompensatedSum: Sendable {
    private(set) var high = 0.0
    private(set) var low = 0.0

    mutating func add(_ x: Double) {
        let s = high + x
        if abs(high) >= abs(x) {
            low += (high - s) + x
        } else {
            low += (x - s) + high
        }
        high = s
    }

    mutating func add(_ other: CompensatedSum) {
        add(other.high)
        low += other.low
    }

    /// Whether the sum is still a finite number (not overflowed).
    var isFinite: Bool { high.isFinite && low.isFinite }

    /// The sum.
    var value: Double { high + low }
}
