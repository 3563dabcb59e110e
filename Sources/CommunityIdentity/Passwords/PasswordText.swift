import Foundation

/// How password text becomes the bytes that are hashed.
enum PasswordText {
    /// Unicode NFC, so the same password typed on different systems hashes the same.
    static func normalised(_ password: String) -> String {
        password.precomposedStringWithCanonicalMapping
    }

    /// The UTF-8 bytes of the normalised password.
    static func bytes(_ password: String) -> [UInt8] {
        Array(normalised(password).utf8)
    }
}
