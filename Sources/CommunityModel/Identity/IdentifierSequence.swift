import Synchronization

/// A seeded, repeatable source for ``ID/generate(prefix:)``, for demonstrations and tests that
/// must name the records they create (the same seed and the same calls give the same ids).
/// Never use it for ids that must be unguessable: production code leaves it unset and gets
/// 80 bits from the system's cryptographic generator.
///
/// ```swift
/// try IdentifierSequence.$current.withValue(IdentifierSequence(seed: 2026)) {
///     try runScenario()     // every ID.generate on this task or thread is repeatable
/// }
/// ```
public final class IdentifierSequence: Sendable {
    /// The sequence in effect for the current task or thread; `nil` (the default) means random ids.
    @TaskLocal public static var current: IdentifierSequence?

    private let state: Mutex<UInt64>

    /// A sequence starting from `seed`.
    public init(seed: UInt64) { state = Mutex(seed) }

    /// The next two words (SplitMix64).
    func nextPair() -> (UInt64, UInt64) {
        state.withLock { state in (Self.next(&state), Self.next(&state)) }
    }

    private static func next(_ state: inout UInt64) -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
