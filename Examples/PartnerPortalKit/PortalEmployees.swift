import CommunityKit
import Foundation

/// Staff pages on Partner Central: Northwind employees who use the partner site (Cara and Dana,
/// profile `channel`) get an "Employee hub" page, only for internal users, with the
/// announcements meant for them, their leave requests and the forms to submit a request or
/// publish an announcement; and an "Approvals" page where they decide what waits for them
/// (lead registrations and fund requests for Cara, Cara's leave for her manager Dana).
enum PortalEmployees {
    /// Adds the employees audience, the pages and their menu links.
    static func install(into site: inout Site) throws {
        site.audiences.append(Audience(id: "employees", name: "Northwind employees", criteria: .userKind([.internal])))
        try site.addPage(Page(
            id: "employee-hub", title: "Employee hub", slug: "employee-hub", visibility: .audience("employees"),
            layout: layout(ComponentInstance(id: "portal", type: EmployeePortalComponent.type, properties: ["title": "Employee hub"]))))
        try site.addPage(Page(
            id: "approvals", title: "Approvals", slug: "approvals", visibility: .audience("employees"),
            layout: layout(ComponentInstance(id: "queue", type: ApprovalQueueComponent.type))))
        guard let index = site.menus.firstIndex(where: { $0.id == "main" }) else { return }
        site.menus[index].items += [
            NavigationMenu.Item("Employee hub", .page("employee-hub"), audienceID: "employees"),
            NavigationMenu.Item("Approvals", .page("approvals"), audienceID: "employees"),
        ]
    }

    private static func layout(_ component: ComponentInstance) -> PageLayout {
        PageLayout(regions: [
            Region(name: "header", rows: [Row(columns: [Column(components: [
                ComponentInstance(id: "header", type: "community.header", properties: ["menu": "main"]),
            ])])]),
            Region(name: "main", rows: [Row(columns: [Column(components: [component])])]),
            Region(name: "footer", rows: [Row(columns: [Column(components: [
                ComponentInstance(id: "footer", type: "community.footer"),
            ])])]),
        ])
    }

    /// First run only: an announcement for the channel team and a leave request from Cara (a
    /// month after the day the portal is seeded), waiting for her manager Dana.
    static func seed(_ community: Community) throws {
        let now = community.clock.now()
        try community.employees.publish(
            title: "Partner summit travel", body: "Book summit travel through the travel desk by Friday.", by: "dana")
        _ = try community.employees.submitRequest(
            kind: "leave", details: "Family visit (four days).", startDay: Day(now.addingTimeInterval(33 * 86_400)),
            endDay: Day(now.addingTimeInterval(36 * 86_400)), by: "cara")
    }
}
