/// `community.banner`: a heading, a line of text, an optional image and a call to action.
public struct BannerComponent: SiteComponent {
    /// Properties.
    public struct Properties: Codable, Sendable {
        /// The heading.
        public var heading: String
        /// The text under it.
        public var text: String
        /// An image URL (relative, http or https).
        public var image: String?
        /// The image's alternative text.
        public var imageAlt: String
        /// The call-to-action label.
        public var linkLabel: String?
        /// The call-to-action URL.
        public var link: String?
        /// The level of the heading, 1 on landing pages.
        public var level: Int
    }

    public static let type: ComponentType = "community.banner"
    public static let propertySchema = PropertySchema([
        .init("heading", .string, required: true, length: 1...200, summary: "Heading"),
        .init("text", .string, default: "", length: 0...1000, summary: "Text"),
        .init("image", .url, length: 1...2048, summary: "Image URL"),
        .init("imageAlt", .string, default: "", length: 0...300, summary: "Image alternative text"),
        .init("linkLabel", .string, length: 1...100, summary: "Button label"),
        .init("link", .url, length: 1...2048, summary: "Button URL"),
        .init("level", .integer, default: 1, allowed: [1, 2], summary: "Heading level"),
    ])

    let properties: Properties
    public init(properties: Properties) { self.properties = properties }

    public func render(in context: RenderContext) throws -> HTMLNode {
        let heading = context.localized(properties.heading)
        var children: [HTMLNode] = [properties.level == 1 ? .el("h1", text: heading) : .el("h2", text: heading)]
        if !properties.text.isEmpty { children.append(.el("p", text: context.localized(properties.text))) }
        if let image = properties.image.flatMap(SafeURL.init) {
            children.append(.el("img", [HTMLAttribute("src", url: image), HTMLAttribute("alt", context.localized(properties.imageAlt))]))
        }
        if let label = properties.linkLabel, let link = properties.link.flatMap(SafeURL.init) {
            children.append(.el("a", [.class("ck-button"), .href(link)], text: context.localized(label)))
        }
        return .el("div", [.class("ck-banner")], children)
    }
}
