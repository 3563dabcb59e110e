public import CommunityIdentity
public import Foundation

/// Why a provider's keys were not refreshed, or why a token's key is still unknown after they
/// were. The callback answers every one of them 401 (`sso.rejected`) and logs it as `sso.failed`.
public enum OpenIDKeyRefreshError: Error, Hashable, Sendable, CustomStringConvertible {
    /// No site has this provider.
    case unknownProvider(site: String, provider: String)
    /// ``SingleSignOnOptions/keySource`` is not set.
    case noKeySource
    /// The provider's keys were fetched (or a fetch was tried) less than
    /// ``SingleSignOnOptions/minimumKeyRefreshInterval`` ago; the next fetch may happen at `next`.
    case tooSoon(provider: String, next: Date)
    /// The key source failed.
    case fetchFailed(provider: String, String)
    /// The fetched document is not a JWKS document, or holds a malformed key.
    case invalidKeySet(provider: String, TokenError)
    /// The fetched document holds no key the verifier can use.
    case emptyKeySet(provider: String)
    /// The store refused to keep the fetched keys.
    case storeFailure(String)
    /// The token's key is not in the provider's keys even after they were fetched again.
    case unknownKeyAfterRefresh(provider: String, kid: String?)

    public var description: String {
        switch self {
        case .unknownProvider(let site, let provider): "key refresh: site \(site) has no provider \(provider)"
        case .noKeySource: "key refresh: no key source is configured"
        case .tooSoon(let provider, let next): "key refresh: provider \(provider) was fetched recently; next at \(next)"
        case .fetchFailed(let provider, let detail): "key refresh: fetching the keys of \(provider) failed (\(detail))"
        case .invalidKeySet(let provider, let error): "key refresh: provider \(provider): \(error)"
        case .emptyKeySet(let provider): "key refresh: provider \(provider) published no usable signing key"
        case .storeFailure(let detail): "key refresh: the store refused the keys (\(detail))"
        case .unknownKeyAfterRefresh(let provider, let kid):
            "key refresh: provider \(provider) has no key \(kid.map(\.debugDescription) ?? "(none named)") even after a refresh"
        }
    }
}
