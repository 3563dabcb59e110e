/// `community.questionDetail`: the question named by the page's `id` parameter with its
/// answers and a QAPage JSON-LD block; 404 when the viewer may not see it.
public struct QuestionDetailComponent: SiteComponent {
    /// Properties.
    public struct Properties: Codable, Sendable {
        /// Whether to offer an answer form to members.
        public var allowAnswers: Bool
    }

    public static let type: ComponentType = "community.questionDetail"
    public static let propertySchema = PropertySchema([
        .init("allowAnswers", .boolean, default: true, summary: "Show the answer form"),
    ])

    let properties: Properties
    public init(properties: Properties) { self.properties = properties }

    public func render(in context: RenderContext) throws -> HTMLNode {
        guard let engagement = context.service((any EngagementProvider).self) else { return Markup.unavailable(context) }
        guard let id = context.parameters["id"], let question = try engagement.question(id: id, viewer: context.viewer) else {
            context.head.setStatus(404)
            return .el("p", text: context.text("page.notFound"))
        }
        context.head.setTitle(question.summary.title)
        context.head.addStructuredData(StructuredData.question(
            title: question.summary.title, text: question.body.node.textContent, url: context.site.baseURL + context.currentPath,
            answers: question.answers.map { ($0.body.node.textContent, $0.isBest) }))
        var children: [HTMLNode] = [
            .el("h1", text: question.summary.title),
            .el("p", [.class("ck-meta")], question.summary.asked == nil ? [.text(question.summary.author)]
                : [.text(question.summary.author + " · "), Markup.moment(question.summary.asked, context: context)]),
            .el("div", [.class("ck-question-body")], [question.body.node]),
            .el("h2", text: context.text("question.answers", ["count": "\(question.answers.count)"])),
        ]
        children += question.answers.map { answer in
            .el("div", [.class(answer.isBest ? "ck-answer ck-best" : "ck-answer")], [
                .el("p", [.class("ck-meta")], [.text(answer.author + (answer.posted == nil ? "" : " · ")), Markup.moment(answer.posted, context: context),
                                                 .text(answer.isBest ? " ✓ " + context.text("question.best") : "")]), answer.body.node,
            ])
        }
        if let caseID = question.caseID {
            children.append(.el("p", [], [Markup.link(context.text("case.link", ["id": caseID]), context.url(objectType: "Case", id: caseID))]))
        }
        if properties.allowAnswers, !context.viewer.isGuest, context.site.isMember(context.viewer) {
            children.append(Markup.form("answerQuestion", context: context, [
                .el("input", [HTMLAttribute("type", "hidden"), HTMLAttribute("name", "question"), HTMLAttribute("value", id)]),
                Markup.field("body", label: context.text("question.answer"), action: "answerQuestion", context: context, multiline: true, required: true),
            ], submit: context.text("question.submitAnswer")))
        }
        return .el("article", [.class("ck-question")], children)
    }
}
