import Foundation
import CommunityModel

/// `community.header`: the site's logo and name, a navigation menu with items the viewer's
/// audiences allow, and who is signed in with a sign-out button (a POST form to `signOut`), or
/// a "Sign in" link for a guest when the site has a sign-in page. When the site offers several
/// locales, a guest also gets a language switcher: plain links (no script) that remember the
/// choice in a cookie. Every label is in the viewer's locale; menu items through the site's translations.
/// A site with an account menu (by default the menu with id `account`) shows its items under the
/// signed-in member's name, in a `details` drop-down that opens without JavaScript: the place
/// for "Your profile", "Notifications" and "API tokens", so the main navigation stays one line.
public struct HeaderComponent: SiteComponent {
    /// Properties.
    public struct Properties: Codable, Sendable {
        /// The menu to show.
        public var menu: String
        /// Alt text of the logo; empty marks it decorative (the site's name is next to it).
        public var logoAlt: String
        /// The id of the menu shown under the signed-in member's name; nothing when the site has
        /// no menu with this id.
        public var accountMenu: String
    }

    public static let type: ComponentType = "community.header"
    public static let propertySchema = PropertySchema([
        .init("menu", .string, default: "main", length: 0...64, pattern: .identifier, summary: "The id of the navigation menu"),
        .init("logoAlt", .string, default: "", length: 0...200,
              summary: "Alternative text for the logo; empty (the default) marks it decorative, since the site's name follows it"),
        .init("accountMenu", .string, default: "account", length: 0...64, pattern: .identifier,
              summary: "The id of the menu shown under the signed-in member's name"),
    ])

    let properties: Properties
    public init(properties: Properties) { self.properties = properties }

    public func render(in context: RenderContext) throws -> HTMLNode {
        var brand: [HTMLNode] = []
        let home = context.site.homePageID.flatMap { context.url(page: $0) } ?? SafeURL.path([], prefix: context.site.urlPrefix)
        if let logo = context.theme.logo {
            // The site's name follows the logo inside the same link, so the logo is decorative
            // (empty alt) unless the layout gives it text of its own.
            brand.append(.el("img", [HTMLAttribute("src", url: logo), HTMLAttribute("alt", context.localized(properties.logoAlt)), HTMLAttribute("height", "32")]))
        }
        brand.append(.el("span", [.class("ck-site-name")], text: context.site.name))
        var children: [HTMLNode] = [.el("a", [.class("ck-brand"), .href(home)], brand)]
        if let menu = context.site.menus.first(where: { $0.id == properties.menu }) {
            children.append(Self.navigation(menu, context: context))
        }
        if let languages = Self.languageSwitcher(context) { children.append(languages) }
        if let account = Self.account(context, menu: context.site.menus.first(where: { $0.id == properties.accountMenu })) {
            children.append(account)
        }
        return .el("div", [.class("ck-header ck-header-\(context.theme.header.rawValue)")], children)
    }

    /// The action the sign-out button posts to.
    public static let signOutAction = "signOut"

    /// The signed-in user's name (opening the account menu's items when the site has some the
    /// viewer may see) and a sign-out button, or the guest's sign-in link.
    static func account(_ context: RenderContext, menu: NavigationMenu? = nil) -> HTMLNode? {
        if let user = context.viewer.user, !context.viewer.isGuest {
            var name = HTMLNode.el("span", [.class("ck-account-name")], text: user.name)
            if let menu {
                let list = items(menu.items, context: context)
                if case .element(_, _, let entries) = list, !entries.isEmpty {
                    name = .el("details", [.class("ck-account-menu")], [
                        .el("summary", [], [name]),
                        .el("nav", [HTMLAttribute("aria-label", context.text("header.accountMenu"))], [list]),
                    ])
                }
            }
            return .el("div", [.class("ck-account")], [
                name,
                .el("form", [HTMLAttribute("method", "post"), HTMLAttribute("action", url: context.actionURL(signOutAction)), .class("ck-sign-out")], [
                    Markup.hidden("_csrf", context.csrfToken),
                    .el("button", [.class("ck-button"), HTMLAttribute("type", "submit")], text: context.text("header.signOut")),
                ]),
            ])
        }
        guard context.page.id != context.site.signInPageID,
              let target = context.site.signInURL(returningTo: context.currentPath == context.site.homeURL.string ? nil : context.currentPath)
        else { return nil }
        return .el("div", [.class("ck-account")], [.el("a", [.href(target)], text: context.text("header.signIn"))])
    }

