/// One-time recovery codes: shown to the user once, stored only as SHA-256 digests, each
/// usable once. Codes hold 12 characters from a 32-letter alphabet (60 random bits),
/// written in groups of four, such as `k7pm-3xqa-9dtr`.
public enum RecoveryCodes {
    /// How many codes a set holds.
    public static let count = 10

    /// A fresh set of codes and their digests, in the same order.
    ///
    /// - Throws: ``TwoFactorError/randomnessUnavailable`` when the system's generator fails.
    public static func generate(count: Int = RecoveryCodes.count) throws(TwoFactorError) -> (codes: [String], digests: [String]) {
        var codes: [String] = []
        for _ in 0..<max(1, min(count, 100)) {
            guard let random = SecureRandom.bytes(12) else { throw .randomnessUnavailable }
            var characters = [UInt8]()
            for (index, byte) in random.enumerated() {
                if index > 0, index % 4 == 0 { characters.append(UInt8(ascii: "-")) }
                characters.append(symbols[Int(byte & 31)])
            }
            codes.append(String(decoding: characters, as: UTF8.self))
        }
        return (codes, codes.compactMap(digest))
    }

    /// The stored form of a code the user typed: the hex SHA-256 of its normalised form
    /// (lower case, without separators); `nil` when it is not shaped like a recovery code.
    public static func digest(_ code: String) -> String? {
        var normalised = [UInt8]()
        for byte in code.utf8 {
            switch byte {
            case UInt8(ascii: "-"), UInt8(ascii: " "): continue
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): normalised.append(byte + 32)
            default: normalised.append(byte)
            }
        }
        guard normalised.count == 12, normalised.allSatisfy(symbols.contains) else { return nil }
        return ByteEncoding.hex(Digest.sha256(normalised))
    }

    /// The 32 symbols codes are written with: digits and the letters other than i, l, o and u,
    /// so no two look alike.
    private static let symbols = Array("abcdefghjkmnpqrstvwxyz0123456789".utf8)
}
