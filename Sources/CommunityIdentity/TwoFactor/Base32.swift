/// Base32 (RFC 4648 §6), the alphabet authenticator apps read TOTP secrets in.
public enum Base32 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".utf8)

    /// Upper-case base32 of `bytes`; with `padding`, `=` fills the last group to eight characters.
    public static func encode(_ bytes: some Collection<UInt8>, padding: Bool = false) -> String {
        var out = [UInt8]()
        out.reserveCapacity((bytes.count * 8 + 4) / 5 + 6)
        var buffer: UInt32 = 0
        var bits = 0
        for byte in bytes {
            buffer = buffer << 8 | UInt32(byte)
            bits += 8
            while bits >= 5 {
                bits -= 5
                out.append(alphabet[Int(buffer >> UInt32(bits) & 31)])
            }
            buffer &= (1 << UInt32(bits)) - 1
        }
        if bits > 0 {
            out.append(alphabet[Int(buffer << UInt32(5 - bits) & 31)])
        }
        if padding {
            while out.count % 8 != 0 { out.append(UInt8(ascii: "=")) }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The bytes of base32 text in either case, padded or not; `nil` for a character outside
    /// the alphabet, padding before the end, or a length no encoder produces.
    public static func decode(_ text: String) -> [UInt8]? {
        var values = [UInt8]()
        values.reserveCapacity(text.utf8.count)
        var sawPadding = false
        for c in text.utf8 {
            if c == UInt8(ascii: "=") { sawPadding = true; continue }
            guard !sawPadding else { return nil }
            switch c {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): values.append(c - UInt8(ascii: "A"))
            case UInt8(ascii: "a")...UInt8(ascii: "z"): values.append(c - UInt8(ascii: "a"))
            case UInt8(ascii: "2")...UInt8(ascii: "7"): values.append(c - UInt8(ascii: "2") + 26)
            default: return nil
            }
        }
        // Groups of 8 characters carry 5 bytes; a final partial group has 2, 4, 5 or 7 characters.
        guard [0, 2, 4, 5, 7].contains(values.count % 8) else { return nil }
        var out = [UInt8]()
        out.reserveCapacity(values.count * 5 / 8)
        var buffer: UInt32 = 0
        var bits = 0
        for value in values {
            buffer = buffer << 5 | UInt32(value)
            bits += 5
            if bits >= 8 {
                bits -= 8
                out.append(UInt8(buffer >> UInt32(bits) & 0xFF))
            }
            buffer &= (1 << UInt32(bits)) - 1
        }
        // Leftover bits must be zero, or the text was not produced by an encoder.
        guard buffer == 0 else { return nil }
        return out
    }
}
