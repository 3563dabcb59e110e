/// What an app shows a user who starts enrolling: the secret to type in and the URI to
/// render as a QR code. Show it once; the store keeps only the sealed secret.
public struct TwoFactorSetup: Sendable, Hashable, CustomStringConvertible {
    /// The secret in base32, for typing into an authenticator app.
    public let secret: String
    /// The `otpauth://` URI, for a QR code.
    public let uri: ProvisioningURI

    /// Redacts the secret (safe to log).
    public var description: String { "TwoFactorSetup(secret: redacted)" }

    /// Creates a setup.
    public init(secret: String, uri: ProvisioningURI) {
        self.secret = secret
        self.uri = uri
    }
}
