/// Building blocks for tables, empty states and components that hide.
extension Markup {
    /// What a component renders when it has nothing for this viewer and should not appear at
    /// all; the wrapper it leaves behind is empty and the stylesheet hides `.ck-component:empty`.
    static let nothing: HTMLNode = .fragment([])

    /// A wide table inside its own horizontally scrolling container: a labelled region that
    /// keyboard users can focus and scroll (WCAG 2.1.1), so the page itself never scrolls sideways.
    static func scrollable(_ table: HTMLNode, label: String) -> HTMLNode {
        .el("div", [.class("ck-table-scroll"), HTMLAttribute("role", "region"), HTMLAttribute("aria-label", label),
                    HTMLAttribute("tabindex", "0")], [table])
    }

    /// An empty state that says what will appear and, when given, where to go next.
    static func empty(_ message: String, action: (label: String, url: SafeURL)? = nil) -> HTMLNode {
        var nodes: [HTMLNode] = [.text(message)]
        if let action { nodes += [.text(" "), .el("a", [.href(action.url)], text: action.label)] }
        return .el("p", [.class("ck-empty")], nodes)
    }
}
