import CommunityKit

extension Site {
    /// Appends items to the account menu (id `account`), which the header shows under the signed-in
    /// member's name, creating the menu on first use. Pages about the member themselves (profile,
    /// notifications, API tokens) go there, so the main navigation fits on one line.
    mutating func appendToAccountMenu(_ items: [NavigationMenu.Item]) {
        if let index = menus.firstIndex(where: { $0.id == "account" }) {
            menus[index].items += items
        } else {
            menus.append(NavigationMenu(id: "account", items: items))
        }
    }
}
