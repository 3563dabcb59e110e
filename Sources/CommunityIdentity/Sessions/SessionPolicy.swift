public import Foundation

/// A site's session lifetimes and cookie name.
///
/// Defaults: a session ends after 30 minutes without a request (idle) and 12 hours after sign-in
/// (absolute), whichever comes first. The last-seen time is written to the store at most once a
/// minute (``touchInterval``), so validating a session is usually a read only.
public struct SessionPolicy: Sendable, Hashable {
    /// Inactivity after which a session ends.
    public let idleTimeout: TimeInterval
    /// Time after sign-in at which a session ends regardless of activity.
    public let absoluteTimeout: TimeInterval
    /// The least time between two writes of a session's last-seen time.
    public let touchInterval: TimeInterval
    /// The cookie's base name; ``SessionCookie`` adds the `__Host-` prefix in secure mode.
    public let cookieName: String

    /// The default policy (see the type's discussion).
    public static let standard = SessionPolicy(unchecked: 30 * 60, 12 * 3600, 60, "community_session")

    /// A policy with its own lifetimes.
    ///
    /// - Throws: ``IdentityError/invalidConfiguration(_:)`` when a timeout is not positive and
    ///   finite, the idle timeout exceeds the absolute one, the absolute one exceeds 90 days, the
    ///   touch interval is negative or not below the idle timeout, or the cookie name is not 1 to
    ///   64 letters, digits, `_` or `-`.
    public init(
        idleTimeout: TimeInterval = 30 * 60, absoluteTimeout: TimeInterval = 12 * 3600, touchInterval: TimeInterval = 60,
        cookieName: String = "community_session"
    ) throws(IdentityError) {
        guard idleTimeout.isFinite, idleTimeout > 0, absoluteTimeout.isFinite, absoluteTimeout >= idleTimeout,
              absoluteTimeout <= 90 * 86_400
        else { throw .invalidConfiguration("session timeouts must be positive, finite, idle ≤ absolute ≤ 90 days") }
        guard touchInterval.isFinite, touchInterval >= 0, touchInterval < idleTimeout else {
            throw .invalidConfiguration("session touch interval must be below the idle timeout")
        }
        guard Self.isValidCookieName(cookieName) else { throw .invalidConfiguration("session cookie name \(cookieName.prefix(80).debugDescription)") }
        self.init(unchecked: idleTimeout, absoluteTimeout, touchInterval, cookieName)
    }

    private init(unchecked idle: TimeInterval, _ absolute: TimeInterval, _ touch: TimeInterval, _ name: String) {
        idleTimeout = idle
        absoluteTimeout = absolute
        touchInterval = touch
        cookieName = name
    }

    static func isValidCookieName(_ name: String) -> Bool {
        let utf8 = name.utf8
        guard !utf8.isEmpty, utf8.count <= 64 else { return false }
        return utf8.allSatisfy { b in
            switch b {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "-"): true
            default: false
            }
        }
    }
}
