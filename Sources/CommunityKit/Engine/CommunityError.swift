public import CommunityRendering

/// What can go wrong building or changing a ``Community``.
public enum CommunityError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A plugin failed to install.
    case plugin(name: String, reason: String)
    /// A site is invalid: every problem.
    case invalidSite(id: String, [SiteError])
    /// No site has this id.
    case unknownSite(String)
    /// A site with this id or URL prefix exists.
    case duplicateSite(String)
    /// No pending self-registration has this id.
    case unknownRegistration(String)
    /// The configuration cannot work: what is wrong with it.
    case configuration(String)

    public var description: String {
        switch self {
        case .plugin(let name, let reason): "plugin \(name) failed: \(reason)"
        case .invalidSite(let id, let errors): "site \(id) is invalid:\n" + errors.map(\.description).joined(separator: "\n")
        case .unknownSite(let id): "no site \(id)"
        case .duplicateSite(let id): "a site \(id) (or one at the same URL prefix) already exists"
        case .unknownRegistration(let id): "no pending registration \(id)"
        case .configuration(let reason): "invalid configuration: \(reason)"
        }
    }
}
