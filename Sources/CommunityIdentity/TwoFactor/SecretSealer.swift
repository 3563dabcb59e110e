import CCrypto

/// Seals TOTP secrets for storage with libcrypto's AES-256-GCM under a key the host
/// supplies (from its own secret store, never from the database), or keeps them plain
/// when the host supplies none.
public struct SecretSealer: Sendable {
    private let key: [UInt8]?

    /// A sealer that keeps secrets plain: a database dump alone is then enough to generate codes.
    public static let plain = SecretSealer(uncheckedKey: nil)

    /// A sealer with a 32-byte AES-256 key.
    ///
    /// - Throws: ``TwoFactorError/invalidSealingKey`` when the key is not 32 bytes.
    public init(key: [UInt8]) throws(TwoFactorError) {
        guard key.count == 32 else { throw .invalidSealingKey }
        self.key = key
    }

    private init(uncheckedKey: [UInt8]?) { key = uncheckedKey }

    /// Whether secrets are encrypted.
    public var encrypts: Bool { key != nil }

    /// Seals `secret`, binding `context` (the user's id) as associated data.
    ///
    /// - Throws: ``TwoFactorError/randomnessUnavailable`` when no nonce can be drawn, or
    ///   ``TwoFactorError/invalidParameters(_:)`` when libcrypto fails.
    public func seal(_ secret: [UInt8], context: String) throws(TwoFactorError) -> SealedSecret {
        guard let key else {
            return SealedSecret(scheme: .plain, nonce: "", content: ByteEncoding.base64URL(secret), tag: "")
        }
        guard let nonce = SecureRandom.bytes(12) else { throw .randomnessUnavailable }
        guard let (ciphertext, tag) = Self.gcm(encrypt: true, key: key, nonce: nonce, input: secret, aad: Array(context.utf8), tag: nil)
        else { throw .invalidParameters("AES-256-GCM encryption failed") }
        return SealedSecret(
            scheme: .aes256GCM, nonce: ByteEncoding.base64URL(nonce), content: ByteEncoding.base64URL(ciphertext),
            tag: ByteEncoding.base64URL(tag))
    }

    /// Opens a sealed secret for the user `context` names.
    ///
    /// - Throws: ``TwoFactorError/secretUnavailable(user:)`` when the secret is sealed and
    ///   this sealer has no key or a different one (or the context differs), or the secret is
    ///   plain and this sealer has a key (re-enroll users enrolled before the key existed), and
    ///   ``TwoFactorError/corruptSecret(user:)`` when the stored parts do not decode.
    public func open(_ sealed: SealedSecret, context: String) throws(TwoFactorError) -> [UInt8] {
        switch sealed.scheme {
        case .plain:
            // A keyed sealer never accepts a plain secret: someone able to write the database
            // could otherwise swap in a secret of their own choosing.
            guard key == nil else { throw .secretUnavailable(user: context) }
            guard let secret = ByteEncoding.bytes(base64URL: sealed.content), !secret.isEmpty else {
                throw .corruptSecret(user: context)
            }
            return secret
        case .aes256GCM:
            guard let key else { throw .secretUnavailable(user: context) }
            guard let nonce = ByteEncoding.bytes(base64URL: sealed.nonce), nonce.count == 12,
                  let ciphertext = ByteEncoding.bytes(base64URL: sealed.content), !ciphertext.isEmpty,
                  let tag = ByteEncoding.bytes(base64URL: sealed.tag), tag.count == 16
            else { throw .corruptSecret(user: context) }
            guard let (plain, _) = Self.gcm(encrypt: false, key: key, nonce: nonce, input: ciphertext, aad: Array(context.utf8), tag: tag)
            else { throw .secretUnavailable(user: context) }
            return plain
        }
    }

    /// One AES-256-GCM pass; when decrypting, `tag` is checked and `nil` returned on mismatch.
    private static func gcm(encrypt: Bool, key: [UInt8], nonce: [UInt8], input: [UInt8], aad: [UInt8], tag: [UInt8]?)
        -> ([UInt8], [UInt8])?
    {
        guard input.count <= 4096, aad.count <= 4096, let context = EVP_CIPHER_CTX_new() else { return nil }
        defer { EVP_CIPHER_CTX_free(context) }
        let mode: Int32 = encrypt ? 1 : 0
        guard EVP_CipherInit_ex(context, EVP_aes_256_gcm(), nil, nil, nil, mode) == 1,
              EVP_CIPHER_CTX_ctrl(context, EVP_CTRL_AEAD_SET_IVLEN, Int32(nonce.count), nil) == 1,
              EVP_CipherInit_ex(context, nil, nil, key, nonce, mode) == 1
        else { return nil }
        var length: Int32 = 0
        if !aad.isEmpty {
            guard EVP_CipherUpdate(context, nil, &length, aad, Int32(aad.count)) == 1 else { return nil }
        }
        var output = [UInt8](repeating: 0, count: input.count + 16)
        guard EVP_CipherUpdate(context, &output, &length, input, Int32(input.count)) == 1 else { return nil }
        var total = Int(length)
        var tagBytes = tag ?? [UInt8](repeating: 0, count: 16)
        if !encrypt {
            guard EVP_CIPHER_CTX_ctrl(context, EVP_CTRL_AEAD_SET_TAG, Int32(tagBytes.count), &tagBytes) == 1 else { return nil }
        }
        let finished = output.withUnsafeMutableBufferPointer { buffer in
            EVP_CipherFinal_ex(context, buffer.baseAddress.map { $0 + total }, &length)
        }
        guard finished == 1 else { return nil }
        total += Int(length)
        if encrypt {
            guard EVP_CIPHER_CTX_ctrl(context, EVP_CTRL_AEAD_GET_TAG, 16, &tagBytes) == 1 else { return nil }
        }
        return (Array(output.prefix(total)), tagBytes)
    }
}
