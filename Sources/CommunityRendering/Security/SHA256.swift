import CommunityIdentity

/// SHA-256 and HMAC-SHA-256 as the rendering layer uses them (style hashes for the content
/// security policy, CSRF signatures), computed by the system's libcrypto through ``CommunityIdentity``.
public enum SHA256 {
    /// The 32-byte digest of `message`.
    public static func hash<Bytes: Collection<UInt8>>(_ message: Bytes) -> [UInt8] {
        Digest.sha256(message)
    }

    /// HMAC-SHA-256 (RFC 2104) of `message` under `key`.
    public static func hmac(key: [UInt8], message: [UInt8]) -> [UInt8] {
        MessageAuthentication.sha256(key: key, message: message)
    }

    /// Lower-case hex of bytes.
    public static func hex(_ bytes: [UInt8]) -> String {
        ByteEncoding.hex(bytes)
    }

    /// Standard, padded base64 of bytes.
    public static func base64(_ bytes: [UInt8]) -> String {
        var text = ByteEncoding.base64URL(bytes)
        text = String(text.map { $0 == "-" ? "+" : $0 == "_" ? "/" : $0 })
        while text.utf8.count % 4 != 0 { text += "=" }
        return text
    }
}
