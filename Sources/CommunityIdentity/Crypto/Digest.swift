import CCrypto

/// Message digests computed by the system's OpenSSL libcrypto (never by code of our own).
public enum Digest {
    /// The 32-byte SHA-256 digest of `bytes`.
    public static func sha256(_ bytes: some Collection<UInt8>) -> [UInt8] {
        compute(EVP_sha256(), Array(bytes), length: 32)
    }

    /// The 20-byte SHA-1 digest of `bytes` (for protocols that require it, such as TOTP's default).
    public static func sha1(_ bytes: some Collection<UInt8>) -> [UInt8] {
        compute(EVP_sha1(), Array(bytes), length: 20)
    }

    private static func compute(_ type: OpaquePointer?, _ input: [UInt8], length: Int) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var written: UInt32 = 0
        let ok = input.withUnsafeBytes { inBuffer in
            out.withUnsafeMutableBufferPointer { outBuffer in
                EVP_Digest(inBuffer.baseAddress, inBuffer.count, outBuffer.baseAddress, &written, type, nil)
            }
        }
        // EVP_Digest fails only when libcrypto cannot allocate; an empty digest then never equals a real one.
        guard ok == 1 else { return [] }
        return Array(out.prefix(min(Int(written), length)))
    }
}
