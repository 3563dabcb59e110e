/// One field placed on a ``RecordLayout`` section.
public struct LayoutField: Hashable, Sendable, Codable, ExpressibleByStringLiteral {
    /// The field's API name (`StageName`, `Budget__c`).
    public var name: String
    /// Whether the layout shows the field read-only even to users whose field-level security
    /// lets them edit it.
    public var isReadOnly: Bool

    /// A field on a layout.
    public init(_ name: String, readOnly: Bool = false) {
        self.name = name
        self.isReadOnly = readOnly
    }

    /// An editable field by name.
    public init(stringLiteral value: String) { self.init(value) }
}
