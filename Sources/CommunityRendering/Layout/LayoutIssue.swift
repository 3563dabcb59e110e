/// One problem in a page layout, with the path of the offending element such as
/// `regions[0].rows[1].columns[2].components[0]`.
public enum LayoutIssue: Sendable, Hashable, CustomStringConvertible {
    /// The layout was written by a newer (or unknown) format version.
    case unsupportedSchemaVersion(Int, path: String)
    /// No component of this type is registered.
    case unknownComponentType(ComponentType, path: String)
    /// A required property is missing.
    case missingProperty(name: String, path: String)
    /// A property has the wrong JSON type.
    case mistypedProperty(name: String, expected: PropertySchema.ValueType, found: String, path: String)
    /// A property's value is not among the allowed values.
    ///
    /// Kept for source compatibility; ``PropertySchema`` now reports this (with the allowed
    /// values) as ``invalidPropertyValue(_:)``.
    case disallowedValue(name: String, value: String, path: String)
    /// A property's value is outside its schema's range, length, pattern or allowed values:
    /// names the component, the property, the value and what is allowed.
    case invalidPropertyValue(PropertyViolation)
    /// The properties name something the schema does not describe.
    case unknownProperty(name: String, path: String)
    /// The properties passed the schema but the component could not decode them.
    case undecodableProperties(reason: String, path: String)
    /// Properties nest deeper than the limit.
    case tooDeep(depth: Int, limit: Int, path: String)
    /// Two components share an id.
    case duplicateComponentID(String, path: String, firstPath: String)
    /// A component has an empty or malformed id.
    case invalidComponentID(String, path: String)
    /// A column's span is outside 1–12.
    case invalidSpan(ColumnSpan.Breakpoint, span: Int, path: String)
    /// A row's columns add up to more than 12 at a breakpoint.
    case rowOverflow(ColumnSpan.Breakpoint, total: Int, path: String)
    /// A component refers to an audience the site does not define.
    case unknownAudience(String, path: String)
    /// A region name appears twice.
    case duplicateRegion(String, path: String)

    /// Where the problem is.
    public var path: String {
        switch self {
        case .unsupportedSchemaVersion(_, let p), .unknownComponentType(_, let p), .missingProperty(_, let p),
             .mistypedProperty(_, _, _, let p), .disallowedValue(_, _, let p), .unknownProperty(_, let p),
             .undecodableProperties(_, let p), .tooDeep(_, _, let p), .duplicateComponentID(_, let p, _),
             .invalidComponentID(_, let p), .invalidSpan(_, _, let p), .rowOverflow(_, _, let p),
             .unknownAudience(_, let p), .duplicateRegion(_, let p):
            p
        case .invalidPropertyValue(let violation):
            violation.path
        }
    }

    /// The same issue located under `prefix` (for example a page in a site bundle).
    public func prefixed(_ prefix: String) -> LayoutIssue {
        func join(_ p: String) -> String { p.isEmpty ? prefix : prefix + "." + p }
        switch self {
        case .unsupportedSchemaVersion(let v, let p): return .unsupportedSchemaVersion(v, path: join(p))
        case .unknownComponentType(let t, let p): return .unknownComponentType(t, path: join(p))
        case .missingProperty(let n, let p): return .missingProperty(name: n, path: join(p))
        case .mistypedProperty(let n, let e, let f, let p): return .mistypedProperty(name: n, expected: e, found: f, path: join(p))
        case .disallowedValue(let n, let v, let p): return .disallowedValue(name: n, value: v, path: join(p))
        case .invalidPropertyValue(var violation):
            violation.path = join(violation.path)
            return .invalidPropertyValue(violation)
        case .unknownProperty(let n, let p): return .unknownProperty(name: n, path: join(p))
        case .undecodableProperties(let r, let p): return .undecodableProperties(reason: r, path: join(p))
        case .tooDeep(let d, let l, let p): return .tooDeep(depth: d, limit: l, path: join(p))
        case .duplicateComponentID(let i, let p, let f): return .duplicateComponentID(i, path: join(p), firstPath: join(f))
        case .invalidComponentID(let i, let p): return .invalidComponentID(i, path: join(p))
        case .invalidSpan(let b, let s, let p): return .invalidSpan(b, span: s, path: join(p))
        case .rowOverflow(let b, let t, let p): return .rowOverflow(b, total: t, path: join(p))
        case .unknownAudience(let a, let p): return .unknownAudience(a, path: join(p))
        case .duplicateRegion(let r, let p): return .duplicateRegion(r, path: join(p))
        }
    }

    public var description: String {
        switch self {
        case .unsupportedSchemaVersion(let v, let p): "\(p): unsupported layout schema version \(v)"
        case .unknownComponentType(let t, let p): "\(p): unknown component type \(t)"
        case .missingProperty(let n, let p): "\(p): missing property \(n)"
        case .mistypedProperty(let n, let e, let f, let p): "\(p): property \(n) should be \(e.rawValue), found \(f)"
        case .disallowedValue(let n, let v, let p): "\(p): property \(n) does not allow \(v)"
        case .invalidPropertyValue(let violation): violation.description
        case .unknownProperty(let n, let p): "\(p): unknown property \(n)"
        case .undecodableProperties(let r, let p): "\(p): properties do not decode: \(r)"
        case .tooDeep(let d, let l, let p): "\(p): nests \(d) levels deep, limit \(l)"
        case .duplicateComponentID(let i, let p, let f): "\(p): component id \(i) already used at \(f)"
        case .invalidComponentID(let i, let p): "\(p): invalid component id \"\(i)\""
        case .invalidSpan(let b, let s, let p): "\(p): \(b.rawValue) span \(s) is outside 1–12"
        case .rowOverflow(let b, let t, let p): "\(p): \(b.rawValue) spans add up to \(t) (> 12)"
        case .unknownAudience(let a, let p): "\(p): unknown audience \(a)"
        case .duplicateRegion(let r, let p): "\(p): region \(r) appears twice"
        }
    }
}

/// A layout that cannot be used, with every issue found.
public struct LayoutError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The issues, in document order.
    public let issues: [LayoutIssue]

    /// An error listing issues.
    public init(issues: [LayoutIssue]) { self.issues = issues }

    public var description: String { issues.map(\.description).joined(separator: "\n") }
}
