public import CommunityIdentity

/// Why ``Community/configureSingleSignOn(site:providers:)`` refused a configuration; nothing
/// was stored.
public enum SingleSignOnConfigurationError: Error, Hashable, Sendable, CustomStringConvertible {
    /// No site has this id.
    case unknownSite(String)
    /// The key is not 1 to 40 of `a-z`, `0-9` and `-`.
    case invalidKey(String)
    /// Two providers share a key.
    case duplicateKey(String)
    /// Two providers share an issuer.
    case duplicateIssuer(String)
    /// A required text (display name, issuer, client id) is empty, too long or holds control characters.
    case invalidField(provider: String, field: String)
    /// The authorization endpoint is not an `https` URL, a local `http` URL or a path.
    case invalidAuthorizationEndpoint(provider: String, String)
    /// The key set URL is not an `https` URL or a local `http` URL.
    case invalidKeySetURL(provider: String, String)
    /// The key set is not a JWKS document, or holds a malformed key.
    case invalidKeySet(provider: String, TokenError)
    /// The key set holds no key the verifier can use.
    case emptyKeySet(provider: String)
    /// The mapping provisions users with a profile that is not a member profile of the site, so
    /// they could never sign in.
    case profileNotMember(provider: String, profile: String)
    /// The store refused the write.
    case storeFailure(String)

    public var description: String {
        switch self {
        case .unknownSite(let id): "single sign-on: no site \(id)"
        case .invalidKey(let key): "single sign-on: provider key \(key.debugDescription) must be 1 to 40 of a-z, 0-9 and -"
        case .duplicateKey(let key): "single sign-on: two providers have the key \(key)"
        case .duplicateIssuer(let issuer): "single sign-on: two providers have the issuer \(issuer)"
        case .invalidField(let provider, let field): "single sign-on: provider \(provider): \(field) is empty, too long or malformed"
        case .invalidAuthorizationEndpoint(let provider, let url):
            "single sign-on: provider \(provider): authorization endpoint \(url.debugDescription) is not an https URL, a local http URL or a path"
        case .invalidKeySetURL(let provider, let url):
            "single sign-on: provider \(provider): key set URL \(url.debugDescription) is not an https URL or a local http URL"
        case .invalidKeySet(let provider, let error): "single sign-on: provider \(provider): \(error)"
        case .emptyKeySet(let provider): "single sign-on: provider \(provider): the key set has no usable signing key"
        case .profileNotMember(let provider, let profile):
            "single sign-on: provider \(provider) provisions profile \(profile), which is not a member profile of the site"
        case .storeFailure(let detail): "single sign-on: the store refused the configuration (\(detail))"
        }
    }
}
