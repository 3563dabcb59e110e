/// `community.ideaForm`: a form members post an idea with into one of the site's idea zones
/// (`submitIdea`: `zone`, `title`, `body`). Guests and non-members see nothing.
public struct IdeaFormComponent: SiteComponent {
    /// Properties.
    public struct Properties: Codable, Sendable {
        /// The heading.
        public var title: String
    }

    /// The action that posts an idea.
    public static let action = "submitIdea"
    public static let type: ComponentType = "community.ideaForm"
    public static let propertySchema = PropertySchema([
        .init("title", .string, default: "Post an idea", length: 0...200, summary: "Heading"),
    ])

    let properties: Properties
    public init(properties: Properties) { self.properties = properties }

    public func render(in context: RenderContext) throws -> HTMLNode {
        guard !context.viewer.isGuest, context.site.isMember(context.viewer) else { return .empty }
        guard let provider = context.service((any IdeaWorkProvider).self) else { return Markup.unavailable(context) }
        let title = context.localized(properties.title, default: "ideaForm.title")
        let zones = try provider.ideaZones(site: context.site, viewer: context.viewer)
        guard let first = zones.first else { return Markup.section(title, [Markup.empty(context.text("ideaForm.noZones"))]) }
        return Markup.section(title, [Markup.form(Self.action, context: context, [
            Markup.field("zone", label: context.text("ideaForm.zone"), action: Self.action, context: context, required: true,
                         options: zones.map(\.id), defaultValue: first.id,
                         labels: Dictionary(zones.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })),
            Markup.field("title", label: context.text("ideaForm.ideaTitle"), action: Self.action, context: context, required: true, maxLength: 200),
            Markup.field("body", label: context.text("ideaForm.body"), action: Self.action, context: context, multiline: true, required: true),
        ], submit: context.text("ideaForm.submit"))])
    }
}
