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
        return Markup.section(context.localized(properties.title, default: "ask.title"), [Markup.form("askQuestion", context: context, [
            Markup.field("title", label: context.text("ask.questionTitle"), action: "askQuestion", context: context, required: true,
                         help: context.text("ask.questionTitleHelp"), maxLength: 255),
            Markup.field("body", label: context.text("ask.details"), action: "askQuestion", context: context, multiline: true, required: true),
            Markup.field("topic", label: context.text("ask.topic"), action: "askQuestion", context: context, help: context.text("ask.topicHelp"), maxLength: 100),
        ], submit: context.text("ask.submit"))])
    }
}
