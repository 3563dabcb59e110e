public import Foundation

/// Issues and checks form tokens: an HMAC-SHA-256, under a host-provided secret, of the
/// viewer's session, the site and the issue time. Tokens expire after ``lifetime``.
public struct CSRFProtection: Sendable {
    /// How long a token is accepted, in seconds.
    public let lifetime: TimeInterval
    private let secret: [UInt8]

    /// Protection with the host's secret (at least 16 bytes).
    public init(secret: [UInt8], lifetime: TimeInterval = 12 * 3600) {
        precondition(secret.count >= 16, "the CSRF secret must have at least 16 bytes")
        self.secret = secret
        self.lifetime = lifetime
    }

    /// A token for a viewer on a site at a time.
    public func token(for viewer: Viewer, site: String, at time: Date) -> String {
        let issued = Int64(time.timeIntervalSince1970)
        return "\(issued).\(signature(viewer: viewer, site: site, issued: issued))"
    }

    /// Whether a submitted token is genuine, for this viewer and site, and not expired.
    public func verify(_ token: String?, for viewer: Viewer, site: String, at time: Date) -> Bool {
        guard let token, let dot = token.firstIndex(of: "."), let issued = Int64(token[..<dot]) else { return false }
        let age = time.timeIntervalSince1970 - Double(issued)
        guard age >= -60, age <= lifetime else { return false }
        let expected = Array(signature(viewer: viewer, site: site, issued: issued).utf8)
        let given = Array(token[token.index(after: dot)...].utf8)
        guard expected.count == given.count else { return false }
        var difference: UInt8 = 0
        for (a, b) in zip(expected, given) { difference |= a ^ b }
        return difference == 0
    }

    private func signature(viewer: Viewer, site: String, issued: Int64) -> String {
        let message = "\(viewer.key)|\(viewer.sessionID)|\(site)|\(issued)"
        return SHA256.hex(SHA256.hmac(key: secret, message: Array(message.utf8)))
    }
}
