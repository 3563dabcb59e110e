extension Markup {
    /// A labelled `select` whose options show labels (`High`, `Hoch`, `높음`) and submit values
    /// (`high`), keeping the submitted value selected after a failed submission.
    static func picklistField(
        _ name: String, label: String, action: String, context: RenderContext, options: [(value: String, label: String)]
    ) -> HTMLNode {
        let id = "f-\(action)-\(name)"
        let state = context.form?.action == action ? context.form : nil
        let selected = state?.values[name] ?? ""
        let error = state?.errors[name]
        var attributes: [HTMLAttribute] = [HTMLAttribute("id", id), HTMLAttribute("name", name)]
        if error != nil {
            attributes.append(HTMLAttribute("aria-invalid", "true"))
            attributes.append(HTMLAttribute("aria-describedby", id + "-error"))
        }
        let control = HTMLNode.el("select", attributes, options.map { option in
            var a = [HTMLAttribute("value", option.value)]
            if option.value == selected { a.append(HTMLAttribute(flag: "selected")) }
            return .el("option", a, text: option.label)
        })
        var nodes: [HTMLNode] = [.el("label", [HTMLAttribute("for", id)], text: label), control]
        if let error { nodes.append(.el("p", [.class("ck-error"), HTMLAttribute("id", id + "-error")], text: error)) }
        return .el("div", [.class("ck-field")], nodes)
    }
}
