import CCrypto

/// Cryptographically secure random bytes from libcrypto's DRBG.
public enum SecureRandom {
    /// `count` random bytes; `nil` only when the system's generator is not seeded (the caller must fail closed).
    public static func bytes(_ count: Int) -> [UInt8]? {
        guard count > 0, count <= 1 << 20 else { return count == 0 ? [] : nil }
        var out = [UInt8](repeating: 0, count: count)
        let ok = out.withUnsafeMutableBufferPointer { RAND_bytes($0.baseAddress, Int32($0.count)) }
        return ok == 1 ? out : nil
    }
}
