/// The identity providers a site's sign-in page offers ("Sign in with …"), supplied by the
/// engine through ``RenderServices``; ``SignInComponent`` shows one link per choice.
public protocol SingleSignOnChoices: Sendable {
    /// The providers configured for `site`, in the order the host gave them.
    func choices(for site: Site) -> [SingleSignOnChoice]
}
