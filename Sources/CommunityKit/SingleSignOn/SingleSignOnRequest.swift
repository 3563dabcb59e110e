public import CommunityModel
public import Foundation
import CommunityIdentity

/// A sign-in sent to an OpenID provider and not yet answered: the `nonce` its token must
/// carry, the provider, and where to go afterwards. Kept in the ``Store`` under a digest of
/// its `state` (the browser carries the state; the store never holds it), used once: the
/// callback deletes it before checking anything else. It is bound to the browser that started
/// it: ``browserBinding`` is the digest of a random value in that browser's `ck-sso` cookie, and
/// the callback refuses an answer posted by a browser without that cookie.
public struct SingleSignOnRequest: Entity, Hashable {
    public static let entityType: EntityType = "SingleSignOnRequest"
    public static var indexedFields: [IndexedField<SingleSignOnRequest>] {
        [IndexedField("expiresAt") { .dateTime($0.expiresAt) }]
    }

    public var id: ID<SingleSignOnRequest>
    /// The site signed in to.
    public var siteID: String
    /// The provider's key.
    public var providerKey: String
    /// The nonce sent; the ID token must carry it.
    public var nonce: String
    /// The base64url SHA-256 of the value in the starting browser's binding cookie; the callback
    /// requires the posting browser's cookie to match it. `nil` (a request stored before
    /// browsers were bound) is never accepted.
    public var browserBinding: String?
    /// The local path to return to, if the sign-in page had one.
    public var returnPath: String?
    /// When it was sent.
    public var createdAt: Date
    /// When an answer is no longer accepted.
    public var expiresAt: Date

    /// A request for the given `state`, bound to the browser whose binding cookie has the digest `browserBinding`.
    public init(
        state: String, siteID: String, providerKey: String, nonce: String, browserBinding: String? = nil, returnPath: String?, createdAt: Date,
        expiresAt: Date
    ) {
        id = Self.id(state: state)
        self.siteID = siteID
        self.providerKey = providerKey
        self.nonce = nonce
        self.browserBinding = browserBinding
        self.returnPath = returnPath
        self.createdAt = createdAt
        self.expiresAt = expiresAt
    }

    /// `sso-` and the base64url SHA-256 of the state.
    public static func id(state: String) -> ID<SingleSignOnRequest> {
        let digest = Digest.sha256(Array(state.utf8))
        // "sso-" and 43 characters of [A-Za-z0-9_-] always parse; the literal is never reached.
        return (try? ID<SingleSignOnRequest>(parsing: "sso-" + ByteEncoding.base64URL(digest))) ?? "sso-unparsable"
    }
}
