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
        let list = items(menu.items, context: context)
        return .el("nav", [.class("ck-nav"), HTMLAttribute("aria-label", context.text("nav.main"))], [
            .el("div", [.class("ck-nav-wide")], [list]),
            .el("details", [.class("ck-nav-compact")], [.el("summary", text: context.text("nav.menu")), list]),
        ])
    }

    static func items(_ items: [NavigationMenu.Item], context: RenderContext) -> HTMLNode {
        let visible = items.filter { item in
            guard let audience = item.audienceID else { return true }
            return context.viewerIsIn(audience: audience)
        }
        let current = context.currentPath
        return .el("ul", [], visible.compactMap { item -> HTMLNode? in
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
            var nodes: [HTMLNode] = [.el("a", attributes, text: context.localized(item.label))]
            if !item.children.isEmpty { nodes.append(Self.items(item.children, context: context)) }
            return .el("li", [], nodes)
        })
    }
}
