public import CommunityModel

/// The user a federated sign-in resolved to.
public struct FederatedSignInResult: Sendable, Hashable {
    /// The signed-in user.
    public let userID: ID<User>
    /// Whether this sign-in created the user (and its contact) just in time.
    public let provisioned: Bool

    /// Creates a result.
    public init(userID: ID<User>, provisioned: Bool) {
        self.userID = userID
        self.provisioned = provisioned
    }
}
