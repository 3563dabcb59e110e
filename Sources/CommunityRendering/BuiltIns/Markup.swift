import Foundation
import CommunityModel

/// Shared building blocks of the built-in components.
enum Markup {
    /// A count from a layout clamped into what the component shows; a layout built in memory
    /// skips validation, so `-1` or `Int.max` must still never reach `prefix` or a provider.
    static func clamp(_ value: Int, to bounds: ClosedRange<Int>) -> Int {
        min(max(value, bounds.lowerBound), bounds.upperBound)
    }

    /// A titled section.
    static func section(_ title: String?, _ children: [HTMLNode], label: String? = nil) -> HTMLNode {
        var nodes: [HTMLNode] = []
        if let title, !title.isEmpty { nodes.append(.el("h2", text: title)) }
        nodes += children
        var attributes: [HTMLAttribute] = [.class("ck-card")]
        if let label = label ?? title, !label.isEmpty { attributes.append(HTMLAttribute("aria-label", label)) }
        return .el("section", attributes, nodes)
    }

    /// "Nothing to show".
    static func empty(_ context: RenderContext) -> HTMLNode {
        .el("p", [.class("ck-empty")], text: context.text("common.nothingToShow"))
    }

    /// "This section is not available" (no provider registered).
    static func unavailable(_ context: RenderContext) -> HTMLNode {
        .el("p", [.class("ck-unavailable")], text: context.text("common.unavailable"))
    }

    /// A link, or plain text when there is no URL.
    static func link(_ text: String, _ url: SafeURL?) -> HTMLNode {
        guard let url else { return .text(text) }
        return .el("a", [.href(url)], text: text)
    }

    /// A `ul` of items.
    static func list(_ items: [HTMLNode], label: String? = nil) -> HTMLNode {
        var attributes: [HTMLAttribute] = [.class("ck-list")]
        if let label { attributes.append(HTMLAttribute("aria-label", label)) }
        return .el("ul", attributes, items.map { .el("li", [], [$0]) })
    }

    /// A POST form to an action with the CSRF token and the return path. A form-level error
    /// (the empty key of the form state) is shown first, as an alert; a form with a required
    /// field says once what the `*` marker means.
    /// `submitName` gives the button an accessible name when its text is a symbol.
    static func form(_ action: String, context: RenderContext, _ fields: [HTMLNode], submit: String? = nil,
                     submitName: String? = nil) -> HTMLNode {
        var children: [HTMLNode] = [
            .el("input", [HTMLAttribute("type", "hidden"), HTMLAttribute("name", "_csrf"), HTMLAttribute("value", context.csrfToken)]),
            .el("input", [HTMLAttribute("type", "hidden"), HTMLAttribute("name", "_return"), HTMLAttribute("value", context.currentPath)]),
        ]
        if let state = context.form, state.action == action, let error = state.errors[""] {
            children.append(.el("p", [.class("ck-error"), HTMLAttribute("id", "f-\(action)-error"), HTMLAttribute("role", "alert")], text: error))
        }
        if fields.contains(where: containsRequiredControl) {
            children.append(.el("p", [.class("ck-required-note")], text: context.text("form.requiredNote")))
        }
        children += fields
        var button = [HTMLAttribute.class("ck-button"), HTMLAttribute("type", "submit")]
        if let submitName { button += [HTMLAttribute("aria-label", submitName), HTMLAttribute("title", submitName)] }
        children.append(.el("button", button, text: submit ?? context.text("form.submit")))
        return .el("form", [HTMLAttribute("method", "post"), HTMLAttribute("action", url: context.actionURL(action))], children)
    }

    /// Whether a node holds a control marked `required`.
    static func containsRequiredControl(_ node: HTMLNode) -> Bool {
        switch node {
        case .text, .trusted: false
        case .fragment(let nodes): nodes.contains(where: containsRequiredControl)
        case .element(_, let attributes, let children):
            attributes.contains { $0.name == "required" } || children.contains(where: containsRequiredControl)
        }
    }

    /// A group of fields with a visible legend (`fieldset`/`legend`).
    static func group(_ legend: String, _ fields: [HTMLNode]) -> HTMLNode {
        .el("fieldset", [.class("ck-fieldset")], [.el("legend", text: legend)] + fields)
    }

    /// A field's label: its text, and for a required field a visible `*` that screen readers
    /// skip (the control itself says `required`).
    static func label(_ text: String, for id: String, required: Bool) -> HTMLNode {
        var children: [HTMLNode] = [.text(text)]
        if required {
            children.append(.el("span", [.class("ck-required"), HTMLAttribute("aria-hidden", "true")], text: " *"))
        }
        return .el("label", [HTMLAttribute("for", id)], children)
    }

