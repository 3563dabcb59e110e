/// One custom field of an object: its API name, label, type and whether it is required.
public struct FieldDefinition: Hashable, Sendable, Codable {
    /// The API name, such as `Budget__c`.
    public var name: String
    /// The label shown to people.
    public var label: String
    /// The declared type.
    public var type: FieldType
    /// Whether a record must have a value.
    public var isRequired: Bool

    /// Creates a field definition.
    public init(name: String, label: String? = nil, type: FieldType, isRequired: Bool = false) {
        self.name = name
        self.label = label ?? name
        self.type = type
        self.isRequired = isRequired
    }
}
