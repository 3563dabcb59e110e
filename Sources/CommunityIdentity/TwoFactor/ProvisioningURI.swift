/// The `otpauth://totp/…` URI an authenticator app reads (usually from a QR code) to add an account.
///
/// The label is `issuer:account`, and the issuer is repeated as a parameter, as Google
/// Authenticator's key-URI format asks; both are percent-encoded.
public struct ProvisioningURI: Sendable, Hashable, CustomStringConvertible {
    /// The URI text.
    public let text: String

    /// The URI for a generator, naming the service (`issuer`) and the user's account name.
    public init(generator: TimeBasedOneTimePassword, issuer: String, account: String) {
        let label = Self.percentEncoded(issuer) + ":" + Self.percentEncoded(account)
        text = "otpauth://totp/\(label)?secret=\(Base32.encode(generator.secret))"
            + "&issuer=\(Self.percentEncoded(issuer))&algorithm=\(generator.algorithm.rawValue)"
            + "&digits=\(generator.digits)&period=\(generator.period)"
    }

    /// Redacts the URI, which carries the secret (safe to log); read ``text`` for the URI itself.
    public var description: String { "ProvisioningURI(redacted)" }

    /// Percent-encodes every byte outside RFC 3986's unreserved characters.
    static func percentEncoded(_ text: String) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        var out = [UInt8]()
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                out.append(byte)
            default:
                out += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
