import Foundation
import CommunityModel

/// `community.employeePortal`: the employee portal for internal users who are members of the
/// site: announcements targeted at them, their requests (such as leave) with their approval
/// status, a form to submit a request and, for publishers, a form to publish an announcement.
/// Shown to nobody else.
public struct EmployeePortalComponent: SiteComponent {
    /// Properties.
    public struct Properties: Codable, Sendable {
        /// The heading.
        public var title: String
        /// How many announcements and requests to list.
        public var limit: Int
    }

    /// The form action that submits a request.
    public static let requestAction = "submitEmployeeRequest"
    /// The form action that publishes an announcement.
    public static let publishAction = "publishAnnouncement"
    public static let type: ComponentType = "community.employeePortal"
    public static let propertySchema = PropertySchema([
        .init("title", .string, default: "Employee portal", length: 0...200, summary: "Heading"),
        .init("limit", .integer, default: 10, range: 1...50, summary: "Announcements and requests shown"),
    ])

    let properties: Properties
    public init(properties: Properties) { self.properties = properties }

    public func render(in context: RenderContext) throws -> HTMLNode {
        guard context.viewer.user?.kind == .internal, context.site.isMember(context.viewer) else { return .empty }
        guard let portal = context.service((any EmployeePortalProvider).self) else { return Markup.unavailable(context) }
        let limit = Markup.clamp(properties.limit, to: 0...50)
        var children: [HTMLNode] = [.el("h3", text: context.text("employee.announcements"))]
        let announcements = try portal.announcements(viewer: context.viewer, limit: limit)
        children.append(announcements.isEmpty
            ? Markup.empty(context.text("employee.noAnnouncements"))
            : Markup.list(announcements.map { announcement in
                .el("article", [.class("ck-announcement")], [
                    .el("h4", text: announcement.title),
                    .el("p", [.class("ck-meta")], [Markup.moment(announcement.published, context: context)]),
                    .el("p", text: announcement.body),
                ])
            }, label: context.text("employee.announcements")))
        children.append(.el("h3", text: context.text("employee.myRequests")))
        let requests = try portal.employeeRequests(viewer: context.viewer, limit: limit)
        children.append(requests.isEmpty ? Markup.empty(context) : Markup.list(requests.map { request in
            .fragment([
                .el("strong", text: context.localized(request.kind)),
                .el("span", [.class("ck-meta")], text: (request.days.isEmpty ? "" : " · \(request.days)") + " · " + Markup.status(request.status, context: context)),
                .el("p", text: request.details),
            ])
        }, label: context.text("employee.myRequests")))
        let kinds = portal.requestKinds()
        if !kinds.isEmpty {
            children.append(.el("h3", text: context.text("employee.submitRequest")))
            children.append(Markup.form(Self.requestAction, context: context, [
                Markup.field("kind", label: context.text("employee.kind"), action: Self.requestAction, context: context, required: true, options: kinds,
                              labels: Dictionary(kinds.map { ($0, context.localized($0)) }) { first, _ in first }),
                Markup.field("details", label: context.text("employee.details"), action: Self.requestAction, context: context, multiline: true, required: true),
                Markup.field("start", label: context.text("employee.firstDay"), action: Self.requestAction, context: context, type: "date"),
                Markup.field("end", label: context.text("employee.lastDay"), action: Self.requestAction, context: context, type: "date"),
            ], submit: context.text("employee.submitRequest")))
        }
        if portal.mayPublish(viewer: context.viewer) {
            children.append(.el("h3", text: context.text("employee.publishAnnouncement")))
            children.append(Markup.form(Self.publishAction, context: context, [
                Markup.field("title", label: context.text("employee.announcementTitle"), action: Self.publishAction, context: context, required: true),
                Markup.field("body", label: context.text("employee.announcementBody"), action: Self.publishAction, context: context, multiline: true, required: true),
                Markup.field("department", label: context.text("employee.department"), action: Self.publishAction, context: context),
            ], submit: context.text("employee.publishAnnouncement")))
        }
        return Markup.section(context.localized(properties.title, default: "employee.title"), children)
    }
}
