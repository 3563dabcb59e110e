import CCrypto

/// HMAC (RFC 2104) computed by libcrypto.
public enum MessageAuthentication {
    /// HMAC-SHA-256 of `message` under `key` (32 bytes).
    public static func sha256(key: some Collection<UInt8>, message: some Collection<UInt8>) -> [UInt8] {
        compute(EVP_sha256(), key: Array(key), message: Array(message))
    }

    /// HMAC-SHA-1 of `message` under `key` (20 bytes), as RFC 6238's default TOTP uses.
    public static func sha1(key: some Collection<UInt8>, message: some Collection<UInt8>) -> [UInt8] {
        compute(EVP_sha1(), key: Array(key), message: Array(message))
    }

    private static func compute(_ type: OpaquePointer?, key: [UInt8], message: [UInt8]) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var written: UInt32 = 0
        // libcrypto rejects a null key pointer even for an empty key, so an empty key is passed as one zero byte of length 0.
        let keyBytes = key.isEmpty ? [0] : key
        let result = keyBytes.withUnsafeBytes { keyBuffer in
            message.withUnsafeBytes { messageBuffer in
                out.withUnsafeMutableBufferPointer { outBuffer in
                    HMAC(type, keyBuffer.baseAddress, Int32(key.count), messageBuffer.baseAddress?.assumingMemoryBound(to: UInt8.self),
                         messageBuffer.count, outBuffer.baseAddress, &written)
                }
            }
        }
        guard result != nil else { return [] }
        return Array(out.prefix(Int(written)))
    }
}
