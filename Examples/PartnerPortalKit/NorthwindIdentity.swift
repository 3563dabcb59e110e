import CommunityKit
import DevServer
import Foundation
import IDTokenSigning

/// A demonstration OpenID provider inside the portal, "Northwind Identity" at
/// `/northwind-identity/authorize`: it shows a form to pick a test identity and posts a real
/// RS256-signed ID token back to Partner Central's callback (`response_mode=form_post`), with
/// the `state` and `nonce` it was sent. Its RSA key is generated when the portal starts and
/// published to the engine as the provider's key set; it is also the engine's
/// ``OpenIDKeySource`` for it, answering with that key set.
///
/// It is a demo: it asks for no password. A real provider authenticates the person first.
final class NorthwindIdentity: OpenIDKeySource {
    static let issuer = "https://id.northwind.example"
    static let clientID = "partner-central"
    static let path = "/northwind-identity/authorize"
    static let callbackPath = "/partners/_sso/callback"
    private static let keyID = "northwind-1"
    private static let title = "Northwind Identity"

    private let key: RS256SigningKey
    private let clock: any WallClock

    /// A provider with a fresh 2048-bit RSA key.
    init(clock: any WallClock) throws {
        self.clock = clock
        guard let key = RS256SigningKey(keyID: Self.keyID) else {
            throw CommunityError.configuration("Northwind Identity: libcrypto could not generate a key")
        }
        self.key = key
    }

    /// The provider as Partner Central offers it: partner users provisioned into Acme Analytics.
    var provider: OpenIDProvider {
        OpenIDProvider(
            key: "northwind", displayName: Self.title, issuer: Self.issuer, clientID: Self.clientID,
            authorizationEndpoint: Self.path, keySetJSON: keySetJSON,
            mapping: ProvisioningMapping(
                allowsJustInTime: true, account: .fixed("acme"), profileID: "partner", userKind: .partner, roleID: "acme-user",
                isHighVolume: false))
    }

    /// The public key as a JWKS document.
    var keySetJSON: String { key.keySetJSON }

    /// The engine asks when a token names a key it does not know: the current key set.
    func currentKeySet(of provider: OpenIDProvider) throws -> String { keySetJSON }

