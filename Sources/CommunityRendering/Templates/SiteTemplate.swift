public import CommunityModel

/// A starting point that creates a working site: pages with layouts, menus, audiences and
/// the special pages. Built-ins are static members (`.partnerCentral`, …).
public struct SiteTemplate: Sendable {
    /// What a template needs to know about the new site.
    public struct Options: Sendable {
        /// The site id (`partners`).
        public var id: String
        /// The display name.
        public var name: String
        /// The URL prefix (`/partners`).
        public var urlPrefix: String
        /// Profiles whose users are members.
        public var memberProfileIDs: [ID<Profile>]
        /// Locales offered.
        public var locales: [String]

        /// Options.
        public init(id: String, name: String, urlPrefix: String, memberProfileIDs: [ID<Profile>] = [], locales: [String] = ["en_US"]) {
            self.id = id
            self.name = name
            self.urlPrefix = urlPrefix
            self.memberProfileIDs = memberProfileIDs
            self.locales = locales
        }
    }

    /// The template's identifier (`partnerCentral`).
    public let id: String
    /// The display name.
    public let name: String
    private let build: @Sendable (Options) throws(SiteError) -> Site

    /// A template.
    public init(id: String, name: String, build: @escaping @Sendable (Options) throws(SiteError) -> Site) {
        self.id = id
        self.name = name
        self.build = build
    }

    /// Creates a site from the template, with ``builtInTranslations`` as its translations
    /// unless the template set its own.
    public func makeSite(_ options: Options) throws(SiteError) -> Site {
        var site = try build(options)
        site.template = id
        if site.translations == nil { site.translations = SiteTemplate.builtInTranslations }
        return site
    }

    /// Every built-in template.
    public static let all: [SiteTemplate] = [.customerService, .partnerCentral, .customerAccountPortal, .employeePortal, .buildYourOwn, .communityManagement]
}

/// Layout helpers the templates share.
enum TemplateParts {
    static func c(_ id: String, _ type: ComponentType, _ properties: JSONValue = [:], audience: String? = nil) -> ComponentInstance {
        ComponentInstance(id: id, type: type, properties: properties, audienceID: audience)
    }

    static func layout(_ main: [Row], sidebar: [ComponentInstance] = []) -> PageLayout {
        var regions = [
            Region(name: "header", rows: [Row(columns: [Column(span: .full, components: [c("header", "community.header", ["menu": "main"])])])]),
        ]
        if sidebar.isEmpty {
            regions.append(Region(name: "main", rows: main))
        } else {
            regions.append(Region(name: "main", rows: main))
            regions.append(Region(name: "sidebar", rows: [Row(columns: [Column(span: .full, components: sidebar)])]))
        }
        regions.append(Region(name: "footer", rows: [Row(columns: [Column(span: .full, components: [c("footer", "community.footer")])])]))
        return PageLayout(regions: regions)
    }

    static func one(_ components: ComponentInstance...) -> [Row] {
        [Row(columns: [Column(span: .full, components: components)])]
    }

    static func two(_ left: [ComponentInstance], _ right: [ComponentInstance]) -> [Row] {
        [Row(columns: [Column(span: ColumnSpan(desktop: 8), components: left), Column(span: ColumnSpan(desktop: 4), components: right)])]
    }

    /// Adds the 404 and 403 pages and sets them.
    static func addSpecialPages(_ site: inout Site) throws(SiteError) {
        try site.addPage(Page(id: "not-found", title: "Page not found", slug: "not-found",
                              layout: layout(one(c("nf", "community.banner", ["heading": "We could not find that page", "text": "Try the search or the home page."]),
                                                 c("nf-search", "community.searchBox"))), seo: Page.SEO(noIndex: true)))
        try site.addPage(Page(id: "forbidden", title: "No access", slug: "no-access",
                              layout: layout(one(c("fb", "community.banner", ["heading": "You do not have access to this page", "text": "Sign in with an account that has access."]))),
                              seo: Page.SEO(noIndex: true)))
        site.notFoundPageID = "not-found"
        site.forbiddenPageID = "forbidden"
        try addAccountPages(&site)
    }

    /// Adds the account pages (sign-in at `/login`, the two-factor code at `/two-factor`,
    /// `/forgot-password`, `/reset-password`, `/verify-email`, and `/security` for a member's
    /// password and two-factor settings) and makes `/login` the sign-in page.
    static func addAccountPages(_ site: inout Site) throws(SiteError) {
        let open: [(String, String, ComponentType)] = [
            ("login", "Sign in", "community.signIn"), ("two-factor", "Verification code", "community.twoFactorChallenge"),
            ("forgot-password", "Forgot password", "community.forgotPassword"),
            ("reset-password", "Reset password", "community.resetPassword"), ("verify-email", "Verify e-mail", "community.verifyEmail"),
        ]
        for (slug, title, type) in open {
            try site.addPage(Page(id: slug, title: title, slug: slug, visibility: .everyone, layout: layout(one(c(slug, type))),
                                  seo: Page.SEO(noIndex: true)))
        }
        try site.addPage(Page(id: "security", title: "Sign-in and security", slug: "security", visibility: .members,
                              layout: layout(one(c("password", "community.changePassword"), c("two-factor", "community.twoFactorSetup"))),
                              seo: Page.SEO(noIndex: true)))
        site.signInPageID = "login"
    }

    /// The knowledge pages every help-center-like template shares.
    static func addKnowledgePages(_ site: inout Site) throws(SiteError) {
        try site.addPage(Page(id: "search", title: "Search", slug: "search", layout: layout(one(c("sb", "community.searchBox"), c("sr", "community.searchResults")))))
        try site.addPage(Page(id: "article", title: "Article", slug: "article", parameter: "slug", objectType: "Article",
                              layout: layout(one(c("ad", "community.articleDetail")), sidebar: [c("related", "community.articleList", ["title": "More articles", "limit": 5])])))
        try site.addPage(Page(id: "topics", title: "Topics", slug: "topics", layout: layout(one(c("tc", "community.topicCatalog")))))
        try site.addPage(Page(id: "topic", title: "Topic", slug: "topic", parameter: "name", objectType: "Topic", layout: layout(one(c("tp", "community.topicPage")))))
        try site.addPage(Page(id: "questions", title: "Questions", slug: "questions",
                              layout: layout(two([c("ql", "community.questionList", ["title": "Recent questions"])], [c("ask", "community.askQuestion")]))))
        try site.addPage(Page(id: "question", title: "Question", slug: "question", parameter: "id", objectType: "Question",
                              layout: layout(one(c("qd", "community.questionDetail")))))
        try site.addPage(Page(id: "profile", title: "Profile", slug: "profile", parameter: "member", objectType: "User",
                              visibility: .members, layout: layout(one(c("mp", "community.memberProfile")))))
    }
}
