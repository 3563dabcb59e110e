public import CommunityRendering
import Foundation

/// The shape of a JSON value the API accepts or returns. One value serves two purposes that
/// therefore cannot drift: the router validates request bodies and parameters against it, and
/// ``OpenAPIDocument`` writes it into the OpenAPI 3.1 document.
///
/// Objects in request bodies are closed (`additionalProperties: false`): an unknown member is
/// refused, never ignored.
public indirect enum APISchema: Sendable, Hashable {
    /// Text of `minLength...maxLength` characters, optionally one of `allowed`.
    case string(minLength: Int = 0, maxLength: Int, allowed: [String]? = nil, format: String? = nil)
    /// A whole number in `minimum...maximum`.
    case integer(minimum: Int, maximum: Int)
    /// Any finite number.
    case number
    /// `true` or `false`.
    case boolean
    /// An object with these members; members not listed are refused, unless `additional`
    /// describes them (a map such as `fields`), up to `maxProperties` members.
    case object([APIProperty], additional: APISchema? = nil, maxProperties: Int = 64)
    /// An array of up to `maxItems` items.
    case array(APISchema, maxItems: Int)
    /// A record field's value: text, number, boolean or null.
    case fieldValue
    /// A named schema of the document's `components/schemas`.
    case reference(String)
    /// The schema, or `null`.
    case nullable(APISchema)

    /// A string of 1 to `maxLength` characters.
    public static func text(_ maxLength: Int) -> APISchema { .string(minLength: 1, maxLength: maxLength) }
    /// One of a fixed set of strings.
    public static func choice(_ allowed: [String]) -> APISchema {
        .string(minLength: 1, maxLength: allowed.map(\.count).max() ?? 1, allowed: allowed)
    }
}

/// A member of an object schema.
public struct APIProperty: Sendable, Hashable {
    /// The member's name.
    public var name: String
    /// Its schema.
    public var schema: APISchema
    /// Whether it must be present.
    public var required: Bool
    /// What it means.
    public var summary: String

    /// A member.
    public init(_ name: String, _ schema: APISchema, required: Bool = false, _ summary: String = "") {
        self.name = name
        self.schema = schema
        self.required = required
        self.summary = summary
    }
}

extension APISchema {
    /// The deepest nesting a request body may have.
    public static let maximumDepth = 16