    /// Answers `GET` (the identity form) and `POST` (sign and post back) of ``path``.
    func respond(to request: HTTPRequest) -> HTTPResponse {
        let fields = request.method == .post ? request.form : request.query
        guard fields["client_id"] == Self.clientID, fields["response_type"] == "id_token", fields["response_mode"] == "form_post",
              let redirect = fields["redirect_uri"], Self.isRegistered(redirect),
              let state = fields["state"], !state.isEmpty, let nonce = fields["nonce"], !nonce.isEmpty
        else {
            return Self.page(400, "This sign-in request is not valid", """
                <p>The site that sent you here asked for something Northwind Identity does not offer.</p>
                <p><a href="/partners/login">Back to Partner Central</a></p>
                """)
        }
        let carried = ["client_id", "response_type", "response_mode", "redirect_uri", "state", "nonce"].map { name in
            Self.hidden(name, fields[name] ?? "")
        }.joined()
        guard request.method == .post else { return Self.identityForm(carried: carried) }
        let email = (fields["email"] ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        guard !email.isEmpty else { return Self.identityForm(carried: carried, problem: "Enter an e-mail address.", status: 422) }
        let now = clock.now().timeIntervalSince1970
        var claims: [String: Any] = [
            "iss": Self.issuer, "aud": Self.clientID, "sub": "nw-" + ByteEncoding.hex(Digest.sha256(Array(email.utf8))).prefix(20),
            "iat": now, "exp": now + 300, "nonce": nonce, "email": email, "email_verified": true,
        ]
        for name in ["given_name", "family_name", "company"] {
            if let value = fields[name]?.trimmingCharacters(in: .whitespaces), !value.isEmpty { claims[name] = value }
        }
        guard let token = key.signedToken(claims) else {
            return Self.page(500, "Something went wrong", "<p>Northwind Identity could not sign your answer. Start again.</p>")
        }
        return Self.page(200, "You are signed in", """
            <p>Northwind Identity signed you in as <strong>\(HTMLEscaping.escape(email))</strong>.</p>
            <p class="nw-note">Partner Central receives your e-mail address, name and company.</p>
            <form method="post" action="\(HTMLEscaping.escape(redirect))">\(Self.hidden("id_token", token))\(Self.hidden("state", state))
            <button type="submit">Return to Partner Central</button></form>
            """)
    }

    /// The form to pick the test identity, with a problem shown above it.
    private static func identityForm(carried: String, problem: String? = nil, status: Int = 200) -> HTTPResponse {
        let alert = problem.map { #"<p class="nw-problem" role="alert">\#(HTMLEscaping.escape($0))</p>"# } ?? ""
        return page(status, "Sign in to Partner Central", """
            <p>Pick the test identity to sign in to Northwind Partner Central with.</p>
            <p class="nw-note">This is a demonstration provider: a real one would ask for your password first.</p>
            \(alert)<form method="post" action="\(path)">\(carried)
            <div class="nw-field"><label for="nw-email">E-mail address <span class="nw-required">(required)</span></label>
            <input id="nw-email" name="email" type="email" autocomplete="email" value="jordan.lee@acme-analytics.example" required></div>
            <div class="nw-field"><label for="nw-given">First name</label>
            <input id="nw-given" name="given_name" autocomplete="given-name" value="Jordan"></div>
            <div class="nw-field"><label for="nw-family">Last name <span class="nw-required">(required)</span></label>
            <input id="nw-family" name="family_name" autocomplete="family-name" value="Lee" required></div>
            <div class="nw-field"><label for="nw-company">Company</label>
            <input id="nw-company" name="company" autocomplete="organization" value="Acme Analytics"></div>
            <p class="nw-note">Partner Central will receive your e-mail address, name and company.</p>
            <button type="submit">Continue to Partner Central</button></form>
            <p class="nw-cancel"><a href="/partners/login">Cancel and go back</a></p>
            """)
    }

    /// Partner Central's callback, on this server (any host) or on the site's base URL.
    static func isRegistered(_ redirect: String) -> Bool {
        guard let url = URLComponents(string: redirect), url.path == callbackPath, url.query == nil, url.fragment == nil else { return false }
        return url.scheme == "http" || url.scheme == "https"
    }

    private static func hidden(_ name: String, _ value: String) -> String {
        "<input type=\"hidden\" name=\"\(name)\" value=\"\(HTMLEscaping.escape(value))\">"
    }

    /// The provider's look: Partner Central's green and type, a centred card, visible labels,
    /// a focus ring of 3:1 or more on every control, and no sideways scrolling at 320 px.
    static let styleSheet = """
        :root{--nw-primary:#0f5132;--nw-primary-dark:#0a3d26;--nw-text:#1b1b1f;--nw-muted:#56605a;--nw-border:#86918a;\
        --nw-surface:#f3f6f4;--nw-danger:#b3261e;--nw-focus:#0f5132}
        *{box-sizing:border-box}
        body{margin:0;background:var(--nw-surface);color:var(--nw-text);font:1rem/1.5 Inter,"Noto Sans KR",system-ui,sans-serif}
        .nw-bar{background:var(--nw-primary);color:#fff;padding:.75rem 1.25rem;font-weight:600;letter-spacing:.02em}
        .nw-bar span{display:inline-block;width:.75rem;height:.75rem;margin-right:.5rem;border-radius:50%;background:#fff}
        main{max-width:30rem;margin:2rem auto;padding:0 1rem}
        .nw-card{background:#fff;border:1px solid var(--nw-border);border-radius:6px;padding:1.5rem;\
        box-shadow:0 1px 3px rgba(0,0,0,.08)}
        h1{font-size:1.5rem;line-height:1.25;margin:0 0 1rem}
        .nw-note{color:var(--nw-muted);font-size:.9375rem}
        .nw-problem{color:var(--nw-danger);font-weight:600}
        .nw-field{margin:0 0 1rem}
        label{display:block;font-weight:600;margin-bottom:.25rem}
        .nw-required{font-weight:400;color:var(--nw-muted)}
        input{width:100%;font:inherit;color:inherit;padding:.5rem .625rem;border:1px solid var(--nw-border);border-radius:6px;background:#fff}
        button{font:inherit;font-weight:600;color:#fff;background:var(--nw-primary);border:1px solid var(--nw-primary);\
        border-radius:6px;padding:.625rem 1rem;cursor:pointer;width:100%}
        button:hover{background:var(--nw-primary-dark)}
        a{color:var(--nw-primary)}
        input:focus-visible,button:focus-visible,a:focus-visible{outline:3px solid var(--nw-focus);outline-offset:2px}
        .nw-cancel{text-align:center;margin:1rem 0 0}
        """

    /// The Content-Security-Policy hash of ``styleSheet``.
    private static let styleHash = "sha256-" + Data(Digest.sha256(Array(styleSheet.utf8))).base64EncodedString()

    private static func page(_ status: Int, _ heading: String, _ body: String) -> HTTPResponse {
        let html = """
            <!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(heading) – \(title)</title><style>\(styleSheet)</style></head>
            <body><header class="nw-bar"><span aria-hidden="true"></span>\(title)</header>
            <main><div class="nw-card"><h1>\(heading)</h1>\(body)</div></main></body></html>
            """
        return HTTPResponse(status: status, headers: [
            .init("Content-Type", "text/html; charset=utf-8"), .init("Cache-Control", "no-store"),
            .init("Content-Security-Policy", "default-src 'none'; style-src '\(styleHash)'; form-action 'self' http: https:; frame-ancestors 'none'"),
        ], text: html)
    }
}
