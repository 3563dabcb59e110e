public import CommunityModel
public import CommunityAccess

/// A community site: its address, theme, status, who may join and enter, locales, menus,
/// audiences and the page hierarchy. One engine hosts many sites.
public struct Site: Sendable, Hashable, Codable {
    /// Whether the site serves pages.
    public enum Status: String, Sendable, Hashable, Codable, CaseIterable {
        /// Being built: only internal members see it.
        case draft
        /// Open to signed-in members for review; guests are kept out.
        case preview
        /// Live.
        case published
        /// Taken down: everyone gets a maintenance response.
        case offline
    }

    /// How people join the site on their own.
    public enum SelfRegistration: String, Sendable, Hashable, Codable {
        /// Only administrators add members.
        case disabled
        /// Sign-ups wait for approval.
        case pending
        /// Sign-ups become members at once.
        case instant
    }

    /// The deepest a page may sit (a top-level page is level 1).
    public static let maximumDepth = 6

    /// Unique within the engine, such as `partners`.
    public var id: String
    /// The display name.
    public var name: String
    /// Where the site is mounted: `/` or `/partners`.
    public var urlPrefix: String
    /// The origin canonical URLs use, such as `https://partners.example.com`.
    public var baseURL: String
    /// The template the site was created from.
    public var template: String
    /// The look.
    public var theme: Theme
    /// Whether the site serves.
    public var status: Status
    /// Profiles whose users are members.
    public var memberProfileIDs: [ID<Profile>]
    /// Permission sets whose holders are members.
    public var memberPermissionSetIDs: [ID<PermissionSet>]
    /// Whether guests may see public pages.
    public var guestAccess: Bool
    /// The profile of the site's guest user (Salesforce's site guest user): when set, a guest
    /// request served through `Community.handle` is evaluated as ``guestUserID``, so guest sharing
    /// rules reach the site's pages. `nil` (sites made before guest users existed) keeps the
    /// anonymous guest, who reads no records.
    public var guestProfileID: ID<Profile>?
    /// Self-registration mode.
    public var selfRegistration: SelfRegistration
    /// The profile self-registered members get (one of ``memberProfileIDs``).
    public var selfRegistrationProfileID: ID<Profile>?
    /// The account self-registered customers join (Salesforce's "default account").
    public var selfRegistrationAccountID: ID<Account>?
    /// Locales offered, the default first (`en_US`, `de_DE`, `ko_KR`).
    public var locales: [String]
    /// Navigation menus.
    public var menus: [NavigationMenu]
    /// Audiences defined for the site.
    public var audiences: [Audience]
    /// Bounds on every request; `nil` means ``SiteLimits/standard``.
    public var limits: SiteLimits?
    /// Pages, parents before children.
    public private(set) var pages: [Page]
    /// Permanent redirects from old paths (relative to the prefix) to current ones.
    public private(set) var redirects: [String: String]
    /// The home page.
    public var homePageID: String?
    /// The page shown for unknown paths.
    public var notFoundPageID: String?
    /// The page shown when a viewer may not see a page.
    public var forbiddenPageID: String?
    /// The sign-in page: a guest asking for a page only members may see is sent there, with the
    /// path asked for in its `return` query parameter. `nil` (the default for bundles made
    /// before sign-in existed) answers such requests with the forbidden page.
    public var signInPageID: String?
    /// The site's own text (page titles, menu items, banners, headings) in its other locales;
    /// `nil` shows that text as written.
    public var translations: SiteTranslations?
    /// The site's sign-in rules (password length, session lifetimes); `nil` uses the engine's defaults.
    public var signIn: SiteSignInSettings?
    /// Whether guests may see members: the member directory, member profiles and the
    /// leaderboard's names. `nil` (the default) and `false` hide them from guests; see
    /// ``guestsMaySeeMembers``.
    public var showsMembersToGuests: Bool?

