/// `community.bestAnswer`: on a question page, lets the asker or a moderator choose the best
/// answer (one button per published answer). Shows nothing to anyone else.
public struct BestAnswerComponent: SiteComponent {
    /// Properties.
    public struct Properties: Codable, Sendable {
        /// The page parameter that holds the question id.
        public var parameter: String
    }

    public static let type: ComponentType = "community.bestAnswer"
    public static let propertySchema = PropertySchema([
        .init("parameter", .string, default: "id", length: 1...64, pattern: .identifier, summary: "Page parameter with the question id"),
    ])

    /// The action that chooses the best answer (`question`, `answer`).
    public static let action = "chooseBestAnswer"

    let properties: Properties
    public init(properties: Properties) { self.properties = properties }

    public func render(in context: RenderContext) throws -> HTMLNode {
        guard let provider = context.service((any BestAnswerProvider).self) else { return .empty }
        guard let questionID = context.parameters[properties.parameter],
              let choices = try provider.bestAnswerChoices(questionID: questionID, viewer: context.viewer), !choices.isEmpty
        else { return .empty }
        var items: [HTMLNode] = []
        if let state = context.form, state.action == Self.action, let error = state.errors[""] {
            items.append(.el("p", [.class("ck-error"), HTMLAttribute("role", "alert")], text: error))
        }
        items += choices.map { choice in
            var children: [HTMLNode] = [.el("p", [.class("ck-meta")], text: choice.author), .el("p", text: choice.excerpt)]
            if choice.isBest {
                children.append(.el("p", [.class("ck-notice")], text: context.text("bestAnswer.chosen")))
            } else {
                children.append(Markup.buttonForm(
                    Self.action, context: context, hidden: [("question", questionID), ("answer", choice.id)],
                    submit: context.text("bestAnswer.choose")))
            }
            return .el("div", [.class("ck-answer-choice")], children)
        }
        return Markup.section(context.text("bestAnswer.title"), items)
    }
}
