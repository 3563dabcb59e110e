/// The described properties of a component type, for validation and builder UIs.
///
/// Besides its JSON type, a property may bound its value: a numeric range (`range: 1...50`),
/// a length for strings and arrays (`length: 0...200`), a pattern for strings (`pattern: .apiName`)
/// and a list of allowed values (`allowed: [1, 2]`). ``issues(in:path:component:)`` reports every
/// value outside those bounds as a ``LayoutIssue/invalidPropertyValue(_:)``; site validation, bundle
/// import and the layout validator builder UIs use all run it, so a layout that passes never hands a
/// component a negative count or a megabyte heading.
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

        /// Whether `value` has this type. Magnitude is checked separately, as a range.
        public func accepts(_ value: JSONValue) -> Bool {
            switch (self, value) {
            case (.string, .string), (.boolean, .bool), (.array, .array), (.object, .object):
                true
            case (.number, .number(let n)): n.isFinite
            case (.integer, .number(let n)): n.isFinite && n == n.rounded()
            case (.url, .string(let s)): SafeURL(s) != nil
            default: false
            }
        }
    }

    /// The widest range an integer property has when its schema gives none: what a `Double`
    /// holds exactly, which every `Int` property decodes without loss.
    public static let integerLimit: Double = 9_007_199_254_740_991

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
        /// The smallest number allowed (integer and number properties).
        public var minimum: Double?
        /// The largest number allowed (integer and number properties).
        public var maximum: Double?
        /// The fewest characters (strings and URLs) or elements (arrays) allowed.
        public var minimumLength: Int?
        /// The most characters (strings and URLs) or elements (arrays) allowed.
        public var maximumLength: Int?
        /// A pattern every non-empty string value (or string element of an array) must match;
        /// whether a value may be empty is up to ``minimumLength``.
        public var pattern: PropertyPattern?
        /// A one-line explanation for builder UIs.
        public var summary: String

        /// Describes a property.
        ///
        /// - Parameters:
        ///   - range: the numbers allowed, for integer and number properties.
        ///   - length: the characters (strings, URLs) or elements (arrays) allowed.
        ///   - pattern: what non-empty strings (or an array's strings) must match.
        public init(
            _ name: String, _ type: ValueType, required: Bool = false, default defaultValue: JSONValue? = nil,
            allowed: [JSONValue]? = nil, range: ClosedRange<Double>? = nil, length: ClosedRange<Int>? = nil,
            pattern: PropertyPattern? = nil, summary: String = ""
        ) {
            self.name = name
            self.type = type
            self.isRequired = required && defaultValue == nil
            self.defaultValue = defaultValue
            self.allowedValues = allowed
            self.minimum = range?.lowerBound
            self.maximum = range?.upperBound
            self.minimumLength = length?.lowerBound
            self.maximumLength = length?.upperBound
            self.pattern = pattern
            self.summary = summary
        }

        /// Every bound `value` (already of the right type) breaks.
        public func violations(of value: JSONValue) -> [PropertyConstraint] {
            var broken: [PropertyConstraint] = []
            if case .number(let n) = value, type == .integer || type == .number {
                var low = minimum, high = maximum
                if type == .integer {
                    low = max(low ?? -PropertySchema.integerLimit, -PropertySchema.integerLimit)
                    high = min(high ?? PropertySchema.integerLimit, PropertySchema.integerLimit)
                }
                if !n.isFinite || low.map({ n < $0 }) == true || high.map({ n > $0 }) == true {
                    broken.append(.range(minimum: low, maximum: high))
                }
            }
            if minimumLength != nil || maximumLength != nil {
                let count: Int? = switch value {
                case .string(let s): s.count
                case .array(let a): a.count
                default: nil
                }
                if let count, minimumLength.map({ count < $0 }) == true || maximumLength.map({ count > $0 }) == true {
                    broken.append(.length(minimum: minimumLength, maximum: maximumLength))
                }
            }
            if let pattern {
                let strings: [String] = switch value {
                case .string(let s): [s]
                case .array(let a): a.compactMap(\.stringValue)
                default: []
                }
                if strings.contains(where: { !$0.isEmpty && !pattern.matches($0) }) { broken.append(.pattern(pattern)) }
            }
            if let allowed = allowedValues, !allowed.contains(value) {
                broken.append(.oneOf(allowed))
            }
            return broken
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

    /// Problems of `value` against this schema, located at `path`: missing, mistyped and unknown
    /// properties, and values outside a property's range, length, pattern or allowed values.
    ///
    /// - Parameter component: the instance the properties belong to, named in the issues.
    public func issues(in value: JSONValue, path: String, component: ComponentInstance? = nil) -> [LayoutIssue] {
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
            for constraint in property.violations(of: found) {
                issues.append(.invalidPropertyValue(PropertyViolation(
                    componentID: component?.id, componentType: component?.type, property: property.name, value: found,
                    allowed: constraint, path: path)))
            }
        }
        for key in object.keys.sorted() where !known.contains(key) {
            issues.append(.unknownProperty(name: key, path: path))
        }
        return issues
    }

    /// Problems with the schema itself: a default value of the wrong type or outside its own bounds,
    /// or an inverted range. Component authors check this in a test; registration does not trap on it.
    public var selfIssues: [String] {
        var problems: [String] = []
        for property in properties {
            if let low = property.minimum, let high = property.maximum, low > high {
                problems.append("\(property.name): range \(low)…\(high) is empty")
            }
            if let low = property.minimumLength, low < 0 { problems.append("\(property.name): negative minimum length") }
            if let pattern = property.pattern, (try? Regex(pattern.expression)) == nil {
                problems.append("\(property.name): pattern \(pattern.expression) does not compile")
            }
            guard let value = property.defaultValue, value != .null else { continue }
            if !property.type.accepts(value) {
                problems.append("\(property.name): default \(value) is not \(property.type.rawValue)")
            } else {
                for constraint in property.violations(of: value) {
                    problems.append("\(property.name): default \(value) is not \(constraint)")
                }
            }
        }
        return problems
    }
}