    /// A site without pages.
    public init(
        id: String, name: String, urlPrefix: String = "/", baseURL: String = "https://community.example.com",
        template: String = "buildYourOwn", theme: Theme = .standard, status: Status = .draft,
        memberProfileIDs: [ID<Profile>] = [], memberPermissionSetIDs: [ID<PermissionSet>] = [],
        guestAccess: Bool = true, selfRegistration: SelfRegistration = .disabled, locales: [String] = ["en_US"],
        menus: [NavigationMenu] = [], audiences: [Audience] = []
    ) throws(SiteError) {
        guard Site.isValidPrefix(urlPrefix) else { throw .invalidPrefix(urlPrefix) }
        self.id = id
        self.name = name
        self.urlPrefix = urlPrefix == "/" ? "" : urlPrefix
        self.baseURL = baseURL
        self.template = template
        self.theme = theme
        self.status = status
        self.memberProfileIDs = memberProfileIDs
        self.memberPermissionSetIDs = memberPermissionSetIDs
        self.guestAccess = guestAccess
        self.selfRegistration = selfRegistration
        self.locales = locales
        self.menus = menus
        self.audiences = audiences
        self.pages = []
        self.redirects = [:]
    }

    static func isValidPrefix(_ prefix: String) -> Bool {
        if prefix == "/" || prefix.isEmpty { return true }
        guard prefix.hasPrefix("/") else { return false }
        return Page.isValidSlug(String(prefix.dropFirst()))
    }

    // MARK: Pages

    /// The page with an id.
    public func page(_ id: String) -> Page? { pages.first { $0.id == id } }

    /// The direct children of a page (`nil` for the top level).
    public func children(of id: String?) -> [Page] { pages.filter { $0.parentID == id } }

    /// The page and every page below it.
    public func subtree(of id: String) -> [Page] {
        var out: [Page] = []
        var queue = [id]
        var seen: Set<String> = []
        while let next = queue.popLast() {
            // A decoded site may hold a parent cycle; visit each page once.
            guard seen.insert(next).inserted else { continue }
            if let page = page(next) { out.append(page) }
            queue += children(of: next).map(\.id)
        }
        return out
    }

    /// How deep a page sits: 1 for a top-level page.
    public func depth(of id: String) -> Int {
        var depth = 0
        var current = page(id)
        while let page = current, depth <= pages.count {
            depth += 1
            current = page.parentID.flatMap(self.page)
        }
        return depth
    }

    /// The page's path relative to the prefix, built from its ancestors' slugs:
    /// `/partners/leads/new` has the relative path `/leads/new`. Object pages end in `/{parameter}`.
    public func path(of id: String) -> String? {
        guard var current = page(id) else { return nil }
        var segments: [String] = []
        if !current.slug.isEmpty { segments.append(current.slug) }
        var guardCount = 0
        while let parentID = current.parentID, let parent = page(parentID), guardCount < pages.count {
            if !parent.slug.isEmpty { segments.append(parent.slug) }
            current = parent
            guardCount += 1
        }
        return "/" + segments.reversed().joined(separator: "/")
    }

    /// The absolute path (prefix included) of a page, with the object parameter filled in.
    public func url(of id: String, parameter: String? = nil) -> SafeURL? {
        guard let path = path(of: id), let page = page(id) else { return nil }
        var segments = path.split(separator: "/").map(String.init)
        if page.parameter != nil {
            guard let parameter else { return nil }
            segments.append(parameter)
        }
        return SafeURL.path(segments, prefix: urlPrefix)
    }

    /// Adds a page under its parent.
    ///
    /// - Throws: ``SiteError`` for a duplicate id, bad slug, missing parent, taken path or a page deeper than six levels.
    public mutating func addPage(_ page: Page) throws(SiteError) {
        guard self.page(page.id) == nil else { throw .duplicatePageID(page.id) }
        try checkSlug(page)
        if let parentID = page.parentID, self.page(parentID) == nil { throw .unknownPage(parentID) }
        var next = self
        next.pages.append(page)
        try next.checkPlacement(of: [page.id])
        next.redirects.removeValue(forKey: next.path(of: page.id) ?? "")
        self = next
    }

