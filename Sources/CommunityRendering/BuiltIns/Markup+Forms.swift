/// Form pieces of the site-form components: multipart forms, file inputs, check boxes and
/// fields of one item among several forms on a page.
extension Markup {
    /// A POST form that sends `multipart/form-data` (for file inputs), with the CSRF token and the return path.
    static func uploadForm(_ action: String, context: RenderContext, _ fields: [HTMLNode], submit: String) -> HTMLNode {
        var children: [HTMLNode] = [hidden("_csrf", context.csrfToken), hidden("_return", context.currentPath)]
        if let state = context.form, state.action == action, let error = state.errors[""] {
            children.append(.el("p", [.class("ck-error"), HTMLAttribute("role", "alert")], text: error))
        }
        children += fields
        children.append(.el("button", [.class("ck-button"), HTMLAttribute("type", "submit")], text: submit))
        return .el("form", [
            HTMLAttribute("method", "post"), HTMLAttribute("action", url: context.actionURL(action)),
            HTMLAttribute("enctype", "multipart/form-data"),
        ], children)
    }

    /// A labelled file input that shows its error after a refused upload.
    static func fileField(_ name: String, label: String, action: String, context: RenderContext, accept: [String]) -> HTMLNode {
        let id = "f-\(action)-\(name)"
        let error = context.form?.action == action ? context.form?.errors[name] : nil
        var attributes: [HTMLAttribute] = [
            HTMLAttribute("id", id), HTMLAttribute("name", name), HTMLAttribute("type", "file"), HTMLAttribute(flag: "required"),
        ]
        if !accept.isEmpty { attributes.append(HTMLAttribute("accept", accept.joined(separator: ","))) }
        if error != nil {
            attributes.append(HTMLAttribute("aria-invalid", "true"))
            attributes.append(HTMLAttribute("aria-describedby", id + "-error"))
        }
        var nodes: [HTMLNode] = [.el("label", [HTMLAttribute("for", id)], text: label), .el("input", attributes)]
        if let error { nodes.append(.el("p", [.class("ck-error"), HTMLAttribute("id", id + "-error"), HTMLAttribute("role", "alert")], text: error)) }
        return .el("div", [.class("ck-field")], nodes)
    }

    /// A labelled check box.
    static func checkbox(_ name: String, label: String, checked: Bool, action: String) -> HTMLNode {
        let id = "f-\(action)-\(name)"
        var attributes: [HTMLAttribute] = [
            HTMLAttribute("id", id), HTMLAttribute("name", name), HTMLAttribute("type", "checkbox"), HTMLAttribute("value", "on"),
        ]
        if checked { attributes.append(HTMLAttribute(flag: "checked")) }
        return .el("div", [.class("ck-field ck-check")], [.el("input", attributes), .el("label", [HTMLAttribute("for", id)], text: label)])
    }

    /// A labelled field of one item's form among several on a page (`item` keeps ids unique);
    /// its error shows when the last submission of `action` was for this item (`itemField`).
    static func itemField(
        _ name: String, label: String, action: String, item: String, itemField: String, context: RenderContext,
        multiline: Bool = false, initial: String = "", required: Bool = false
    ) -> HTMLNode {
        let id = "f-\(action)-\(item)-\(name)"
        let state = context.form.flatMap { $0.action == action && $0.values[itemField] == item ? $0 : nil }
        let value = state?.values[name] ?? initial
        let error = state?.errors[name]
        var attributes: [HTMLAttribute] = [HTMLAttribute("id", id), HTMLAttribute("name", name)]
        if required { attributes.append(HTMLAttribute(flag: "required")) }
        if error != nil {
            attributes.append(HTMLAttribute("aria-invalid", "true"))
            attributes.append(HTMLAttribute("aria-describedby", id + "-error"))
        }
        let control: HTMLNode = multiline
            ? .el("textarea", attributes + [HTMLAttribute("rows", "4")], text: value)
            : .el("input", attributes + [HTMLAttribute("type", "text"), HTMLAttribute("value", value)])
        var nodes: [HTMLNode] = [.el("label", [HTMLAttribute("for", id)], text: label), control]
        if let error { nodes.append(.el("p", [.class("ck-error"), HTMLAttribute("id", id + "-error")], text: error)) }
        return .el("div", [.class("ck-field")], nodes)
    }

    /// The form-level error of the last submission of `action` for one item, if any.
    static func itemError(action: String, item: String, itemField: String, context: RenderContext) -> HTMLNode? {
        guard let state = context.form, state.action == action, state.values[itemField] == item, let error = state.errors[""] else {
            return nil
        }
        return .el("p", [.class("ck-error"), HTMLAttribute("role", "alert")], text: error)
    }

    /// A compact POST form of hidden fields and one button (a decision on one item).
    static func buttonForm(_ action: String, context: RenderContext, hidden fields: [(String, String)], extra: [HTMLNode] = [], submit: String) -> HTMLNode {
        var children: [HTMLNode] = [hidden("_csrf", context.csrfToken), hidden("_return", context.currentPath)]
        children += fields.map { hidden($0.0, $0.1) }
        children += extra
        children.append(.el("button", [.class("ck-button"), HTMLAttribute("type", "submit")], text: submit))
        return .el("form", [HTMLAttribute("method", "post"), HTMLAttribute("action", url: context.actionURL(action))], children)
    }

    /// A byte count for people: `812 B`, `14 KB`, `2.1 MB`.
    static func size(_ bytes: Int) -> String {
        if bytes < 1024 { return "\(bytes) B" }
        if bytes < 1024 * 1024 { return "\(bytes / 1024) KB" }
        let tenths = bytes / (1024 * 1024 / 10)
        return "\(tenths / 10).\(tenths % 10) MB"
    }
}
