/// `community.memberDirectory`: members the viewer may see, linking to their profiles.
public struct MemberDirectoryComponent: SiteComponent {
    /// Properties.
    public struct Properties: Codable, Sendable {
        /// The heading.
        public var title: String
        /// How many.
        public var limit: Int
        /// The profile page.
        public var profilePage: String
    }

    public static let type: ComponentType = "community.memberDirectory"
    public static let propertySchema = PropertySchema([
        .init("title", .string, default: "Members", length: 0...200, summary: "Heading"),
        .init("limit", .integer, default: 20, range: 1...100, summary: "Members shown"),
        .init("profilePage", .string, default: "profile", length: 1...64, pattern: .identifier, summary: "Id of the profile page"),
    ])

    let properties: Properties
    public init(properties: Properties) { self.properties = properties }

    public func render(in context: RenderContext) throws -> HTMLNode {
        // Guests never see who the members are unless the site says so.
        guard context.site.mayShowMembers(to: context.viewer) else { return Markup.nothing }
        guard let engagement = context.service((any EngagementProvider).self) else { return Markup.unavailable(context) }
        let members = try engagement.members(viewer: context.viewer, limit: Markup.clamp(properties.limit, to: 0...100))
        return Markup.section(context.localized(properties.title, default: "members.title"), members.isEmpty ? [Markup.empty(context)] : [Markup.list(members.map { m in
            .fragment([Markup.link(m.name, context.url(page: properties.profilePage, parameter: m.id)),
                       .el("span", [.class("ck-meta")], text: m.company.map { " · " + $0 } ?? "")])
        })])
    }
}
