public import CommunityIdentity

/// An OpenID Connect provider a site offers on its sign-in page ("Sign in with …"), as the
/// host configures it with ``Community/configureSingleSignOn(site:providers:)``.
///
/// The site signs people in with the implicit flow (`response_type=id_token`,
/// `response_mode=form_post`): the browser goes to ``authorizationEndpoint`` and the provider
/// posts a signed ID token back to the site's `/_sso/callback`, so the engine needs no
/// back-channel HTTP client. The provider's keys are given as its JSON Web Key Set document;
/// when a token names a key that document lacks, the engine asks the host's
/// ``OpenIDKeySource`` (``SingleSignOnOptions/keySource``) for the current one, at most once per
/// ``SingleSignOnOptions/minimumKeyRefreshInterval``.
public struct OpenIDProvider: Sendable, Hashable {
    /// The provider's short name in the site's paths (`/_sso/start/northwind`): 1 to 40 of `a-z`, `0-9` and `-`.
    public var key: String
    /// The name the sign-in page shows ("Northwind Identity").
    public var displayName: String
    /// The issuer identifier its tokens carry (`iss`).
    public var issuer: String
    /// The site's client id at the provider (the tokens' audience).
    public var clientID: String
    /// Where the browser is sent to sign in: an `https` URL, an `http` URL on `localhost` or
    /// `127.0.0.1` (development), or a path on the host serving the site.
    public var authorizationEndpoint: String
    /// The provider's JSON Web Key Set document, as JSON text.
    public var keySetJSON: String
    /// Where the provider publishes its key set (its `jwks_uri`), for the host's
    /// ``OpenIDKeySource``: an `https` URL, or an `http` URL on `localhost` or `127.0.0.1`. `nil`
    /// when the source knows without it.
    public var keySetURL: String?
    /// How a first sign-in becomes a user (just-in-time provisioning), or that it may not.
    public var mapping: ProvisioningMapping

    /// Creates a provider entry; ``Community/configureSingleSignOn(site:providers:)`` checks it.
    public init(
        key: String, displayName: String, issuer: String, clientID: String, authorizationEndpoint: String, keySetJSON: String,
        keySetURL: String? = nil, mapping: ProvisioningMapping
    ) {
        self.key = key
        self.displayName = displayName
        self.issuer = issuer
        self.clientID = clientID
        self.authorizationEndpoint = authorizationEndpoint
        self.keySetJSON = keySetJSON
        self.keySetURL = keySetURL
        self.mapping = mapping
    }
}