    /// Replaces a page's content (title, layout, variations, SEO, visibility) keeping its place.
    public mutating func updatePage(_ page: Page) throws(SiteError) {
        guard let index = pages.firstIndex(where: { $0.id == page.id }) else { throw .unknownPage(page.id) }
        let old = pages[index]
        var updated = page
        updated.slug = old.slug
        updated.parentID = old.parentID
        pages[index] = updated
    }

    /// Renames a page's slug; every URL beneath it changes and the old ones redirect permanently.
    public mutating func renamePage(_ id: String, slug: String) throws(SiteError) {
        guard let index = pages.firstIndex(where: { $0.id == id }) else { throw .unknownPage(id) }
        var changed = pages[index]
        changed.slug = slug
        try checkSlug(changed)
        try relocate(id) { $0.pages[index].slug = slug }
    }

    /// Moves a page (and everything below it) under another parent, or to the top level;
    /// the old URLs redirect permanently.
    public mutating func movePage(_ id: String, under parentID: String?) throws(SiteError) {
        guard let index = pages.firstIndex(where: { $0.id == id }) else { throw .unknownPage(id) }
        if let parentID {
            guard page(parentID) != nil else { throw .unknownPage(parentID) }
            if subtree(of: id).contains(where: { $0.id == parentID }) { throw .cycle(pageID: id) }
        }
        try relocate(id) { $0.pages[index].parentID = parentID }
    }

    /// Removes a page without children; its URL redirects nowhere and answers 404.
    public mutating func removePage(_ id: String) throws(SiteError) {
        guard page(id) != nil else { throw .unknownPage(id) }
        guard children(of: id).isEmpty else { throw .hasChildren(pageID: id) }
        pages.removeAll { $0.id == id }
        if homePageID == id { homePageID = nil }
        if notFoundPageID == id { notFoundPageID = nil }
        if forbiddenPageID == id { forbiddenPageID = nil }
        if signInPageID == id { signInPageID = nil }
    }

    private mutating func relocate(_ id: String, _ change: (inout Site) -> Void) throws(SiteError) {
        let moved = subtree(of: id).map(\.id)
        let before = Dictionary(moved.map { ($0, path(of: $0) ?? "") }, uniquingKeysWith: { first, _ in first })
        var next = self
        change(&next)
        try next.checkPlacement(of: moved)
        for pageID in moved {
            guard let old = before[pageID], let new = next.path(of: pageID), old != new else { continue }
            next.addRedirect(from: old, to: new)
        }
        self = next
    }

    /// Records a permanent redirect, collapsing chains and dropping redirects from live paths.
    mutating func addRedirect(from old: String, to new: String) {
        for (source, target) in redirects where target == old { redirects[source] = new }
        redirects[old] = new
        let live = Set(pages.compactMap { path(of: $0.id) })
        for source in redirects.keys where live.contains(source) || redirects[source] == source {
            redirects.removeValue(forKey: source)
        }
    }

    private func checkSlug(_ page: Page) throws(SiteError) {
        if page.slug.isEmpty {
            guard page.parentID == nil, page.parameter == nil else { throw .invalidSlug(page.slug, pageID: page.id) }
        } else if !Page.isValidSlug(page.slug) {
            throw .invalidSlug(page.slug, pageID: page.id)
        }
    }

    private func checkPlacement(of ids: [String]) throws(SiteError) {
        for id in ids {
            let depth = depth(of: id)
            if depth > Site.maximumDepth { throw .tooDeep(pageID: id, depth: depth, limit: Site.maximumDepth) }
        }
        var seen: [String: String] = [:]
        for page in pages {
            let key = (path(of: page.id) ?? "") + (page.parameter == nil ? "" : "/{}")
            if let other = seen[key] { throw .pathTaken(key, by: other) }
            seen[key] = page.id
        }
    }

    // MARK: Membership

