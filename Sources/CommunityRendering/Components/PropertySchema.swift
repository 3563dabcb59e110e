/// The described properties of a component type, for validation and builder UIs.
public struct PropertySchema: Sendable, Hashable, Codable {
    /// The JSON type of a property.
    public enum ValueType: String, Sendable, Hashable, Codable {
        /// A string.
        case string
        /// A whole number.
        case integer
        /// Any number.
        case number
        /// `true` or `false`.
        case boolean
        /// A string that must be a ``SafeURL``.
        case url
        /// An array.
        case array
        /// An object.
        case object

        /// Whether `value` has this type.
        public func accepts(_ value: JSONValue) -> Bool {
            switch (self, value) {
            case (.string, .string), (.boolean, .bool), (.number, .number), (.array, .array), (.object, .object):
                true
            case (.integer, .number(let n)): n == n.rounded() && abs(n) < 1e15
            case (.url, .string(let s)): SafeURL(s) != nil
            default: false
            }
        }
    }

    /// One property.
    public struct Property: Sendable, Hashable, Codable {
        /// The property's name in the JSON object.
        public var name: String
        /// Its type.
        public var type: ValueType
        /// Whether a layout must set it (a property with a default never is).
        public var isRequired: Bool
        /// The value used when the layout leaves it out.
        public var defaultValue: JSONValue?
        /// The values allowed, when the property is a choice.
        public var allowedValues: [JSONValue]?
        /// A one-line explanation for builder UIs.
        public var summary: String

        /// Describes a property.
        public init(
            _ name: String, _ type: ValueType, required: Bool = false, default defaultValue: JSONValue? = nil,
            allowed: [JSONValue]? = nil, summary: String = ""
        ) {
            self.name = name
            self.type = type
            self.isRequired = required && defaultValue == nil
            self.defaultValue = defaultValue
            self.allowedValues = allowed
            self.summary = summary
        }
    }

    /// The properties, in display order.
    public var properties: [Property]

    /// A schema.
    public init(_ properties: [Property]) { self.properties = properties }

    /// A component without properties.
    public static let none = PropertySchema([])

    /// `properties` with every missing property that has a default filled in.
    public func applyingDefaults(to properties: JSONValue) -> JSONValue {
        var object = properties.objectValue
        for property in self.properties where object[property.name] == nil {
            if let value = property.defaultValue { object[property.name] = value }
        }
        return .object(object)
    }

    /// Problems of `value` against this schema, located at `path`.
    public func issues(in value: JSONValue, path: String) -> [LayoutIssue] {
        guard case .object(let object) = value else {
            return [.mistypedProperty(name: "", expected: .object, found: value.kindName, path: path)]
        }
        var issues: [LayoutIssue] = []
        let known = Set(properties.map(\.name))
        for property in properties {
            guard let found = object[property.name], found != .null else {
                if property.isRequired { issues.append(.missingProperty(name: property.name, path: path)) }
                continue
            }
            guard property.type.accepts(found) else {
                issues.append(.mistypedProperty(
                    name: property.name, expected: property.type, found: found.kindName, path: path))
                continue
            }
            if let allowed = property.allowedValues, !allowed.contains(found) {
                issues.append(.disallowedValue(name: property.name, value: found.description, path: path))
            }
        }
        for key in object.keys.sorted() where !known.contains(key) {
            issues.append(.unknownProperty(name: key, path: path))
        }
        return issues
    }
}
