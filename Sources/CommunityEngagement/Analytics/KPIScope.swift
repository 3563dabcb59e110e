/// Which sites the KPIs cover.
public enum KPIScope: Hashable, Sendable {
    /// One site: its own content and engine-wide content (``SiteScope``'s rule).
    case site(String)
    /// Every site and engine-wide content.
    case allSites

    /// Whether facts of `site` (`nil`: engine-wide) count in this scope.
    func includes(_ site: String?) -> Bool {
        switch self {
        case .allSites: true
        case .site(let id): site == nil || site == id
        }
    }
}
