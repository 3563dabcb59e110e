/// A component property whose value breaks its schema: which component, which property, the
/// value found and what is allowed. The page is named by the ``SiteError`` that carries the issue.
public struct PropertyViolation: Sendable, Hashable, CustomStringConvertible {
    /// The most characters of the offending value kept (a layout may hold megabytes).
    public static let valueLimit = 80

    /// The component instance's id, when known.
    public var componentID: String?
    /// The component's type, when known.
    public var componentType: ComponentType?
    /// The property's name.
    public var property: String
    /// The value found, as compact JSON, cut to ``valueLimit`` characters.
    public var value: String
    /// What the schema allows.
    public var allowed: PropertyConstraint
    /// Where the component's properties are, such as `regions[0].rows[1].columns[0].components[2].properties`.
    public var path: String

    /// A violation.
    public init(
        componentID: String? = nil, componentType: ComponentType? = nil, property: String, value: JSONValue,
        allowed: PropertyConstraint, path: String
    ) {
        self.componentID = componentID
        self.componentType = componentType
        self.property = property
        let text = value.description
        self.value = text.count > Self.valueLimit ? String(text.prefix(Self.valueLimit)) + "…" : text
        self.allowed = allowed
        self.path = path
    }

    public var description: String {
        var subject = "property \(property)"
        if let componentType { subject += " of \(componentType)" }
        if let componentID { subject += " \"\(componentID)\"" }
        return "\(path): \(subject) is \(value); allowed: \(allowed)"
    }
}