    /// Checks `value` against the schema, collecting every refused field with its path.
    public func validate(_ value: JSONValue, at path: String, named: [String: APISchema] = [:], into issues: inout [APIProblem.InvalidField]) {
        switch self {
        case .string(let minLength, let maxLength, let allowed, _):
            guard case .string(let text) = value else { return issues.append(.init(path, "expected a string, got \(value.kindName)")) }
            let count = text.count
            if count < minLength { issues.append(.init(path, minLength == 1 ? "must not be empty" : "must have at least \(minLength) characters")) }
            if count > maxLength { issues.append(.init(path, "must have at most \(maxLength) characters (has \(count))")) }
            if let allowed, !allowed.contains(text) { issues.append(.init(path, "must be one of \(allowed.joined(separator: ", "))")) }
            if text.unicodeScalars.contains(where: { $0.value < 0x20 && $0 != "\n" && $0 != "\r" && $0 != "\t" }) {
                issues.append(.init(path, "must not contain control characters"))
            }
        case .integer(let minimum, let maximum):
            guard case .number(let n) = value else { return issues.append(.init(path, "expected an integer, got \(value.kindName)")) }
            guard n.isFinite, n == n.rounded(), n >= Double(minimum), n <= Double(maximum) else {
                return issues.append(.init(path, "must be a whole number from \(minimum) to \(maximum)"))
            }
        case .number:
            guard case .number(let n) = value, n.isFinite else { return issues.append(.init(path, "expected a number, got \(value.kindName)")) }
        case .boolean:
            guard case .bool = value else { return issues.append(.init(path, "expected a boolean, got \(value.kindName)")) }
        case .object(let properties, let additional, let maxProperties):
            guard case .object(let members) = value else { return issues.append(.init(path, "expected an object, got \(value.kindName)")) }
            if members.count > maxProperties { issues.append(.init(path, "has \(members.count) members; at most \(maxProperties) are accepted")) }
            let known = Dictionary(properties.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
            for property in properties where property.required && members[property.name] == nil {
                issues.append(.init(Self.join(path, property.name), "is required"))
            }
            for (name, member) in members.sorted(by: { $0.key < $1.key }) {
                let memberPath = Self.join(path, name)
                if let property = known[name] {
                    property.schema.validate(member, at: memberPath, named: named, into: &issues)
                } else if let additional {
                    if name.isEmpty || name.count > 80 { issues.append(.init(memberPath, "is not an acceptable name")) }
                    additional.validate(member, at: memberPath, named: named, into: &issues)
                } else {
                    issues.append(.init(memberPath, "is not a known field"))
                }
            }
        case .array(let items, let maxItems):
            guard case .array(let elements) = value else { return issues.append(.init(path, "expected an array, got \(value.kindName)")) }
            if elements.count > maxItems { issues.append(.init(path, "has \(elements.count) items; at most \(maxItems) are accepted")) }
            for (i, element) in elements.prefix(maxItems).enumerated() { items.validate(element, at: "\(path)[\(i)]", named: named, into: &issues) }
        case .fieldValue:
            switch value {
            case .null, .bool: break
            case .string(let s):
                if s.count > Check.maximumTextBytes { issues.append(.init(path, "is too long")) }
            case .number(let n):
                if !n.isFinite { issues.append(.init(path, "must be a finite number")) }
            case .array, .object: issues.append(.init(path, "expected text, a number, a boolean or null, got \(value.kindName)"))
            }
        case .reference(let name):
            named[name]?.validate(value, at: path, named: named, into: &issues)
        case .nullable(let inner):
            if value != .null { inner.validate(value, at: path, named: named, into: &issues) }
        }
    }

    private static func join(_ path: String, _ name: String) -> String { path.isEmpty ? name : path + "." + name }

    /// The schema as an OpenAPI 3.1 (JSON Schema 2020-12) object. Request schemas close their
    /// objects (`additionalProperties: false`); response schemas leave them open so that adding
    /// a member later is not a breaking change.
    public func openAPI(closed: Bool) -> JSONValue {
        switch self {
        case .string(let minLength, let maxLength, let allowed, let format):
            var o: [String: JSONValue] = ["type": .string("string")]
            if closed {
                o["maxLength"] = .number(Double(maxLength))
                if minLength > 0 { o["minLength"] = .number(Double(minLength)) }
                o["pattern"] = .string("^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F]*$")
            }
            if let allowed { o["enum"] = .array(allowed.map(JSONValue.string)) }
            if let format { o["format"] = .string(format) }
            return .object(o)
        case .integer(let minimum, let maximum):
            return closed
                ? .object(["type": .string("integer"), "minimum": .number(Double(minimum)), "maximum": .number(Double(maximum))])
                : .object(["type": .string("integer")])
        case .number:
            return .object(["type": .string("number")])
        case .boolean:
            return .object(["type": .string("boolean")])
        case .object(let properties, let additional, let maxProperties):
            var o: [String: JSONValue] = ["type": .string("object")]
            var members: [String: JSONValue] = [:]
            for property in properties {
                var schema = property.schema.openAPI(closed: closed)
                if !property.summary.isEmpty, case .object(var fields) = schema, fields["$ref"] == nil {
                    fields["description"] = .string(property.summary)
                    schema = .object(fields)
                }
                members[property.name] = schema
            }
            o["properties"] = .object(members)
            let required = properties.filter(\.required).map(\.name)
            if !required.isEmpty { o["required"] = .array(required.map(JSONValue.string)) }
            if let additional {
                o["additionalProperties"] = additional.openAPI(closed: closed)
                if closed { o["maxProperties"] = .number(Double(maxProperties)) }
            } else if closed {
                o["additionalProperties"] = .bool(false)
                o["maxProperties"] = .number(Double(maxProperties))
            }
            return .object(o)
        case .array(let items, let maxItems):
            var o: [String: JSONValue] = ["type": .string("array"), "items": items.openAPI(closed: closed)]
            if closed { o["maxItems"] = .number(Double(maxItems)) }
            return .object(o)
        case .fieldValue:
            return .object(["type": .array(["string", "number", "boolean", "null"].map(JSONValue.string))])
        case .reference(let name):
            return .object(["$ref": .string("#/components/schemas/" + name)])
        case .nullable(let inner):
            return .object(["oneOf": .array([inner.openAPI(closed: closed), .object(["type": .string("null")])])])
        }
    }
}
