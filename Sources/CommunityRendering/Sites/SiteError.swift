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
    /// A redirect's source is not a same-site path (see ``SitePath``).
    case invalidRedirectSource(String, SitePath.Problem)
    /// A redirect's target is not a same-site path (see ``SitePath``); it would reach a `Location` header.
    case invalidRedirectTarget(String, from: String, SitePath.Problem)
    /// A menu item's URL may not be used: a protocol-relative `//host` link (write the scheme).
    case invalidMenuURL(String, menu: String, item: String)
    /// The base URL is not `http(s)://host[:port]` with nothing after the host.
    case invalidBaseURL(String)
    /// A theme value is out of bounds (a font name, a size).
    case invalidTheme(String)
    /// A menu's items nest deeper than ``NavigationMenu/maximumDepth``.
    case menuTooDeep(menu: String, limit: Int)

    /// The site's sign-in settings cannot work: what is wrong.
    case invalidSignInSettings(String)

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
        case .invalidRedirectSource(let source, let problem): "redirect source \(Self.quoted(source)) \(problem)"
        case .invalidRedirectTarget(let target, let source, let problem):
            "redirect from \(Self.quoted(source)) to \(Self.quoted(target)): the target \(problem)"
        case .invalidMenuURL(let url, let menu, let item): "menu \(menu) item \(Self.quoted(item)): URL \(Self.quoted(url)) may not start with //; write https://"
        case .invalidBaseURL(let url): "base URL \(Self.quoted(url)) is not http(s)://host"
        case .invalidTheme(let issue): "theme: \(issue)"
        case .menuTooDeep(let menu, let limit): "menu \(menu) nests deeper than \(limit) levels"
        case .invalidSignInSettings(let reason): "sign-in settings: \(reason)"
        }
    }

    /// Untrusted text for a message: escaped (no raw CR/LF reaches a log) and cut to 120 characters.
    static func quoted(_ text: String) -> String {
        let cut = text.count > 120 ? String(text.prefix(120)) + "…" : text
        return cut.debugDescription
    }
}
