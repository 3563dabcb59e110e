public import CommunityModel

/// The identity providers a site's sign-in page offers ("Sign in with …"), supplied by the
/// engine through ``RenderServices``; ``SignInComponent`` shows one link per choice, and
/// ``ChangePasswordComponent`` the providers a member has signed in with.
public protocol SingleSignOnChoices: Sendable {
    /// The providers configured for `site`, in the order the host gave them.
    func choices(for site: Site) -> [SingleSignOnChoice]
    /// The names of the providers `user` has a linked identity at (oldest link first); an
    /// issuer `site` does not offer is named by its issuer identifier.
    func linkedProviders(of user: ID<User>, site: Site) -> [String]
}
