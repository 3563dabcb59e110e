import CommunityRendering
import Foundation

/// The form for a component's properties, generated from its ``PropertySchema``: one control
/// per property (a choice for allowed values, a number field with its range, a text field or
/// area with its length, JSON for arrays and objects), and the parsing of a submission back
/// into properties with an error per field.
enum PropertyForm {
    /// The form field's name for a property.
    static func fieldName(_ property: String) -> String { "p." + property }

    /// The text a control shows for a value.
    static func text(of value: JSONValue?) -> String {
        switch value {
        case nil, .null?: ""
        case .string(let s)?: s
        case .bool(let b)?: b ? "true" : "false"
        case .number(let n)?: Int64(exactly: n).map(String.init) ?? String(n)
        case let other?: other.description
        }
    }

    /// Parses submitted fields into properties: empty fields are left out (the default applies),
    /// then the schema checks the result. Returns the properties, or an error per field.
    static func parse(_ form: [String: String], schema: PropertySchema, component: ComponentInstance) -> Result<JSONValue, Failure> {
        var object: [String: JSONValue] = [:]
        var errors: [String: String] = [:]
        for property in schema.properties {
            let field = fieldName(property.name)
            guard let raw = form[field], !raw.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { continue }
            let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            if let allowed = property.allowedValues, let match = allowed.first(where: { Self.text(of: $0) == text }) {
                object[property.name] = match
                continue
            }
            switch property.type {
            case .string, .url:
                object[property.name] = .string(raw)
            case .integer, .number:
                guard text.utf8.count <= 40, let number = Double(text), number.isFinite else {
                    errors[field] = "\(property.name): enter a number"
                    continue
                }
                object[property.name] = .number(number)
            case .boolean:
                switch text {
                case "true": object[property.name] = .bool(true)
                case "false": object[property.name] = .bool(false)
                default: errors[field] = "\(property.name): choose true or false"
                }
            case .array, .object:
                guard let value = try? JSONDecoder().decode(JSONValue.self, from: Data(text.utf8)) else {
                    errors[field] = "\(property.name): enter valid JSON"
                    continue
                }
                object[property.name] = value
            }
        }
        let properties = JSONValue.object(object)
        if errors.isEmpty {
            for issue in schema.issues(in: properties, path: "properties", component: component) {
                let name: String = switch issue {
                case .missingProperty(let n, _), .mistypedProperty(let n, _, _, _), .unknownProperty(let n, _), .disallowedValue(let n, _, _): n
                case .invalidPropertyValue(let violation): violation.property
                default: ""
                }
                let key = name.isEmpty ? "" : fieldName(name)
                errors[key] = errors[key].map { $0 + "; " + issue.description } ?? issue.description
            }
        }
        return errors.isEmpty ? .success(properties) : .failure(Failure(errors: errors))
    }

    /// The fields that failed, by form field name.
    struct Failure: Error {
        var errors: [String: String]
    }

    /// One control per property, showing `values` (the submission) or the component's properties.
    static func fields(schema: PropertySchema, properties: JSONValue, form: BuilderForm?) -> [HTMLNode] {
        let current = properties.objectValue
        return schema.properties.map { property in
            let name = fieldName(property.name)
            let id = "prop-" + property.name.filter { $0.isASCII && ($0.isLetter || $0.isNumber) }
            let value = form?.value(name, for: "setProperties") ?? text(of: current[property.name])
            let error = form?.error(name, for: "setProperties")
            var attributes: [HTMLAttribute] = [HTMLAttribute("id", id), HTMLAttribute("name", name)]
            if error != nil {
                attributes.append(HTMLAttribute("aria-invalid", "true"))
                attributes.append(HTMLAttribute("aria-describedby", id + "-error"))
            }
            let control: HTMLNode
            if let allowed = property.allowedValues {
                control = .el("select", attributes, [.el("option", [HTMLAttribute("value", "")], text: "(default)")] + allowed.map { option in
                    let text = text(of: option)
                    return .el("option", [HTMLAttribute("value", text)] + (text == value ? [HTMLAttribute(flag: "selected")] : []), text: text)
                })
            } else if property.type == .boolean {
                control = .el("select", attributes, ["", "true", "false"].map { option in
                    .el("option", [HTMLAttribute("value", option)] + (option == value ? [HTMLAttribute(flag: "selected")] : []),
                        text: option.isEmpty ? "(default)" : option)
                })
            } else if property.type == .array || property.type == .object || (property.maximumLength ?? 0) > 200 {
                control = .el("textarea", attributes + [HTMLAttribute("rows", "4")], text: value)
            } else if property.type == .integer || property.type == .number {
                var extra = [HTMLAttribute("type", "text"), HTMLAttribute("inputmode", "decimal"), HTMLAttribute("value", value)]
                if let low = property.minimum, let high = property.maximum {
                    extra.append(HTMLAttribute("placeholder", "\(text(of: .number(low)))–\(text(of: .number(high)))"))
                }
                control = .el("input", attributes + extra)
            } else {
                control = .el("input", attributes + [HTMLAttribute("type", "text"), HTMLAttribute("value", value)])
            }
            var hint = property.summary.isEmpty ? property.type.rawValue : property.summary + " (" + property.type.rawValue + ")"
            if property.isRequired { hint += ", required" }
            if let fallback = property.defaultValue { hint += ", default " + text(of: fallback) }
            var nodes: [HTMLNode] = [.el("label", [HTMLAttribute("for", id)], [.el("strong", text: property.name), .text(" — " + hint)]), control]
            if let error { nodes.append(.el("p", [.class("ck-error"), HTMLAttribute("id", id + "-error")], text: error)) }
            return .el("div", [.class("ck-field")], nodes)
        }
    }
}
