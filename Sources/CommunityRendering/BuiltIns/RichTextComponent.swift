import CommunityEngagement

/// `community.richText`: editor-written markup, sanitised once when the page is compiled.
public struct RichTextComponent: SiteComponent {
    /// Properties.
    public struct Properties: Codable, Sendable {
        /// The markup; scripts, event handlers, styles and unsafe links are removed.
        public var html: String
    }

    public static let type: ComponentType = "community.richText"
    public static let propertySchema = PropertySchema([
        .init("html", .string, required: true, length: 0...100_000, summary: "Rich text (sanitised)"),
    ])

    let content: HTMLNode
    public init(properties: Properties) {
        if let clean = try? RichTextSanitizer().sanitize(properties.html) {
            content = .trusted(TrustedHTML(uncheckedMarkup: clean.html))
        } else {
            content = .el("p", text: RichTextSanitizer.plainText(properties.html))
        }
    }

    public func render(in context: RenderContext) throws -> HTMLNode {
        .el("div", [.class("ck-rich-text")], [content])
    }
}
