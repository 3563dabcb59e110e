public import CommunityIdentity
import CommunityModel
import Foundation

/// Refreshing a provider's keys: when an ID token names a key the stored key set lacks, the
/// engine asks ``SingleSignOnOptions/keySource`` for the current document, at most once per
/// provider per ``SingleSignOnOptions/minimumKeyRefreshInterval``, keeps a changed document in the
/// provider's record (so every host verifies with it) and verifies once more.
extension Community {
    /// Fetches the current key set of a site's provider from ``SingleSignOnOptions/keySource``
    /// now (for a host that refreshes on its own schedule), under the same rate limit as the
    /// callback, and keeps it when it differs from the stored one.
    ///
    /// - Returns: the keys fetched.
    /// - Throws: an ``OpenIDKeyRefreshError``; the stored keys are unchanged then.
    @discardableResult
    public func refreshSingleSignOnKeys(site siteID: String, provider key: String) throws(OpenIDKeyRefreshError) -> JSONWebKeySet {
        let record: OpenIDProviderRecord?
        do {
            record = try SingleSignOnDirectory.records(of: siteID, in: store).first { $0.key == key }
        } catch {
            throw .storeFailure("\(error)")
        }
        guard let record else { throw .unknownProvider(site: siteID, provider: key) }
        return try refreshedKeys(of: record)
    }

    /// Verifies `token` with the provider's stored keys; when it names a key they lack, with the
    /// key set fetched again (if the key source is set and the rate limit allows).
    func verifiedClaims(_ token: String, record: OpenIDProviderRecord, nonce: String, at now: Date) throws -> IDTokenClaims {
        let verifier = IDTokenVerifier(configuration: .init(issuer: record.issuer, clientID: record.clientID))
        let stored = try JSONWebKeySet(json: Data(record.keySetJSON.utf8))
        do {
            return try verifier.verify(token, keys: stored, nonce: nonce, at: now)
        } catch .unknownKey where keyRing.options.keySource != nil {
            let fresh = try refreshedKeys(of: record)
            do {
                return try verifier.verify(token, keys: fresh, nonce: nonce, at: now)
            } catch .unknownKey(let kid) {
                throw OpenIDKeyRefreshError.unknownKeyAfterRefresh(provider: record.key, kid: kid)
            }
        }
    }

    /// Fetches, checks and keeps the provider's current key set.
    private func refreshedKeys(of record: OpenIDProviderRecord) throws(OpenIDKeyRefreshError) -> JSONWebKeySet {
        guard let source = keyRing.options.keySource else { throw .noKeySource }
        let now = clock.now()
        if let next = keyRing.claim(record.id, at: now) { throw .tooSoon(provider: record.key, next: next) }
        let text: String
        do {
            text = try source.currentKeySet(of: record.provider)
        } catch {
            throw .fetchFailed(provider: record.key, "\(error)")
        }
        let keys: JSONWebKeySet
        do {
            keys = try JSONWebKeySet(json: Data(text.utf8))
        } catch {
            throw .invalidKeySet(provider: record.key, error)
        }
        guard !keys.keys.isEmpty else { throw .emptyKeySet(provider: record.key) }
        logger.log(LogEvent(.info, "sso.keysFetched", "a provider's key set was fetched again", metadata: [
            "site": .text(record.siteID), "provider": .text(record.key), "keys": .integer(keys.keys.count),
            "changed": .boolean(text != record.keySetJSON),
        ]))
        guard text != record.keySetJSON else { return keys }
        do {
            try store.write { tx in
                // Only the keys change; a provider reconfigured or removed meanwhile is left as it is.
                guard var current = try tx.value(record.id), current.key == record.key, current.issuer == record.issuer else { return }
                current.keySetJSON = text
                try tx.put(current)
            }
        } catch {
            throw .storeFailure("\(error)")
        }
        return keys
    }
}
