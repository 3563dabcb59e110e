/// `community.memberProfile`: the profile named by the page's `member` parameter, with the
/// member's photo when they uploaded one the viewer may see.
public struct MemberProfileComponent: SiteComponent {
    /// Properties.
    public struct Properties: Codable, Sendable {
        /// Whether to show reputation points.
        public var showPoints: Bool
    }

    public static let type: ComponentType = "community.memberProfile"
    public static let propertySchema = PropertySchema([.init("showPoints", .boolean, default: true, summary: "Show points")])

    let properties: Properties
    public init(properties: Properties) { self.properties = properties }

    public func render(in context: RenderContext) throws -> HTMLNode {
        guard context.site.mayShowMembers(to: context.viewer) else {
            context.head.setStatus(404)
            return .el("p", text: context.text("page.notFound"))
        }
        guard let engagement = context.service((any EngagementProvider).self) else { return Markup.unavailable(context) }
        guard let id = context.parameters["member"], let member = try engagement.member(id: id, viewer: context.viewer) else {
            context.head.setStatus(404)
            return .el("p", text: context.text("page.notFound"))
        }
        context.head.setTitle(member.name)
        context.head.setOpenGraphType("profile")
        var facts: [HTMLNode] = []
        if let title = member.title { facts += [.el("dt", text: context.text("profile.title")), .el("dd", text: title)] }
        if let company = member.company { facts += [.el("dt", text: context.text("profile.company")), .el("dd", text: company)] }
        if properties.showPoints, let points = member.points { facts += [.el("dt", text: context.text("profile.points")), .el("dd", text: "\(points)")] }
        var children: [HTMLNode] = [.el("h1", text: member.name)]
        if let photo = try context.service((any MemberSettingsProvider).self)?.photoFileID(memberID: member.id, viewer: context.viewer) {
            children.append(.el("img", [
                .class("ck-avatar"), HTMLAttribute("src", url: SiteFileRoute.url(fileID: photo, site: context.site)),
                HTMLAttribute("alt", context.text("profile.photo", ["name": member.name])), HTMLAttribute("width", "96"), HTMLAttribute("height", "96"),
            ]))
        }
        children.append(.el("dl", [], facts))
        return .el("div", [.class("ck-profile")], children)
    }
}
