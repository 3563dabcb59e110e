/// `community.header`: the site's logo and name and a navigation menu, with items the
/// viewer's audiences allow.
public struct HeaderComponent: SiteComponent {
    /// Properties.
    public struct Properties: Codable, Sendable {
        /// The menu to show.
        public var menu: String
        /// Alt text of the logo.
        public var logoAlt: String
    }

    public static let type: ComponentType = "community.header"
    public static let propertySchema = PropertySchema([
        .init("menu", .string, default: "main", length: 0...64, pattern: .identifier, summary: "The id of the navigation menu"),
        .init("logoAlt", .string, default: "", length: 0...200, summary: "Alternative text for the logo (defaults to the site name)"),
    ])

    let properties: Properties
    public init(properties: Properties) { self.properties = properties }

    public func render(in context: RenderContext) throws -> HTMLNode {
        var brand: [HTMLNode] = []
        let home = context.site.homePageID.flatMap { context.url(page: $0) } ?? SafeURL.path([], prefix: context.site.urlPrefix)
        if let logo = context.theme.logo {
            let alt = properties.logoAlt.isEmpty ? context.site.name : properties.logoAlt
            brand.append(.el("img", [HTMLAttribute("src", url: logo), HTMLAttribute("alt", alt), HTMLAttribute("height", "32")]))
        }
        brand.append(.el("span", [.class("ck-site-name")], text: context.site.name))
        var children: [HTMLNode] = [.el("a", [.class("ck-brand"), .href(home)], brand)]
        if let menu = context.site.menus.first(where: { $0.id == properties.menu }) {
            children.append(.el("nav", [.class("ck-nav"), HTMLAttribute("aria-label", Localized.text("navigation", locale: context.locale))],
                                [Self.items(menu.items, context: context)]))
        }
        return .el("div", [.class("ck-header ck-header-\(context.theme.header.rawValue)")], children)
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
            var nodes: [HTMLNode] = [.el("a", attributes, text: item.label)]
            if !item.children.isEmpty { nodes.append(Self.items(item.children, context: context)) }
            return .el("li", [], nodes)
        })
    }
}