    /// The attributes that tie a control to its help text and error (`aria-describedby`,
    /// `aria-invalid`), and the nodes of both, in that order.
    static func description(id: String, help: String?, error: String?) -> (attributes: [HTMLAttribute], nodes: [HTMLNode]) {
        var described: [String] = []
        var nodes: [HTMLNode] = []
        var attributes: [HTMLAttribute] = []
        if let help, !help.isEmpty {
            described.append(id + "-help")
            nodes.append(.el("p", [.class("ck-help"), HTMLAttribute("id", id + "-help")], text: help))
        }
        if let error {
            described.append(id + "-error")
            nodes.append(.el("p", [.class("ck-error"), HTMLAttribute("id", id + "-error")], text: error))
            attributes.append(HTMLAttribute("aria-invalid", "true"))
        }
        if !described.isEmpty { attributes.append(HTMLAttribute("aria-describedby", described.joined(separator: " "))) }
        return (attributes, nodes)
    }

    /// A labelled input, textarea or select that shows the submitted value and its error after a
    /// failed submission. `options` makes a `select` whose entries read `labels[value]` (the
    /// value itself when missing) with `defaultValue` chosen until something was submitted; `help` is shown under the label and announced with the control.
    static func field(
        _ name: String, label: String, action: String, context: RenderContext, multiline: Bool = false,
        required: Bool = false, type: String = "text", options: [String]? = nil, defaultValue: String = "", labels: [String: String] = [:],
        help: String? = nil, autocomplete: String? = nil, maxLength: Int? = nil
    ) -> HTMLNode {
        let id = "f-\(action)-\(name)"
        let state = context.form?.action == action ? context.form : nil
        let value = state?.values[name] ?? defaultValue
        let error = state?.errors[name]
        let described = description(id: id, help: help, error: error)
        var attributes: [HTMLAttribute] = [HTMLAttribute("id", id), HTMLAttribute("name", name)]
        if required { attributes += [HTMLAttribute(flag: "required"), HTMLAttribute("aria-required", "true")] }
        if let autocomplete { attributes.append(HTMLAttribute("autocomplete", autocomplete)) }
        if let maxLength, !multiline, options == nil { attributes.append(HTMLAttribute("maxlength", String(maxLength))) }
        attributes += described.attributes
        let control: HTMLNode
        if let options {
            control = .el("select", attributes, options.map { option in
                var a = [HTMLAttribute("value", option)]
                if option == value { a.append(HTMLAttribute(flag: "selected")) }
                return .el("option", a, text: labels[option] ?? option)
            })
        } else if multiline {
            control = .el("textarea", attributes + [HTMLAttribute("rows", "5")], text: value)
        } else {
            control = .el("input", attributes + [HTMLAttribute("type", type), HTMLAttribute("value", value)])
        }
        let nodes: [HTMLNode] = [Markup.label(label, for: id, required: required)] + described.nodes + [control]
        return .el("div", [.class("ck-field")], nodes)
    }

    /// A date for display in the locale.
    static func date(_ date: Date?, locale: String) -> String {
        guard let date else { return "" }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: locale)
        formatter.dateStyle = .medium
        formatter.timeStyle = .none
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }

    /// A field value for display.
    static func display(_ value: FieldValue) -> String {
        switch value {
        case .checkbox(let b): b ? "✓" : "—"
        case .currency(let d): "\(d)"
        default: value.description
        }
    }

    /// A labelled, required password input that never shows a submitted value back.
    static func secretField(
        _ name: String, label: String, action: String, context: RenderContext, autocomplete: String, help: String? = nil
    ) -> HTMLNode {
        let id = "f-\(action)-\(name)"
        let error = context.form?.action == action ? context.form?.errors[name] : nil
        let described = description(id: id, help: help, error: error)
        let attributes: [HTMLAttribute] = [
            HTMLAttribute("id", id), HTMLAttribute("name", name), HTMLAttribute("type", "password"),
            HTMLAttribute("autocomplete", autocomplete), HTMLAttribute(flag: "required"), HTMLAttribute("aria-required", "true"),
        ] + described.attributes
        let nodes: [HTMLNode] = [Markup.label(label, for: id, required: true)] + described.nodes + [.el("input", attributes)]
        return .el("div", [.class("ck-field")], nodes)
    }

    /// A hidden input.
    static func hidden(_ name: String, _ value: String) -> HTMLNode {
        .el("input", [HTMLAttribute("type", "hidden"), HTMLAttribute("name", name), HTMLAttribute("value", value)])
    }

    /// A status message (`role="status"`).
    static func notice(_ text: String) -> HTMLNode {
        .el("p", [.class("ck-notice"), HTMLAttribute("role", "status")], text: text)
    }

    /// A value for the form's component: what the last submission of `action` carried, else the query's.
    static func value(_ name: String, action: String, context: RenderContext) -> String? {
        if let state = context.form, state.action == action, let value = state.values[name], !value.isEmpty { return value }
        if let value = context.query[name], !value.isEmpty { return value }
        return nil
    }
}
