/// `community.questionList`: recent questions (of a topic, or the page's topic), as the viewer may see them.
public struct QuestionListComponent: SiteComponent {
    /// Properties.
    public struct Properties: Codable, Sendable {
        /// The heading.
        public var title: String
        /// A topic; empty for all.
        public var topic: String
        /// How many.
        public var limit: Int
        /// The question page.
        public var questionPage: String
    }

    public static let type: ComponentType = "community.questionList"
    public static let propertySchema = PropertySchema([
        .init("title", .string, default: "", length: 0...200, summary: "Heading"),
        .init("topic", .string, default: "", length: 0...100, summary: "Topic name"),
        .init("limit", .integer, default: 10, range: 1...50, summary: "Questions shown"),
        .init("questionPage", .string, default: "question", length: 1...64, pattern: .identifier, summary: "Id of the question page"),
    ])

    let properties: Properties
    public init(properties: Properties) { self.properties = properties }

    public func render(in context: RenderContext) throws -> HTMLNode {
        guard let engagement = context.service((any EngagementProvider).self) else { return Markup.unavailable(context) }
        let topic = properties.topic.isEmpty ? context.parameters["name"] : properties.topic
        let questions = try engagement.questions(topic: topic, viewer: context.viewer, limit: Markup.clamp(properties.limit, to: 0...50))
        return Markup.section(context.localized(properties.title), questions.isEmpty ? [Markup.empty(context)] : [Self.list(questions, page: properties.questionPage, context: context)])
    }

    static func list(_ questions: [QuestionSummary], page: String, context: RenderContext) -> HTMLNode {
        Markup.list(questions.map { q in
            .fragment([
                Markup.link(q.title, context.url(page: page, parameter: q.id)),
                .el("span", [.class("ck-meta")], [
                    .text(" · \(q.author) · "),
                    q.asked == nil ? .empty : .fragment([Markup.moment(q.asked, context: context), .text(" · ")]),
                    .text(context.text("questions.answerCount", count: q.answerCount) + (q.isSolved ? " · ✓ " + context.text("question.solved") : "")),
                ]),
            ])
        })
    }
}
