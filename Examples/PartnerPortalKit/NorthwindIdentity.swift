import CCrypto
import CommunityKit
import DevServer
import Foundation

/// A demonstration OpenID provider inside the portal, "Northwind Identity" at
/// `/northwind-identity/authorize`: it shows a form to pick a test identity and posts a real
/// RS256-signed ID token back to Partner Central's callback (`response_mode=form_post`), with
/// the `state` and `nonce` it was sent. Its RSA key is generated when the portal starts and
/// published to the engine as the provider's key set.
///
/// It is a demo: it asks for no password. A real provider authenticates the person first.
///
/// `@unchecked Sendable`: the EVP_PKEY is never mutated after generation; each signature uses
/// its own digest context.
final class NorthwindIdentity: @unchecked Sendable {
    static let issuer = "https://id.northwind.example"
    static let clientID = "partner-central"
    static let path = "/northwind-identity/authorize"
    static let callbackPath = "/partners/_sso/callback"
    private static let keyID = "northwind-1"

    private let key: OpaquePointer
    private let clock: any WallClock

    /// A provider with a fresh 2048-bit RSA key.
    init(clock: any WallClock) throws {
        self.clock = clock
        let context = EVP_PKEY_CTX_new_from_name(nil, "RSA", nil)
        defer { EVP_PKEY_CTX_free(context) }
        var generated: OpaquePointer?
        if EVP_PKEY_keygen_init(context) == 1, EVP_PKEY_CTX_set_rsa_keygen_bits(context, 2048) == 1 {
            _ = EVP_PKEY_generate(context, &generated)
        }
        guard let generated else { throw CommunityError.configuration("Northwind Identity: libcrypto could not generate a key") }
        key = generated
    }

    deinit { EVP_PKEY_free(key) }

    /// The provider as Partner Central offers it: partner users provisioned into Acme Analytics.
    var provider: OpenIDProvider {
        OpenIDProvider(
            key: "northwind", displayName: "Northwind Identity", issuer: Self.issuer, clientID: Self.clientID,
            authorizationEndpoint: Self.path, keySetJSON: keySetJSON,
            mapping: ProvisioningMapping(
                allowsJustInTime: true, account: .fixed("acme"), profileID: "partner", userKind: .partner, roleID: "acme-user",
                isHighVolume: false))
    }

    /// The public key as a JWKS document.
    var keySetJSON: String {
        let n = ByteEncoding.base64URL(parameter(OSSL_PKEY_PARAM_RSA_N))
        let e = ByteEncoding.base64URL(parameter(OSSL_PKEY_PARAM_RSA_E))
        return #"{"keys":[{"kty":"RSA","kid":"\#(Self.keyID)","use":"sig","alg":"RS256","n":"\#(n)","e":"\#(e)"}]}"#
    }