    /// Whether a viewer is a member: an active user whose profile or a permission set is listed.
    public func isMember(_ viewer: Viewer) -> Bool {
        guard let user = viewer.user, user.isActive, user.kind != .guest else { return false }
        return memberProfileIDs.contains(user.profileID)
            || !viewer.permissionSetIDs.isDisjoint(with: memberPermissionSetIDs)
    }

    /// The audience with an id.
    public func audience(_ id: String) -> Audience? { audiences.first { $0.id == id } }

    /// Whether a viewer may see a page (membership, guest access and the page's visibility).
    public func mayView(_ page: Page, viewer: Viewer, record: (any Record)? = nil) -> Bool {
        if page.visibility == .everyone { return true }
        let member = isMember(viewer)
        if !member && !(viewer.isGuest && guestAccess) { return false }
        switch page.visibility {
        case .public: return true
        case .members: return member
        case .audience(let id): return member && (audience(id)?.includes(viewer, record: record) ?? false)
        case .everyone: return true
        }
    }

    /// Whether a viewer may see a record page showing `visibleRecord` (the record as Access shows
    /// it to the viewer), with record-field audiences evaluated on its readable fields.
    public func mayView(_ page: Page, viewer: Viewer, visibleRecord: RedactedRecord?) -> Bool {
        guard case .audience(let id) = page.visibility else { return mayView(page, viewer: viewer, record: nil) }
        return isMember(viewer) && (audience(id)?.includes(viewer, visibleRecord: visibleRecord) ?? false)
    }

    /// The layout a viewer gets: the variation whose audience (including the viewer) has the
    /// most criteria, else the default layout.
    public func layout(of page: Page, for viewer: Viewer, record: (any Record)? = nil) -> PageLayout {
        variation(of: page, for: viewer, record: record)?.layout ?? page.layout
    }

    /// The chosen variation, if any.
    public func variation(of page: Page, for viewer: Viewer, record: (any Record)? = nil) -> Page.Variation? {
        var best: (Page.Variation, Int)?
        for variation in page.variations {
            guard let audience = audience(variation.audienceID), audience.includes(viewer, record: record) else { continue }
            let count = audience.criteria.criteriaCount
            if let current = best, count <= current.1 { continue }
            best = (variation, count)
        }
        return best?.0
    }

    /// The first page whose default layout holds a component of `type` (where the built-in
    /// account components live: `community.signIn`, `community.resetPassword`, …).
    public func page(containing type: ComponentType) -> Page? {
        pages.first { page in
            page.layout.regions.contains { region in
                region.rows.contains { row in row.columns.contains { column in column.components.contains { $0.type == type } } }
            }
        }
    }

    // MARK: Validation

