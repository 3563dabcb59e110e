/// `community.askQuestion`: the form members use to ask a question; guests see nothing.
public struct AskQuestionComponent: SiteComponent {
    /// Properties.
    public struct Properties: Codable, Sendable {
        /// The heading.
        public var title: String
    }

    public static let type: ComponentType = "community.askQuestion"
    public static let propertySchema = PropertySchema([.init("title", .string, default: "Ask a question", length: 0...200, summary: "Heading")])

    let properties: Properties
    public init(properties: Properties) { self.properties = properties }

    public func render(in context: RenderContext) throws -> HTMLNode {
        guard !context.viewer.isGuest, context.site.isMember(context.viewer) else { return .empty }
        return Markup.section(properties.title, [Markup.form("askQuestion", context: context, [
            Markup.field("title", label: "Title", action: "askQuestion", context: context, required: true),
            Markup.field("body", label: "Details", action: "askQuestion", context: context, multiline: true, required: true),
            Markup.field("topic", label: "Topic", action: "askQuestion", context: context),
        ])])
    }
}
