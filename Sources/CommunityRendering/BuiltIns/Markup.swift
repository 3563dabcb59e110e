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
        .el("p", [.class("ck-empty")], text: Localized.text("noResults", locale: context.locale))
    }

    /// "This section is not available" (no provider registered).
    static func unavailable(_ context: RenderContext) -> HTMLNode {
        .el("p", [.class("ck-unavailable")], text: Localized.text("unavailable", locale: context.locale))
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

    /// A POST form to an action with the CSRF token and the return path.
    static func form(_ action: String, context: RenderContext, _ fields: [HTMLNode], submit: String? = nil) -> HTMLNode {
        var children: [HTMLNode] = [
            .el("input", [HTMLAttribute("type", "hidden"), HTMLAttribute("name", "_csrf"), HTMLAttribute("value", context.csrfToken)]),
            .el("input", [HTMLAttribute("type", "hidden"), HTMLAttribute("name", "_return"), HTMLAttribute("value", context.currentPath)]),
        ]
        if let state = context.form, state.action == action, let error = state.errors[""] {
            children.append(.el("p", [.class("ck-error"), HTMLAttribute("role", "alert")], text: error))
        }
        children += fields
        children.append(.el("button", [.class("ck-button"), HTMLAttribute("type", "submit")],
                            text: submit ?? Localized.text("submit", locale: context.locale)))
        return .el("form", [HTMLAttribute("method", "post"), HTMLAttribute("action", url: context.actionURL(action))], children)
    }

    /// A labelled input (or textarea) that shows the submitted value and its error after a failed submission.
    static func field(
        _ name: String, label: String, action: String, context: RenderContext, multiline: Bool = false,
        required: Bool = false, type: String = "text", options: [String]? = nil
    ) -> HTMLNode {
        let id = "f-\(action)-\(name)"
        let state = context.form?.action == action ? context.form : nil
        let value = state?.values[name] ?? ""
        let error = state?.errors[name]
        var attributes: [HTMLAttribute] = [HTMLAttribute("id", id), HTMLAttribute("name", name)]
        if required { attributes.append(HTMLAttribute(flag: "required")) }
        if error != nil {
            attributes.append(HTMLAttribute("aria-invalid", "true"))
            attributes.append(HTMLAttribute("aria-describedby", id + "-error"))
        }
        let control: HTMLNode
        if let options {
            control = .el("select", attributes, options.map { option in
                var a = [HTMLAttribute("value", option)]
                if option == value { a.append(HTMLAttribute(flag: "selected")) }
                return .el("option", a, text: option)
            })
        } else if multiline {
            control = .el("textarea", attributes + [HTMLAttribute("rows", "5")], text: value)
        } else {
            control = .el("input", attributes + [HTMLAttribute("type", type), HTMLAttribute("value", value)])
        }
        var nodes: [HTMLNode] = [.el("label", [HTMLAttribute("for", id)], text: label), control]
        if let error { nodes.append(.el("p", [.class("ck-error"), HTMLAttribute("id", id + "-error")], text: error)) }
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

    /// A labelled password input that never shows a submitted value back.
    static func secretField(_ name: String, label: String, action: String, context: RenderContext, autocomplete: String) -> HTMLNode {
        let id = "f-\(action)-\(name)"
        let error = context.form?.action == action ? context.form?.errors[name] : nil
        var attributes: [HTMLAttribute] = [
            HTMLAttribute("id", id), HTMLAttribute("name", name), HTMLAttribute("type", "password"),
            HTMLAttribute("autocomplete", autocomplete), HTMLAttribute(flag: "required"),
        ]
        if error != nil {
            attributes.append(HTMLAttribute("aria-invalid", "true"))
            attributes.append(HTMLAttribute("aria-describedby", id + "-error"))
        }
        var nodes: [HTMLNode] = [.el("label", [HTMLAttribute("for", id)], text: label), .el("input", attributes)]
        if let error { nodes.append(.el("p", [.class("ck-error"), HTMLAttribute("id", id + "-error")], text: error)) }
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
