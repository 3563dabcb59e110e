public import CommunityModel
public import CommunityAccess

/// Everything a component needs to render: the viewer, the site and page, the page's
/// parameters, theme, locale, services, the form state and an environment that a component
/// can override for the components it renders.
public struct RenderContext: Sendable {
    /// Who the page is for.
    public var viewer: Viewer
    /// The site.
    public var site: Site
    /// The page being rendered.
    public var page: Page
    /// Object-page parameters, such as `["id": "500x1"]`.
    public var parameters: [String: String]
    /// The query string.
    public var query: [String: String]
    /// The theme.
    public var theme: Theme
    /// The locale to render in (`en_US`, `de_DE`, `ko_KR`).
    public var locale: String
    /// Data services.
    public var services: RenderServices
    /// Values passed down the tree.
    public var environment: RenderEnvironment
    /// The CSRF token forms must include.
    public var csrfToken: String
    /// Values and errors of a form that failed validation, for re-display.
    public var form: FormState?
    /// Collects the page's title, description and structured data.
    public let head: PageHead
    /// The engine's clock.
    public var clock: any WallClock
    /// The library's text in every locale (``UIStrings/standard`` unless the host extended it).
    public var strings: UIStrings
    /// On a record page (a page with an object type and a parameter), the record it shows as
    /// Access shows it to the viewer (unreadable fields removed); `nil` elsewhere, for the guest
    /// and when the viewer may not read it. Record-field audiences are evaluated against it.
    public var record: RedactedRecord?

    /// A context.
    public init(
        viewer: Viewer, site: Site, page: Page, parameters: [String: String] = [:], query: [String: String] = [:],
        theme: Theme? = nil, locale: String? = nil, services: RenderServices = RenderServices(),
        environment: RenderEnvironment = RenderEnvironment(), csrfToken: String = "", form: FormState? = nil,
        head: PageHead = PageHead(), clock: any WallClock = SystemClock(), strings: UIStrings = .standard
    ) {
        self.viewer = viewer
        self.site = site
        self.page = page
        self.parameters = parameters
        self.query = query
        self.theme = theme ?? site.theme
        self.locale = locale ?? viewer.locale
        self.services = services
        self.environment = environment
        self.csrfToken = csrfToken
        self.form = form
        self.head = head
        self.clock = clock
        self.strings = strings
    }

    /// A copy with an environment value set, for a subtree.
    public func with<K: RenderEnvironmentKey>(_ key: K.Type, _ value: K.Value) -> RenderContext {
        var copy = self
        copy.environment[key] = value
        return copy
    }

    /// The URL of a page of this site, with an object parameter when the page takes one.
    public func url(page id: String, parameter: String? = nil) -> SafeURL? {
        site.url(of: id, parameter: parameter)
    }

    /// The URL of the first page showing objects of `objectType` (for links to records).
    public func url(objectType: String, id: String) -> SafeURL? {
        guard let page = site.pages.first(where: { $0.objectType == objectType && $0.parameter != nil }) else { return nil }
        return site.url(of: page.id, parameter: id)
    }

    /// The URL a form posts to for an action.
    public func actionURL(_ action: String) -> SafeURL {
        SafeURL.path(["_action", action], prefix: site.urlPrefix)
    }

    /// Whether the viewer belongs to an audience of the site (unknown audiences include no one).
    public func viewerIsIn(audience id: String) -> Bool {
        site.audience(id)?.includes(viewer, visibleRecord: record) ?? false
    }

    /// A service, if registered.
    public func service<T>(_ type: T.Type) -> T? { services.get(type) }

    /// The path of a page the host renders inside the site's frame (``SiteResponder/renderFramed(title:main:path:request:status:)``),
    /// which is not one of the site's pages; `nil` for the site's own pages.
    public var framedPath: String?

    /// The current path (prefix included) of the page being rendered.
    public var currentPath: String {
        if let framedPath { return framedPath }
        return site.url(of: page.id, parameter: page.parameter.flatMap { parameters[$0] })?.string ?? site.urlPrefix + "/"
    }
}
