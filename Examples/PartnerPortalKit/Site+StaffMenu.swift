import CommunityKit

extension Site {
    /// The audiences whose menu items are staff work (Northwind employees, agents, reviewers,
    /// authors, moderators, site administrators).
    static let staffAudiences: Set<String> = [
        "employees", "agents", "registration-reviewers", "knowledge-authors", "moderators", "site-admins",
    ]

    /// Moves the main menu's staff items under the "Employee hub" item, which the header's wide
    /// navigation shows as one drop-down (the compact menu as a nested list), so an employee's
    /// navigation fits one line at 1280 pixels. A partner sees no change: the group shows only
    /// to viewers who see one of its entries.
    mutating func groupStaffItems(under hubPage: String = "employee-hub") {
        guard let main = menus.firstIndex(where: { $0.id == "main" }),
              let hub = menus[main].items.firstIndex(where: { $0.target == .page(hubPage) }) else { return }
        var group = menus[main].items[hub]
        var kept: [NavigationMenu.Item] = []
        for (index, item) in menus[main].items.enumerated() where index != hub {
            if let audience = item.audienceID, Self.staffAudiences.contains(audience) {
                group.children.append(item)
            } else {
                kept.append(item)
            }
        }
        kept.append(group)
        menus[main].items = kept
    }
}
