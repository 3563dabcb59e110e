/// What a property's schema allows, as reported when a value breaks it.
public enum PropertyConstraint: Sendable, Hashable, CustomStringConvertible {
    /// A number between the bounds (either may be open).
    case range(minimum: Double?, maximum: Double?)
    /// A string of this many characters, or an array of this many elements (either bound may be open).
    case length(minimum: Int?, maximum: Int?)
    /// A string matching the pattern.
    case pattern(PropertyPattern)
    /// One of the listed values.
    case oneOf([JSONValue])

    public var description: String {
        switch self {
        case .range(let low, let high): "a number " + Self.bounds(low.map(Self.number), high.map(Self.number))
        case .length(let low, let high): "a length " + Self.bounds(low.map(String.init), high.map(String.init))
        case .pattern(let pattern): pattern.name
        case .oneOf(let values): "one of " + values.map(\.description).joined(separator: ", ")
        }
    }

    private static func bounds(_ low: String?, _ high: String?) -> String {
        switch (low, high) {
        case (let low?, let high?): "from \(low) to \(high)"
        case (let low?, nil): "of at least \(low)"
        case (nil, let high?): "of at most \(high)"
        case (nil, nil): "of any size"
        }
    }

    private static func number(_ value: Double) -> String {
        if let exact = Int64(exactly: value) { return String(exact) }
        return String(value)
    }
}
