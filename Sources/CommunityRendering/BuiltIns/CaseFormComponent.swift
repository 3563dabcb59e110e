import CommunityModel
import Foundation

/// `community.caseForm`: submit a support case; articles suggested from the subject after a
/// failed submission or when the `subject` query parameter is set (case deflection).
public struct CaseFormComponent: SiteComponent {
    /// Properties.
    public struct Properties: Codable, Sendable {
        /// The heading.
        public var title: String
        /// Articles suggested.
        public var suggestions: Int
        /// The article page.
        public var articlePage: String
    }

    public static let type: ComponentType = "community.caseForm"
    public static let propertySchema = PropertySchema([
        .init("title", .string, default: "Contact support", length: 0...200, summary: "Heading"),
        .init("suggestions", .integer, default: 3, range: 0...10, summary: "Suggested articles"),
        .init("articlePage", .string, default: "article", length: 1...64, pattern: .identifier, summary: "Id of the article page"),
    ])

    let properties: Properties
    public init(properties: Properties) { self.properties = properties }

    public func render(in context: RenderContext) throws -> HTMLNode {
        guard !context.viewer.isGuest, context.site.isMember(context.viewer) else { return .empty }
        var children: [HTMLNode] = []
        let subject = context.form?.values["subject"] ?? context.query["subject"] ?? ""
        let suggestions = Markup.clamp(properties.suggestions, to: 0...10)
        if suggestions > 0, !subject.trimmingCharacters(in: .whitespaces).isEmpty, let knowledge = context.service((any KnowledgeProvider).self) {
            let articles = try knowledge.search(String(subject.prefix(200)), locale: context.locale, viewer: context.viewer, limit: suggestions)
            if !articles.isEmpty {
                children.append(.el("div", [.class("ck-suggestions"), HTMLAttribute("aria-live", "polite")], [
                    .el("h3", text: context.text("case.suggested")), ArticleListComponent.list(articles, page: properties.articlePage, context: context),
                ]))
            }
        }
        children.append(Markup.form("submitCase", context: context, [
            Markup.field("subject", label: context.text("case.subject"), action: "submitCase", context: context, required: true,
                         help: context.text("case.subjectHelp"), maxLength: 255),
            Markup.field("description", label: context.text("case.description"), action: "submitCase", context: context, multiline: true,
                         required: true, help: context.text("case.descriptionHelp")),
            Markup.field("priority", label: context.text("case.priority"), action: "submitCase", context: context,
                         options: Self.priorities, defaultValue: "medium", labels: Dictionary(uniqueKeysWithValues: Self.priorities.map { ($0, context.text(UIStringKey("case.priority." + $0))) })),
        ], submit: context.text("case.submit")))
        return Markup.section(context.localized(properties.title, default: "case.title"), children)
    }

    /// The priorities a case may be submitted with, as the form posts them.
    static let priorities = ["low", "medium", "high"]
}
