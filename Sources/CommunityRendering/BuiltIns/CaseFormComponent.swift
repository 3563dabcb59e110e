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
                    .el("h3", text: "Suggested articles"), ArticleListComponent.list(articles, page: properties.articlePage, context: context),
                ]))
            }
        }
        let presenter = context.presenter
        let priorities = presenter.picklistOptions("Priority", object: "Case").filter { ["low", "medium", "high"].contains($0.value) }
        children.append(Markup.form("submitCase", context: context, [
            Markup.field("subject", label: presenter.label(of: "Subject", object: "Case"), action: "submitCase", context: context, required: true),
            Markup.field("description", label: presenter.label(of: "Description", object: "Case"), action: "submitCase", context: context,
                         multiline: true, required: true),
            Markup.picklistField("priority", label: presenter.label(of: "Priority", object: "Case"), action: "submitCase", context: context,
                                 options: priorities),
        ]))
        return Markup.section(properties.title, children)
    }
}