    /// Answers `GET` (the identity form) and `POST` (sign and post back) of ``path``.
    func respond(to request: HTTPRequest) -> HTTPResponse {
        let fields = request.method == .post ? request.form : request.query
        guard fields["client_id"] == Self.clientID, fields["response_type"] == "id_token", fields["response_mode"] == "form_post",
              let redirect = fields["redirect_uri"], Self.isRegistered(redirect),
              let state = fields["state"], !state.isEmpty, let nonce = fields["nonce"], !nonce.isEmpty
        else { return Self.page(400, "Northwind Identity", "<p>This sign-in request is not valid.</p>") }
        let carried = ["client_id", "response_type", "response_mode", "redirect_uri", "state", "nonce"].map { name in
            Self.hidden(name, fields[name] ?? "")
        }.joined()
        guard request.method == .post else {
            let form = """
                <p>Pick the test identity to sign in to Northwind Partner Central with. (A real provider would ask for a password first.)</p>
                <form method="post" action="\(Self.path)">\(carried)
                <p><label>E-mail <input name="email" value="jordan.lee@acme-analytics.example" required></label></p>
                <p><label>First name <input name="given_name" value="Jordan"></label></p>
                <p><label>Last name <input name="family_name" value="Lee" required></label></p>
                <p><label>Company <input name="company" value="Acme Analytics"></label></p>
                <p><button type="submit">Continue to Partner Central</button></p></form>
                """
            return Self.page(200, "Northwind Identity", form)
        }
        let email = (fields["email"] ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        guard !email.isEmpty else { return Self.page(422, "Northwind Identity", "<p>An e-mail address is required.</p>") }
        let now = clock.now().timeIntervalSince1970
        var claims: [String: Any] = [
            "iss": Self.issuer, "aud": Self.clientID, "sub": "nw-" + ByteEncoding.hex(Digest.sha256(Array(email.utf8))).prefix(20),
            "iat": now, "exp": now + 300, "nonce": nonce, "email": email, "email_verified": true,
        ]
        for name in ["given_name", "family_name", "company"] {
            if let value = fields[name]?.trimmingCharacters(in: .whitespaces), !value.isEmpty { claims[name] = value }
        }
        guard let token = sign(claims) else { return Self.page(500, "Northwind Identity", "<p>The token could not be signed.</p>") }
        let back = """
            <p>Signed in at Northwind Identity as \(HTMLEscaping.escape(email)).</p>
            <form method="post" action="\(HTMLEscaping.escape(redirect))">\(Self.hidden("id_token", token))\(Self.hidden("state", state))
            <p><button type="submit">Return to Partner Central</button></p></form>
            """
        return Self.page(200, "Northwind Identity", back)
    }

    /// Partner Central's callback, on this server (any host) or on the site's base URL.
    static func isRegistered(_ redirect: String) -> Bool {
        guard let url = URLComponents(string: redirect), url.path == callbackPath, url.query == nil, url.fragment == nil else { return false }
        return url.scheme == "http" || url.scheme == "https"
    }

    private static func hidden(_ name: String, _ value: String) -> String {
        "<input type=\"hidden\" name=\"\(name)\" value=\"\(HTMLEscaping.escape(value))\">"
    }

    private static func page(_ status: Int, _ title: String, _ body: String) -> HTTPResponse {
        let html = """
            <!doctype html><html lang="en"><head><meta charset="utf-8"><title>\(title)</title></head>
            <body style="font-family: sans-serif; max-width: 36rem; margin: 3rem auto"><h1>\(title)</h1>\(body)</body></html>
            """
        return HTTPResponse(status: status, headers: [
            .init("Content-Type", "text/html; charset=utf-8"), .init("Cache-Control", "no-store"),
            .init("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; form-action 'self' http: https:"),
        ], text: html)
    }

    private func sign(_ claims: [String: Any]) -> String? {
        guard let payload = try? JSONSerialization.data(withJSONObject: claims, options: [.sortedKeys]) else { return nil }
        let header = #"{"alg":"RS256","kid":"\#(Self.keyID)","typ":"JWT"}"#
        let input = ByteEncoding.base64URL(Array(header.utf8)) + "." + ByteEncoding.base64URL(Array(payload))
        guard let context = EVP_MD_CTX_new() else { return nil }
        defer { EVP_MD_CTX_free(context) }
        let message = Array(input.utf8)
        guard EVP_DigestSignInit(context, nil, EVP_sha256(), nil, key) == 1 else { return nil }
        var length = 0
        guard EVP_DigestSign(context, nil, &length, message, message.count) == 1 else { return nil }
        var signature = [UInt8](repeating: 0, count: length)
        guard EVP_DigestSign(context, &signature, &length, message, message.count) == 1 else { return nil }
        return input + "." + ByteEncoding.base64URL(Array(signature.prefix(length)))
    }

    private func parameter(_ name: String) -> [UInt8] {
        var bn: OpaquePointer?
        guard EVP_PKEY_get_bn_param(key, name, &bn) == 1, let bn else { return [] }
        defer { BN_free(bn) }
        let size = Int((BN_num_bits(bn) + 7) / 8)
        var out = [UInt8](repeating: 0, count: size)
        _ = BN_bn2binpad(bn, &out, Int32(size))
        return out
    }
}
