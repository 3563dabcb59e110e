import CommunityRendering
import Synchronization

/// The sign-in view of every site the engine serves, by site id; shared by the engine, its
/// sign-in actions and its link-rewriting notifier.
final class SignInDirectory: Sendable {
    private let entries = Mutex<[String: SiteSignIn]>([:])

    init() {}

    /// The entry of a site.
    func entry(_ siteID: String) -> SiteSignIn? { entries.withLock { $0[siteID] } }

    /// Records (or replaces) a site's entry.
    func install(_ entry: SiteSignIn) { entries.withLock { $0[entry.site.id] = entry } }
}
