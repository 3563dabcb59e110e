import CCrypto

/// Password-based key derivation by libcrypto: PBKDF2-HMAC-SHA256 (RFC 8018).
public enum KeyDerivation {
    /// The smallest iteration count accepted for stored passwords (OWASP's 2023 figure for PBKDF2-HMAC-SHA256).
    public static let minimumIterations = 600_000

    /// PBKDF2-HMAC-SHA256 of `password` with `salt`, `iterations` rounds and `length` output bytes;
    /// `nil` when the parameters are out of range or libcrypto fails.
    public static func pbkdf2SHA256(password: [UInt8], salt: [UInt8], iterations: Int, length: Int = 32) -> [UInt8]? {
        guard iterations > 0, iterations <= Int(Int32.max), length > 0, length <= 1024,
              password.count <= Int(Int32.max), salt.count <= Int(Int32.max) else { return nil }
        var out = [UInt8](repeating: 0, count: length)
        let passwordBytes = password.isEmpty ? [0] : password
        let ok = passwordBytes.withUnsafeBufferPointer { p in
            salt.withUnsafeBufferPointer { s in
                out.withUnsafeMutableBufferPointer { o in
                    guard let base = p.baseAddress else { return Int32(0) }
                    return base.withMemoryRebound(to: CChar.self, capacity: p.count) { pc in
                        PKCS5_PBKDF2_HMAC(pc, Int32(password.count), s.baseAddress, Int32(salt.count), Int32(iterations), EVP_sha256(),
                                          Int32(length), o.baseAddress)
                    }
                }
            }
        }
        return ok == 1 ? out : nil
    }
}
