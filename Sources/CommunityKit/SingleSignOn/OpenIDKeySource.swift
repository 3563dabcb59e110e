/// Where the engine gets a provider's current JSON Web Key Set when an ID token names a key it
/// does not know (the provider rotated its keys): the host's HTTP client fetching the provider's
/// ``OpenIDProvider/keySetURL`` (its `jwks_uri`), or any other way the host keeps the document.
///
/// The engine has no HTTP client of its own. It calls the source synchronously while it answers
/// the callback, at most once per provider per ``SingleSignOnOptions/minimumKeyRefreshInterval``,
/// so an implementation should bound its own time (a few seconds) and may answer from a cache.
///
/// ```swift
/// struct FetchingKeySource: OpenIDKeySource {
///     func currentKeySet(of provider: OpenIDProvider) throws -> String {
///         guard let url = provider.keySetURL else { throw MyError.noURL }
///         return try myHTTPClient.getText(url, timeout: .seconds(5))
///     }
/// }
/// configuration.singleSignOn.keySource = FetchingKeySource()
/// ```
public protocol OpenIDKeySource: Sendable {
    /// The provider's current JWKS document, as JSON text. Any error the source throws refuses the
    /// sign-in that asked (as ``OpenIDKeyRefreshError/fetchFailed(provider:_:)``).
    func currentKeySet(of provider: OpenIDProvider) throws -> String
}