    /// Every problem with the site: its URL prefix and base URL, theme, layouts (against
    /// `registry`, including every property's range, length and pattern), audience references,
    /// menus and redirects (each source and target must be a same-site ``SitePath``).
    public func validate(registry: ComponentRegistry) -> [SiteError] {
        var errors: [SiteError] = []
        // A decoded site skipped addPage: rebuild the hierarchy to find duplicate ids, missing
        // parents, cycles, bad slugs, taken paths and pages too deep.
        var rebuilt = self
        do { try rebuilt.replacePages(pages, redirects: redirects) } catch { errors.append(error) }
        // Stored prefixes are "" (the root) or "/segment"; a stored "/" would make every link "//…".
        if urlPrefix == "/" || (!urlPrefix.isEmpty && !Site.isValidPrefix(urlPrefix)) { errors.append(.invalidPrefix(urlPrefix)) }
        if !Site.isValidBaseURL(baseURL) { errors.append(.invalidBaseURL(baseURL)) }
        errors += theme.issues.map(SiteError.invalidTheme)
        let audienceIDs = Set(audiences.map(\.id))
        let validator = LayoutValidator(registry: registry, audienceIDs: audienceIDs)
        for page in pages {
            let issues = validator.validate(page.layout)
                + page.variations.enumerated().flatMap { i, v in
                    validator.validate(v.layout).map { $0.prefixed("variations[\(i)]") }
                }
            if !issues.isEmpty { errors.append(.invalidLayout(pageID: page.id, LayoutError(issues: issues))) }
            if case .audience(let a) = page.visibility, !audienceIDs.contains(a) {
                errors.append(.unknownAudience(a, at: "page \(page.id)"))
            }
            for v in page.variations where !audienceIDs.contains(v.audienceID) {
                errors.append(.unknownAudience(v.audienceID, at: "page \(page.id) variation \(v.name)"))
            }
        }
        for menu in menus {
            func walk(_ items: [NavigationMenu.Item], depth: Int = 1) {
                if depth > NavigationMenu.maximumDepth {
                    errors.append(.menuTooDeep(menu: menu.id, limit: NavigationMenu.maximumDepth))
                    return
                }
                for item in items {
                    switch item.target {
                    case .page(let id):
                        if page(id) == nil { errors.append(.unknownMenuTarget(id, menu: menu.id)) }
                    case .url(let url):
                        if !Site.isValidMenuURL(url) { errors.append(.invalidMenuURL(url.string, menu: menu.id, item: item.label)) }
                    }
                    if let a = item.audienceID, !audienceIDs.contains(a) {
                        errors.append(.unknownAudience(a, at: "menu \(menu.id) item \(item.label)"))
                    }
                    walk(item.children, depth: depth + 1)
                }
            }
            walk(menu.items)
        }
        for (name, id) in [("home", homePageID), ("404", notFoundPageID), ("403", forbiddenPageID), ("sign-in", signInPageID)] {
            if let id, page(id) == nil { errors.append(.missingSpecialPage(name)) }
        }
        for (source, target) in redirects.sorted(by: { $0.key < $1.key }) {
            if let problem = SitePath.problem(in: source) { errors.append(.invalidRedirectSource(source, problem)) }
            if let problem = SitePath.problem(in: target) { errors.append(.invalidRedirectTarget(target, from: source, problem)) }
        }
        return errors
    }

    /// Whether a base URL is `http://` or `https://` and a host (ASCII letters, digits, `-`, `.`)
    /// with an optional port, and nothing else: it prefixes every canonical URL.
    public static func isValidBaseURL(_ url: String) -> Bool {
        let lower = url.lowercased()
        let authority: Substring
        if lower.hasPrefix("https://") {
            authority = url.dropFirst(8)
        } else if lower.hasPrefix("http://") {
            authority = url.dropFirst(7)
        } else {
            return false
        }
        guard !authority.isEmpty, authority.utf8.count <= 260, SafeURL(url) != nil else { return false }
        let parts = authority.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        guard let host = parts.first, !host.isEmpty, !host.hasPrefix("."), !host.hasPrefix("-") else { return false }
        let hostIsValid = host.unicodeScalars.allSatisfy { s in
            s.isASCII && (s.properties.isAlphabetic || ("0"..."9").contains(s) || s == "-" || s == ".")
        }
        guard hostIsValid else { return false }
        if parts.count == 2 {
            guard let port = Int(parts[1]), (1...65_535).contains(port) else { return false }
        }
        return true
    }

    /// Whether a menu link may be used: a same-site path, or an absolute `http(s)`/`mailto` URL
    /// (``SafeURL`` already refuses other schemes); a protocol-relative `//host` link is refused.
    public static func isValidMenuURL(_ url: SafeURL) -> Bool {
        !url.string.hasPrefix("//")
    }

    /// Restores a full page list and redirects (used by import); checks placement.
    mutating func replacePages(_ pages: [Page], redirects: [String: String]) throws(SiteError) {
        var next = self
        next.pages = []
        next.redirects = [:]
        var remaining = pages
        while !remaining.isEmpty {
            guard let index = remaining.firstIndex(where: { p in p.parentID.map { next.page($0) != nil } ?? true }) else {
                let stuck = remaining.first
                throw .unknownPage(stuck?.parentID ?? stuck?.id ?? "")
            }
            try next.addPage(remaining.remove(at: index))
        }
        next.redirects = redirects
        self = next
    }
}
