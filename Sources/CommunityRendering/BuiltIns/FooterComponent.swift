/// `community.footer`: a line of text and an optional menu of links.
public struct FooterComponent: SiteComponent {
    /// Properties.
    public struct Properties: Codable, Sendable {
        /// The footer text, such as a copyright line.
        public var text: String
        /// A menu of footer links; empty for none.
        public var menu: String
    }

    public static let type: ComponentType = "community.footer"
    public static let propertySchema = PropertySchema([
        .init("text", .string, default: "", length: 0...500, summary: "Footer text"),
        .init("menu", .string, default: "", length: 0...64, pattern: .identifier, summary: "The id of a menu of footer links"),
    ])

    let properties: Properties
    public init(properties: Properties) { self.properties = properties }

    public func render(in context: RenderContext) throws -> HTMLNode {
        var children: [HTMLNode] = []
        if let menu = context.site.menus.first(where: { $0.id == properties.menu }) {
            children.append(.el("nav", [HTMLAttribute("aria-label", context.text("nav.footer"))], [HeaderComponent.items(menu.items, context: context)]))
        }
        if !properties.text.isEmpty { children.append(.el("p", text: context.localized(properties.text))) }
        return .el("div", [.class("ck-footer ck-footer-\(context.theme.footer.rawValue)")], children)
    }
}