    /// For a guest on a site with several locales: a link per locale, each named in its own
    /// language, the current one marked with `aria-current`.
    static func languageSwitcher(_ context: RenderContext) -> HTMLNode? {
        guard context.viewer.isGuest, context.site.locales.count > 1 else { return nil }
        let links: [HTMLNode] = context.site.locales.map { locale in
            let tag = locale.replacingOccurrences(of: "_", with: "-")
            var attributes: [HTMLAttribute] = [
                .href(SiteResponder.switchLocaleURL(locale, site: context.site, returningTo: context.currentPath)),
                HTMLAttribute("lang", tag), HTMLAttribute("hreflang", tag),
            ]
            if locale == context.locale { attributes.append(HTMLAttribute("aria-current", "true")) }
            // Each language named in itself; a locale without a table shows its tag rather than "English".
            let name = context.strings.textIfPresent("language.name", locale: locale) ?? tag
            return .el("li", [], [.el("a", attributes, text: name)])
        }
        return .el("nav", [.class("ck-languages"), HTMLAttribute("aria-label", context.text("language.switcher"))], [.el("ul", [], links)])
    }

    /// The menu twice: a row of links for wide screens and, for narrow ones, the same links
    /// behind a `details`/`summary` toggle that opens without JavaScript. The stylesheet shows
    /// exactly one of them (the other is `display:none`, so out of the accessibility tree).
    static func navigation(_ menu: NavigationMenu, context: RenderContext) -> HTMLNode {
        .el("nav", [.class("ck-nav"), HTMLAttribute("aria-label", context.text("nav.main"))], [
            .el("div", [.class("ck-nav-wide")], [items(menu.items, context: context, groupsAsMenus: true)]),
            .el("details", [.class("ck-nav-compact")], [.el("summary", text: context.text("nav.menu")), items(menu.items, context: context)]),
        ])
    }

    /// A menu's entries as a list. An entry shows when its audience includes the viewer and its
    /// page is one they may view; an entry with sub-entries (a group) also shows when any of them
    /// does, its own link first among them. With `groupsAsMenus` (the wide navigation row) a
    /// group is a `details` drop-down that opens without JavaScript, so a long staff menu takes
    /// one word of the row; otherwise (the compact menu, the footer) its entries are a nested list.
    static func items(_ items: [NavigationMenu.Item], context: RenderContext, groupsAsMenus: Bool = false) -> HTMLNode {
        let current = context.currentPath
        return .el("ul", [], items.compactMap { item -> HTMLNode? in
            let link = Self.link(item, context: context, current: current)
            let label = context.localized(item.label)
            guard !item.children.isEmpty, case .element(_, _, let entries) = Self.items(item.children, context: context), !entries.isEmpty else {
                return link.map { .el("li", [], [$0]) }
            }
            guard groupsAsMenus else {
                return .el("li", [], [link ?? .el("span", [.class("ck-nav-label")], text: label), .el("ul", [], entries)])
            }
            // The group's own page leads its drop-down; the summary is marked while any of it is the current page.
            let own: [HTMLNode] = link.map { [.el("li", [], [$0])] } ?? []
            let holdsCurrent = Self.holdsCurrent(item, context: context, current: current)
            return .el("li", [.class("ck-nav-group")], [.el("details", [], [
                .el("summary", holdsCurrent ? [.class("ck-nav-current")] : [], text: label),
                .el("ul", [], own + entries),
            ])])
        })
    }

    /// A menu entry's link, or `nil` when the viewer is outside its audience or may not view its page.
    private static func link(_ item: NavigationMenu.Item, context: RenderContext, current: String) -> HTMLNode? {
        if let audience = item.audienceID, !context.viewerIsIn(audience: audience) { return nil }
        let url: SafeURL?
        switch item.target {
        case .url(let u): url = u
        case .page(let id):
            guard let page = context.site.page(id), context.site.mayView(page, viewer: context.viewer) else { return nil }
            url = context.url(page: id)
        }
        var attributes: [HTMLAttribute] = []
        if let url { attributes.append(.href(url)) }
        if url?.string == current { attributes.append(HTMLAttribute("aria-current", "page")) }
        return .el("a", attributes, text: context.localized(item.label))
    }

    /// Whether an entry or one of its sub-entries links to the current page.
    private static func holdsCurrent(_ item: NavigationMenu.Item, context: RenderContext, current: String) -> Bool {
        let own: String? = switch item.target {
        case .url(let u): u.string
        case .page(let id): context.url(page: id)?.string
        }
        return own == current || item.children.contains { holdsCurrent($0, context: context, current: current) }
    }
}
