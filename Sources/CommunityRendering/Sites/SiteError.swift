/// Why a change to a site's pages, menus or settings was refused.
public enum SiteError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A page with this id exists.
    case duplicatePageID(String)
    /// No page has this id.
    case unknownPage(String)
    /// The slug is empty (outside the home page) or has characters other than lower-case letters, digits and `-`.
    case invalidSlug(String, pageID: String)
    /// Another page already answers at this path.
    case pathTaken(String, by: String)
    /// The page would sit deeper than the hierarchy allows.
    case tooDeep(pageID: String, depth: Int, limit: Int)
    /// Moving the page under itself or a descendant.
    case cycle(pageID: String)
    /// A page with children cannot be removed.
    case hasChildren(pageID: String)
    /// The URL prefix must be `/` or `/segment`.
    case invalidPrefix(String)
    /// A reference to an audience the site does not define.
    case unknownAudience(String, at: String)
    /// A menu item points at a missing page.
    case unknownMenuTarget(String, menu: String)
    /// A page layout is invalid.
    case invalidLayout(pageID: String, LayoutError)
    /// A special page (home, 404, 403) is missing.
    case missingSpecialPage(String)
    /// The site's request limits are out of range: each problem.
    case invalidLimits([String])

    public var description: String {
        switch self {
        case .duplicatePageID(let id): "page id \(id) is already used"
        case .unknownPage(let id): "no page \(id)"
        case .invalidSlug(let s, let id): "page \(id): invalid slug \"\(s)\""
        case .pathTaken(let p, let by): "path \(p) is already taken by page \(by)"
        case .tooDeep(let id, let d, let l): "page \(id) would be \(d) levels deep (limit \(l))"
        case .cycle(let id): "page \(id) cannot move under itself"
        case .hasChildren(let id): "page \(id) has child pages"
        case .invalidPrefix(let p): "invalid URL prefix \"\(p)\""
        case .unknownAudience(let a, let at): "\(at): unknown audience \(a)"
        case .unknownMenuTarget(let p, let m): "menu \(m): no page \(p)"
        case .invalidLayout(let id, let e): "page \(id): \(e)"
        case .missingSpecialPage(let p): "missing \(p) page"
        case .invalidLimits(let problems): "request limits: " + problems.joined(separator: "; ")
        }
    }
}
