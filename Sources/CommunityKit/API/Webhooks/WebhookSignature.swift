import CommunityIdentity
public import Foundation

/// Signs webhook payloads: `Webhook-Signature: t=<unix seconds>,v1=<hex HMAC-SHA-256>` over
/// `"<t>.<body>"` with the endpoint's secret (libcrypto). A receiver recomputes it, compares in
/// constant time and refuses timestamps older than a few minutes (replays).
public enum WebhookSignature {
    /// The header value for a body at a time.
    public static func header(secret: String, timestamp: Int64, body: [UInt8]) -> String {
        "t=\(timestamp),v1=\(ByteEncoding.hex(MessageAuthentication.sha256(key: Array(secret.utf8), message: Array("\(timestamp).".utf8) + body)))"
    }

    /// Whether a header is a valid signature of `body`, made no more than `tolerance` seconds before `now`.
    public static func verify(_ header: String, secret: String, body: [UInt8], now: Date, tolerance: TimeInterval = 300) -> Bool {
        var timestamp: Int64?
        var signature: String?
        for part in header.split(separator: ",") {
            if part.hasPrefix("t="), part.count <= 14 { timestamp = Int64(part.dropFirst(2)) }
            if part.hasPrefix("v1=") { signature = String(part.dropFirst(3)) }
        }
        guard let timestamp, let signature else { return false }
        let age = now.timeIntervalSince1970 - Double(timestamp)
        guard age.isFinite, abs(age) <= tolerance else { return false }
        let expected = WebhookSignature.header(secret: secret, timestamp: timestamp, body: body)
        return ConstantTime.equals(Array(expected.utf8), Array("t=\(timestamp),v1=\(signature)".utf8))
    }
}
