/// The record page layouts of every object, which profile sees which, and each object's
/// compact layout.
///
/// ```swift
/// var layouts = RecordLayoutCatalog.standard
/// try layouts.add(partnerLeadLayout, assignedTo: ["partner"])     // partners see this one
/// layouts.layout(for: "Lead", profile: "channel")                 // others: the object's default
/// ```
public struct RecordLayoutCatalog: Hashable, Sendable, Codable {
    /// Layouts by object, then by name.
    public private(set) var layouts: [EntityType: [String: RecordLayout]] = [:]
    /// The layout name each profile sees, by object.
    public private(set) var assignments: [EntityType: [ID<Profile>: String]] = [:]
    /// The layout name profiles without an assignment see, by object.
    public private(set) var defaults: [EntityType: String] = [:]
    /// Compact layouts by object.
    public private(set) var compactLayouts: [EntityType: CompactLayout] = [:]

    /// An empty catalog: every object gets a generated layout and a compact layout titled by `Name`.
    public init() {}

    /// Adds (or replaces) a layout, assigns it to `profiles`, and makes it the object's default
    /// when `isDefault` or when the object has none yet.
    ///
    /// - Throws: ``ValidationError`` naming the layout when ``RecordLayout/issues`` is not empty.
    public mutating func add(_ layout: RecordLayout, assignedTo profiles: [ID<Profile>] = [], isDefault: Bool = false) throws(ValidationError) {
        if let issue = layout.issues.first {
            throw ValidationError(field: "\(layout.object).layout(\(layout.name.prefix(80)))", reason: .invalidValue(issue))
        }
        layouts[layout.object, default: [:]][layout.name] = layout
        for profile in profiles { assignments[layout.object, default: [:]][profile] = layout.name }
        if isDefault || defaults[layout.object] == nil { defaults[layout.object] = layout.name }
    }

    /// Sets an object's compact layout.
    public mutating func setCompactLayout(_ layout: CompactLayout) {
        compactLayouts[layout.object] = layout
    }

    /// The layout a profile sees for an object: its assignment, else the object's default, else
    /// one generated from `fallbackFields` (usually the schema's fields).
    public func layout(for object: EntityType, profile: ID<Profile>?, fallbackFields: [String] = []) -> RecordLayout {
        let byName = layouts[object] ?? [:]
        if let profile, let name = assignments[object]?[profile], let layout = byName[name] { return layout }
        if let name = defaults[object], let layout = byName[name] { return layout }
        return .generated(for: object, fields: fallbackFields)
    }

    /// An object's compact layout; titled by `Name` when none is set.
    public func compactLayout(for object: EntityType) -> CompactLayout {
        compactLayouts[object] ?? CompactLayout(object: object, title: ["Name"])
    }
}
