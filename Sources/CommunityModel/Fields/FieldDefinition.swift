/// One field of an object: its API name, labels, type and whether it is required.
///
/// Custom fields are validated against their definition; standard fields are declared too
/// (in ``ObjectSchema/standardFields``) so that pages can show their labels and picklist labels.
public struct FieldDefinition: Hashable, Sendable, Codable {
    /// The API name, such as `Budget__c`.
    public var name: String
    /// The label shown to people, in the default language (English).
    public var label: String
    /// The declared type.
    public var type: FieldType
    /// Whether a record must have a value.
    public var isRequired: Bool
    /// The label per locale; ``label`` answers for a locale without one.
    public var labels: LocalizedText
    /// Labels of picklist values per locale, by stored value (`"closed won"` → `Closed Won`).
    public var picklistLabels: [String: LocalizedText]

    /// Creates a field definition.
    public init(
        name: String, label: String? = nil, type: FieldType, isRequired: Bool = false, labels: LocalizedText = [:],
        picklistLabels: [String: LocalizedText] = [:]
    ) {
        self.name = name
        self.label = label ?? labels["en"] ?? LocalizedText.humanize(apiName: name)
        self.type = type
        self.isRequired = isRequired
        self.labels = labels
        self.picklistLabels = picklistLabels
    }

    /// The label in `locale`: the localized label, else ``label``.
    public func label(in locale: String) -> String {
        labels.text(for: locale) ?? label
    }

    /// The label of a picklist value in `locale`: the declared label, else the value itself with
    /// its first letter capitalized (`high` → `High`).
    public func picklistLabel(_ value: String, in locale: String) -> String {
        if let text = picklistLabels[value]?.text(for: locale) { return text }
        guard let first = value.first, first.isLowercase else { return value }
        return first.uppercased() + value.dropFirst()
    }

    private enum CodingKeys: String, CodingKey { case name, label, type, isRequired, labels, picklistLabels }

    /// Decodes a definition; `labels` and `picklistLabels` may be absent (older exports).
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let name = try c.decode(String.self, forKey: .name)
        self.init(
            name: name, label: try c.decodeIfPresent(String.self, forKey: .label), type: try c.decode(FieldType.self, forKey: .type),
            isRequired: try c.decodeIfPresent(Bool.self, forKey: .isRequired) ?? false,
            labels: try c.decodeIfPresent(LocalizedText.self, forKey: .labels) ?? [:],
            picklistLabels: try c.decodeIfPresent([String: LocalizedText].self, forKey: .picklistLabels) ?? [:])
    }

    /// Encodes every property.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(label, forKey: .label)
        try c.encode(type, forKey: .type)
        try c.encode(isRequired, forKey: .isRequired)
        if !labels.isEmpty { try c.encode(labels, forKey: .labels) }
        if !picklistLabels.isEmpty { try c.encode(picklistLabels, forKey: .picklistLabels) }
    }
}
