/// `community.footer`: the site's name (or a line of text such as a copyright notice), the
/// theme's ``Theme/footerLinks`` and an optional menu of links.
public struct FooterComponent: SiteComponent {
    /// Properties.
    public struct Properties: Codable, Sendable {
        /// The footer text, such as a copyright line; empty shows "© " and the site's name.
        public var text: String
        /// A menu of footer links; empty for none.
        public var menu: String
    }

    public static let type: ComponentType = "community.footer"
    public static let propertySchema = PropertySchema([
        .init("text", .string, default: "", length: 0...500, summary: "Footer text (empty: © and the site's name)"),
        .init("menu", .string, default: "", length: 0...64, pattern: .identifier, summary: "The id of a menu of footer links"),
    ])

    let properties: Properties
    public init(properties: Properties) { self.properties = properties }

    public func render(in context: RenderContext) throws -> HTMLNode {
        var children: [HTMLNode] = [
            .el("p", [.class("ck-footer-site")], text: properties.text.isEmpty ? "© " + context.site.name : context.localized(properties.text)),
        ]
        var links: [HTMLNode] = context.theme.footerLinks.map { link in .el("li", [], [.el("a", [.href(link.url)], text: context.localized(link.label))]) }
        if let menu = context.site.menus.first(where: { $0.id == properties.menu }),
           case .element(_, _, let items) = HeaderComponent.items(menu.items, context: context) {
            links += items
        }
        if !links.isEmpty {
            children.append(.el("nav", [HTMLAttribute("aria-label", context.text("nav.footer"))], [.el("ul", [], links)]))
        }
        return .el("div", [.class("ck-footer ck-footer-\(context.theme.footer.rawValue)")], children)
    }
}
