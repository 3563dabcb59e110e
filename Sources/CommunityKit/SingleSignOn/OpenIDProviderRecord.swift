public import CommunityModel
public import CommunityIdentity
import Foundation

/// An ``OpenIDProvider`` of a site as kept in the ``Store``, so every host serving the site
/// offers and verifies the same providers.
public struct OpenIDProviderRecord: Entity, Hashable {
    public static let entityType: EntityType = "OpenIDProviderRecord"
    public static var indexedFields: [IndexedField<OpenIDProviderRecord>] {
        [IndexedField("siteID") { .text($0.siteID) }]
    }

    public var id: ID<OpenIDProviderRecord>
    /// The site offering the provider.
    public var siteID: String
    /// Its place on the sign-in page (0 first).
    public var position: Int
    /// The provider as configured.
    public var key: String
    /// See ``OpenIDProvider/displayName``.
    public var displayName: String
    /// See ``OpenIDProvider/issuer``.
    public var issuer: String
    /// See ``OpenIDProvider/clientID``.
    public var clientID: String
    /// See ``OpenIDProvider/authorizationEndpoint``.
    public var authorizationEndpoint: String
    /// See ``OpenIDProvider/keySetJSON``; replaced when a refresh fetches a different document.
    public var keySetJSON: String
    /// See ``OpenIDProvider/keySetURL``.
    public var keySetURL: String?
    /// See ``OpenIDProvider/mapping``.
    public var mapping: ProvisioningMapping

    /// The record of `provider` for `siteID`.
    public init(siteID: String, position: Int, provider: OpenIDProvider) {
        id = Self.id(siteID: siteID, key: provider.key)
        self.siteID = siteID
        self.position = position
        key = provider.key
        displayName = provider.displayName
        issuer = provider.issuer
        clientID = provider.clientID
        authorizationEndpoint = provider.authorizationEndpoint
        keySetJSON = provider.keySetJSON
        keySetURL = provider.keySetURL
        mapping = provider.mapping
    }

    /// The provider it records.
    public var provider: OpenIDProvider {
        OpenIDProvider(
            key: key, displayName: displayName, issuer: issuer, clientID: clientID, authorizationEndpoint: authorizationEndpoint,
            keySetJSON: keySetJSON, keySetURL: keySetURL, mapping: mapping)
    }

    /// `oidc-` and the base64url SHA-256 of the site id, a NUL byte and the key.
    public static func id(siteID: String, key: String) -> ID<OpenIDProviderRecord> {
        let digest = Digest.sha256(Array(siteID.utf8) + [0] + Array(key.utf8))
        // "oidc-" and 43 characters of [A-Za-z0-9_-] always parse; the literal is never reached.
        return (try? ID<OpenIDProviderRecord>(parsing: "oidc-" + ByteEncoding.base64URL(digest))) ?? "oidc-unparsable"
    }
}
