/// Who a trusted identity provider says signed in: its issuer, the user's stable subject
/// there, and attributes (e-mail, names, company) from OIDC claims or SAML attributes.
///
/// The host builds it only after verifying the provider's token or response (for OIDC,
/// with ``IDTokenVerifier``); CommunityKit trusts it as given.
public struct FederatedAssertion: Sendable, Hashable {
    /// The provider's issuer identifier (OIDC `iss`, SAML entity id).
    public var issuer: String
    /// The user's identifier at the provider (OIDC `sub`, SAML NameID).
    public var subject: String
    /// Attribute values by name, such as `email`, `given_name`, `family_name`, `company`.
    public var attributes: [String: String]

    /// Creates an assertion.
    public init(issuer: String, subject: String, attributes: [String: String] = [:]) {
        self.issuer = issuer
        self.subject = subject
        self.attributes = attributes
    }

    /// The assertion a verified ID token makes: its issuer and subject, and its string and
    /// boolean claims as attributes (booleans as `"true"` or `"false"`, so a mapping can
    /// require `email_verified`).
    public init(claims: IDTokenClaims) {
        issuer = claims.issuer
        subject = claims.subject
        attributes = claims.all.compactMapValues { value in
            switch value {
            case .string(let text): text
            case .bool(let flag): flag ? "true" : "false"
            default: nil
            }
        }
    }
}
