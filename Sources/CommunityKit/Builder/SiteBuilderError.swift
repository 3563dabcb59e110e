public import CommunityRendering

/// Why a change to a stored site (a draft edit, a publication, a rollback) was refused.
/// Nothing is written when one is thrown.
public enum SiteBuilderError: Error, Sendable, Hashable, CustomStringConvertible {
    /// No site has this id, live or stored.
    case unknownSite(String)
    /// The draft has no page with this id.
    case unknownPage(siteID: String, pageID: String)
    /// The draft fails validation: every problem, with its path.
    case invalidDraft(siteID: String, [SiteError])
    /// The edit cannot be made to the layout.
    case invalidEdit(LayoutEditError)
    /// A component's properties break its schema: every issue.
    case invalidProperties(componentID: String, [LayoutIssue])
    /// No published version has this number.
    case unknownVersion(siteID: String, version: Int)
    /// Someone else changed the site since the revision the change was based on.
    case conflict(siteID: String, expectedRevision: Int, actualRevision: Int)
    /// The store refused the write.
    case store(String)

    public var description: String {
        switch self {
        case .unknownSite(let id): "no site \(id)"
        case .unknownPage(let site, let page): "site \(site) has no page \(page)"
        case .invalidDraft(let site, let errors):
            "the draft of site \(site) is not valid:\n" + errors.map(\.description).joined(separator: "\n")
        case .invalidEdit(let error): error.description
        case .invalidProperties(let id, let issues):
            "component \(id): " + issues.map(\.description).joined(separator: "; ")
        case .unknownVersion(let site, let version): "site \(site) has no version \(version)"
        case .conflict(let site, let expected, let actual):
            "site \(site) changed since revision \(expected) (now \(actual)); reload and try again"
        case .store(let reason): "the store refused the change: \(reason)"
        }
    }
}
