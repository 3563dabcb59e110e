import CCrypto

/// Checks JWS signatures with libcrypto: the key is imported with `EVP_PKEY_fromdata`
/// (no deprecated RSA_* or EC_KEY_* calls) and the signature checked with `EVP_DigestVerify`.
enum SignatureVerifier {
    /// Whether `signature` is `algorithm`'s signature of `message` under `key`.
    ///
    /// - Throws: ``TokenError/invalidKey(kid:reason:)`` when libcrypto rejects the key (an
    ///   EC point off the curve, say), ``TokenError/keyAlgorithmMismatch(kid:algorithm:)``.
    static func verify(_ signature: [UInt8], of message: [UInt8], with key: JSONWebKey, algorithm: SignatureAlgorithm)
        throws(TokenError) -> Bool
    {
        guard key.fits(algorithm) else { throw .keyAlgorithmMismatch(kid: key.keyID, algorithm: algorithm.rawValue) }
        let encoded: [UInt8]
        switch algorithm {
        case .rs256:
            encoded = signature
        case .es256:
            // JOSE carries r || s; libcrypto wants the DER ECDSA-Sig-Value.
            guard signature.count == 64, let der = derSignature(r: Array(signature[0..<32]), s: Array(signature[32..<64])) else {
                return false
            }
            encoded = der
        }
        let publicKey = try importKey(key)
        defer { EVP_PKEY_free(publicKey) }
        guard let context = EVP_MD_CTX_new() else { throw .cryptoFailure("EVP_MD_CTX_new") }
        defer { EVP_MD_CTX_free(context) }
        guard EVP_DigestVerifyInit(context, nil, EVP_sha256(), nil, publicKey) == 1 else {
            throw .cryptoFailure("EVP_DigestVerifyInit")
        }
        let result = EVP_DigestVerify(context, encoded, encoded.count, message, message.count)
        ERR_clear_error()
        return result == 1
    }

    /// The DER encoding of an ECDSA signature from its raw halves.
    static func derSignature(r: [UInt8], s: [UInt8]) -> [UInt8]? {
        guard let signature = ECDSA_SIG_new() else { return nil }
        defer { ECDSA_SIG_free(signature) }
        guard let rNumber = BN_bin2bn(r, Int32(r.count), nil) else { return nil }
        guard let sNumber = BN_bin2bn(s, Int32(s.count), nil) else {
            BN_free(rNumber)
            return nil
        }
        guard ECDSA_SIG_set0(signature, rNumber, sNumber) == 1 else {
            BN_free(rNumber)
            BN_free(sNumber)
            return nil
        }
        let length = i2d_ECDSA_SIG(signature, nil)
        guard length > 0 else { return nil }
        var der = [UInt8](repeating: 0, count: Int(length))
        let written = der.withUnsafeMutableBufferPointer { buffer -> Int32 in
            var cursor = buffer.baseAddress
            return i2d_ECDSA_SIG(signature, &cursor)
        }
        return written == length ? der : nil
    }

    /// `EVP_PKEY_PUBLIC_KEY`, which Swift cannot import (a macro of macros): the domain
    /// parameters and the public key.
    private static let publicKeySelection = Int32(
        OSSL_KEYMGMT_SELECT_DOMAIN_PARAMETERS | OSSL_KEYMGMT_SELECT_OTHER_PARAMETERS | OSSL_KEYMGMT_SELECT_PUBLIC_KEY)

    /// An `EVP_PKEY` holding the public key; the caller frees it.
    ///
    /// `OSSL_PARAM_BLD` and the `OSSL_PARAM` array it builds keep pointers to the parameter
    /// names and values rather than copies, so every C string and buffer handed to it is
    /// allocated here and lives until the key has been imported.
    private static func importKey(_ key: JSONWebKey) throws(TokenError) -> OpaquePointer {
        guard let builder = OSSL_PARAM_BLD_new() else { throw .cryptoFailure("OSSL_PARAM_BLD_new") }
        defer { OSSL_PARAM_BLD_free(builder) }
        var numbers: [OpaquePointer] = []
        defer { numbers.forEach { BN_free($0) } }
        var buffers: [UnsafeMutableBufferPointer<CChar>] = []
        defer { buffers.forEach { $0.deallocate() } }
        /// A NUL-terminated copy of `bytes` (a C string, or octets with a spare NUL) that outlives the builder.
        func persistent(_ bytes: [UInt8]) -> UnsafeMutablePointer<CChar>? {
            let buffer = UnsafeMutableBufferPointer<CChar>.allocate(capacity: bytes.count + 1)
            buffers.append(buffer)
            for (index, byte) in bytes.enumerated() { buffer[index] = CChar(bitPattern: byte) }
            buffer[bytes.count] = 0
            return buffer.baseAddress
        }
        let typeName: String
        switch key.material {
        case .rsa(let modulus, let exponent):
            typeName = "RSA"
            guard let n = BN_bin2bn(modulus, Int32(modulus.count), nil) else { throw .cryptoFailure("BN_bin2bn") }
            numbers.append(n)
            guard let e = BN_bin2bn(exponent, Int32(exponent.count), nil) else { throw .cryptoFailure("BN_bin2bn") }
            numbers.append(e)
            guard OSSL_PARAM_BLD_push_BN(builder, persistent(Array(OSSL_PKEY_PARAM_RSA_N.utf8)), n) == 1,
                  OSSL_PARAM_BLD_push_BN(builder, persistent(Array(OSSL_PKEY_PARAM_RSA_E.utf8)), e) == 1
            else { throw .cryptoFailure("OSSL_PARAM_BLD_push_BN") }
        case .p256(let x, let y):
            typeName = "EC"
            let point = [0x04] + x + y  // uncompressed SEC 1 point
            guard OSSL_PARAM_BLD_push_utf8_string(
                      builder, persistent(Array(OSSL_PKEY_PARAM_GROUP_NAME.utf8)),
                      persistent(Array("prime256v1".utf8)), 0) == 1,
                  OSSL_PARAM_BLD_push_octet_string(
                      builder, persistent(Array(OSSL_PKEY_PARAM_PUB_KEY.utf8)),
                      persistent(point), point.count) == 1
            else { throw .cryptoFailure("OSSL_PARAM_BLD_push") }
        }
        guard let parameters = OSSL_PARAM_BLD_to_param(builder) else { throw .cryptoFailure("OSSL_PARAM_BLD_to_param") }
        defer { OSSL_PARAM_free(parameters) }
        guard let context = EVP_PKEY_CTX_new_from_name(nil, typeName, nil) else { throw .cryptoFailure("EVP_PKEY_CTX_new_from_name") }
        defer { EVP_PKEY_CTX_free(context) }
        guard EVP_PKEY_fromdata_init(context) == 1 else { throw .cryptoFailure("EVP_PKEY_fromdata_init") }
        var publicKey: OpaquePointer?
        let imported = EVP_PKEY_fromdata(context, &publicKey, publicKeySelection, parameters)
        ERR_clear_error()
        guard imported == 1, let publicKey else {
            throw .invalidKey(kid: key.keyID, reason: "libcrypto rejected the key parameters")
        }
        return publicKey
    }
}
