/// A trusted identity provider: its issuer identifier and how its users are provisioned.
public struct IdentityProvider: Sendable, Hashable {
    /// The issuer identifier assertions from it carry.
    public var issuer: String
    /// How sign-ins without a link become users.
    public var mapping: ProvisioningMapping

    /// Creates a provider entry.
    public init(issuer: String, mapping: ProvisioningMapping) {
        self.issuer = issuer
        self.mapping = mapping
    }
}
