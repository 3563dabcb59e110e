public import Foundation

/// When repeated sign-in failures slow further attempts down: exponential backoff, per account
/// and per client address.
///
/// After ``accountThreshold`` failures on an account (or ``clientThreshold`` from one client
/// address) every further attempt must wait ``baseDelay``, doubling with each failure up to
/// ``maximumDelay``. Counts decay: one failure is forgotten per ``decayInterval`` without a new
/// one, so a user who mistyped a few times is not penalised a day later. The default is
/// 5 failures, 1 second doubling to 15 minutes, one failure forgiven per 15 minutes; the client
/// threshold is higher (20) because many users can share one address behind a NAT.
public struct LockoutPolicy: Sendable, Hashable {
    /// Failures on one account before backoff starts.
    public let accountThreshold: Int
    /// Failures from one client address before backoff starts.
    public let clientThreshold: Int
    /// The first wait.
    public let baseDelay: TimeInterval
    /// The longest wait.
    public let maximumDelay: TimeInterval
    /// How long without a failure forgives one failure.
    public let decayInterval: TimeInterval

    /// The default policy (see the type's discussion).
    public static let standard = LockoutPolicy(unchecked: 5, 20, 1, 15 * 60, 15 * 60)

    /// A policy with its own numbers.
    ///
    /// - Throws: ``IdentityError/invalidConfiguration(_:)`` when a threshold is below 1 or above
    ///   1,000, a delay is not positive and finite, the maximum is below the base, or the decay
    ///   interval is not positive and finite.
    public init(
        accountThreshold: Int = 5, clientThreshold: Int = 20, baseDelay: TimeInterval = 1,
        maximumDelay: TimeInterval = 15 * 60, decayInterval: TimeInterval = 15 * 60
    ) throws(IdentityError) {
        guard (1...1000).contains(accountThreshold), (1...1000).contains(clientThreshold) else {
            throw .invalidConfiguration("lockout thresholds must be 1...1000")
        }
        guard baseDelay.isFinite, baseDelay > 0, maximumDelay.isFinite, maximumDelay >= baseDelay,
              maximumDelay <= 7 * 86_400, decayInterval.isFinite, decayInterval > 0
        else { throw .invalidConfiguration("lockout delays must be positive, finite and ordered") }
        self.init(unchecked: accountThreshold, clientThreshold, baseDelay, maximumDelay, decayInterval)
    }

    private init(unchecked account: Int, _ client: Int, _ base: TimeInterval, _ maximum: TimeInterval, _ decay: TimeInterval) {
        accountThreshold = account
        clientThreshold = client
        baseDelay = base
        maximumDelay = maximum
        decayInterval = decay
    }

    /// How long to wait after the latest of `failures` failures, with backoff from `threshold`.
    public func delay(afterFailures failures: Int, threshold: Int) -> TimeInterval {
        guard failures >= threshold else { return 0 }
        let doublings = min(failures - threshold, 40)
        return min(baseDelay * pow(2, Double(doublings)), maximumDelay)
    }
}
