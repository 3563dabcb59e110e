public import Foundation

/// Issues and checks form tokens: an HMAC-SHA-256, under a host-provided secret, of the
/// viewer's session, the site and the issue time. Tokens expire after ``lifetime``.
///
/// A token has one canonical spelling, `<issued>.<signature>`: the issue time in seconds as
/// plain decimal digits (no sign, no leading zeros) and 64 lower-case hex digits. Any other
/// spelling of the same values is refused, so tokens are not malleable.
public struct CSRFProtection: Sendable {
    /// Why a protection could not be built.
    public enum ConfigurationError: Error, Sendable, Hashable, CustomStringConvertible {
        /// The secret is shorter than 16 bytes.
        case secretTooShort(bytes: Int)
        /// The lifetime is not a positive number of seconds.
        case invalidLifetime

        public var description: String {
            switch self {
            case .secretTooShort(let bytes): "the CSRF secret must have at least 16 bytes (it has \(bytes))"
            case .invalidLifetime: "the CSRF token lifetime must be a positive number of seconds"
            }
        }
    }

    /// How long a token is accepted, in seconds.
    public let lifetime: TimeInterval
    private let secret: [UInt8]

    /// Protection with the host's secret.
    ///
    /// - Throws: ``ConfigurationError`` when the secret has fewer than 16 bytes or the lifetime is not positive.
    public init(secret: [UInt8], lifetime: TimeInterval = 12 * 3600) throws(ConfigurationError) {
        guard secret.count >= 16 else { throw .secretTooShort(bytes: secret.count) }
        guard lifetime.isFinite, lifetime > 0 else { throw .invalidLifetime }
        self.secret = secret
        self.lifetime = lifetime
    }

    /// A token for a viewer on a site at a time.
    public func token(for viewer: Viewer, site: String, at time: Date) -> String {
        let seconds = time.timeIntervalSince1970
        let issued: Int64 = seconds.isFinite && seconds > 0 && seconds < 1e15 ? Int64(seconds) : 0
        return "\(issued).\(signature(viewer: viewer, site: site, issued: issued))"
    }

    /// Whether a submitted token is genuine, for this viewer and site, canonically spelled and not expired.
    public func verify(_ token: String?, for viewer: Viewer, site: String, at time: Date) -> Bool {
        guard let token, token.utf8.count <= 100 else { return false }
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, let issued = CSRFProtection.canonicalSeconds(parts[0]) else { return false }
        let now = time.timeIntervalSince1970
        guard now.isFinite else { return false }
        let age = now - Double(issued)
        guard age >= -60, age <= lifetime else { return false }
        let given = Array(parts[1].utf8)
        guard given.count == 64, given.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }) else { return false }
        let expected = Array(signature(viewer: viewer, site: site, issued: issued).utf8)
        var difference: UInt8 = 0
        for (a, b) in zip(expected, given) { difference |= a ^ b }
        return difference == 0 && expected.count == given.count
    }

    /// The seconds of a canonical decimal spelling: digits only, no leading zero, at most 15 digits.
    private static func canonicalSeconds(_ text: Substring) -> Int64? {
        let bytes = Array(text.utf8)
        guard !bytes.isEmpty, bytes.count <= 15, bytes.allSatisfy({ (0x30...0x39).contains($0) }) else { return nil }
        guard bytes.count == 1 || bytes[0] != 0x30 else { return nil }
        var value: Int64 = 0
        for byte in bytes { value = value * 10 + Int64(byte - 0x30) }
        return value
    }

    private func signature(viewer: Viewer, site: String, issued: Int64) -> String {
        let message = "\(viewer.key)|\(viewer.sessionID)|\(site)|\(issued)"
        return SHA256.hex(SHA256.hmac(key: secret, message: Array(message.utf8)))
    }
}
