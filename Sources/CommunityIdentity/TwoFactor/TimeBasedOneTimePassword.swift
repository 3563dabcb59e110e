public import Foundation

/// A TOTP generator and checker (RFC 6238 over RFC 4226's HOTP): HMAC of the 30-second
/// time step under a shared secret, dynamically truncated to a 6- to 8-digit code.
public struct TimeBasedOneTimePassword: Sendable, Hashable, CustomStringConvertible {
    /// The HMAC the codes are computed with.
    public enum Algorithm: String, Sendable, Hashable, Codable, CaseIterable {
        /// HMAC-SHA-1, RFC 6238's default and what every authenticator app supports.
        case sha1 = "SHA1"
        /// HMAC-SHA-256.
        case sha256 = "SHA256"
    }

    /// The shared secret.
    public let secret: [UInt8]
    /// The HMAC algorithm.
    public let algorithm: Algorithm
    /// How many decimal digits a code has (6 to 8).
    public let digits: Int
    /// The length of a time step in seconds.
    public let period: Int

    /// Creates a generator.
    ///
    /// - Throws: ``TwoFactorError/invalidParameters(_:)`` for an empty secret, digits outside
    ///   6…8 or a period outside 1…300 seconds.
    public init(secret: [UInt8], algorithm: Algorithm = .sha1, digits: Int = 6, period: Int = 30) throws(TwoFactorError) {
        guard !secret.isEmpty, secret.count <= 1024 else { throw .invalidParameters("the secret must hold 1 to 1024 bytes") }
        guard (6...8).contains(digits) else { throw .invalidParameters("digits must be 6, 7 or 8") }
        guard (1...300).contains(period) else { throw .invalidParameters("the period must be 1 to 300 seconds") }
        self.secret = secret
        self.algorithm = algorithm
        self.digits = digits
        self.period = period
    }

    /// The parameters, without the secret (safe to log).
    public var description: String { "TOTP(\(algorithm.rawValue), \(digits) digits, \(period) s)" }

    /// The time step `date` falls in, or `nil` for a moment before 1970 or too far ahead to count.
    public func step(at date: Date) -> Int64? {
        let seconds = date.timeIntervalSince1970
        guard seconds.isFinite, seconds >= 0, seconds < 1e15 else { return nil }
        return Int64(seconds.rounded(.down)) / Int64(period)  // trap-safe: finite, 0 ≤ seconds < 1e15 checked above; period ≥ 1
    }

    /// The code for a time step (RFC 4226 §5.3 truncation), zero-padded to ``digits``.
    public func code(forStep step: Int64) -> String {
        var counter = [UInt8](repeating: 0, count: 8)
        var value = UInt64(bitPattern: step)
        for index in stride(from: 7, through: 0, by: -1) {
            counter[index] = UInt8(value & 0xFF)
            value >>= 8
        }
        let mac = switch algorithm {
        case .sha1: MessageAuthentication.sha1(key: secret, message: counter)
        case .sha256: MessageAuthentication.sha256(key: secret, message: counter)
        }
        guard let last = mac.last, mac.count >= 20 else { return "" }  // libcrypto failed: no code matches
        let offset = Int(last & 0x0F)
        let binary = UInt32(mac[offset] & 0x7F) << 24 | UInt32(mac[offset + 1]) << 16
            | UInt32(mac[offset + 2]) << 8 | UInt32(mac[offset + 3])
        var modulus: UInt32 = 1
        for _ in 0..<digits { modulus *= 10 }
        let number = String(binary % modulus)
        return String(repeating: "0", count: digits - number.count) + number
    }

    /// The code for the step `date` falls in; `nil` when the date has no step.
    public func code(at date: Date) -> String? {
        step(at: date).map { code(forStep: $0) }
    }

    /// The step within `window` steps either side of `date` whose code is `code`, nearest
    /// first; `nil` when none matches or the code is not ``digits`` decimal digits.
    /// Codes are compared in constant time.
    public func matchingStep(for code: String, at date: Date, window: Int = 1) -> Int64? {
        let given = Array(code.utf8)
        guard given.count == digits, given.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }),
              let current = step(at: date), (0...10).contains(window)
        else { return nil }
        var offsets: [Int64] = [0]
        for distance in stride(from: 1, through: Int64(window), by: 1) { offsets += [-distance, distance] }
        var found: Int64?
        for offset in offsets {
            let candidate = current + offset
            guard candidate >= 0 else { continue }
            // Every candidate is computed and compared, so timing does not tell which one matched.
            let matches = ConstantTime.equals(Array(self.code(forStep: candidate).utf8), given)
            if matches, found == nil { found = candidate }
        }
        return found
    }
}
