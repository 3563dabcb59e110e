public import CommunityContent

/// Why the management console's KPIs or search-log settings were refused.
public enum ManagementError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The viewer is not an internal user holding ``Community/managementPermission``.
    case notPermitted(user: String?)
    /// No site has this id.
    case unknownSite(String)
    /// The date range is empty (start after end) or longer than ``Community/maximumKPIDays``.
    case invalidRange(from: String, to: String)
    /// A retention window outside 0…``SearchLogRetention/maximumDays`` days.
    case invalidRetention(days: Int)
    /// No search log entry of this site has this id.
    case unknownSearch(String)
    /// The store refused the write: its reason.
    case storage(String)
    /// A search promotion was refused: why.
    case invalidPromotion(SearchPromotionError)
    /// No search promotion has this id.
    case unknownPromotion(String)

    public var description: String {
        switch self {
        case .notPermitted(let user):
            "\(user.map { "user \($0)" } ?? "a guest") may not see community KPIs: it takes an internal user with \(Community.managementPermission.name)"
        case .unknownSite(let id): "no site \(id)"
        case .invalidRange(let from, let to): "the range \(from)…\(to) is empty or longer than \(Community.maximumKPIDays) days"
        case .invalidRetention(let days): "a search log retention of \(days) days is outside 0…\(SearchLogRetention.maximumDays)"
        case .unknownSearch(let id): "no logged search \(id) on this site"
        case .storage(let reason): "the store refused the write: \(reason)"
        case .invalidPromotion(let reason): "the search promotion was refused: \(reason)"
        case .unknownPromotion(let id): "no search promotion \(id)"
        }
    }
}
