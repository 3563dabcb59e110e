/// The fields an object type declares: the custom fields whose values are validated, the
/// standard fields' labels and picklists, and the object's own labels.
///
/// Field lookup by name is a dictionary access, so sharing rules and audiences that
/// select records by field value stay cheap. Labels are per locale (``LocalizedText``):
/// pages show ``label(of:in:)`` and ``picklistLabel(_:field:in:)``, never an API name.
public struct ObjectSchema: Hashable, Sendable, Codable {
    /// The object these fields extend, such as `"Opportunity"`.
    public var object: EntityType
    /// The object's label per locale (`Opportunity` → `Verkaufschance`).
    public var labels: LocalizedText
    /// The object's plural label per locale (`Opportunities`).
    public var pluralLabels: LocalizedText
    /// The custom fields in declaration order; record values are validated against these.
    public private(set) var fields: [FieldDefinition]
    /// The standard fields the object's record type stores, for labels and picklist labels
    /// only (their values are checked by the record type itself).
    public private(set) var standardFields: [FieldDefinition]
    private var positions: [String: Int]
    private var standardPositions: [String: Int]

    /// Creates a schema, rejecting duplicate or malformed field names.
    public init(
        object: EntityType, fields: [FieldDefinition] = [], labels: LocalizedText = [:], pluralLabels: LocalizedText = [:],
        standardFields: [FieldDefinition] = []
    ) throws(ValidationError) {
        self.object = object
        self.labels = labels
        self.pluralLabels = pluralLabels
        self.fields = []
        self.standardFields = []
        self.positions = [:]
        self.standardPositions = [:]
        for field in standardFields { try addStandard(field) }
        for field in fields { try add(field) }
    }

    /// A built-in object's schema whose standard field names are literals of this module
    /// (checked by the tests); a later declaration of a name replaces an earlier one.
    init(builtIn object: EntityType, labels: LocalizedText, pluralLabels: LocalizedText, standardFields: [FieldDefinition]) {
        self.object = object
        self.labels = labels
        self.pluralLabels = pluralLabels
        self.fields = []
        self.standardFields = []
        self.positions = [:]
        self.standardPositions = [:]
        for field in standardFields {
            if let existing = standardPositions[field.name] {
                self.standardFields[existing] = field
            } else {
                standardPositions[field.name] = self.standardFields.count
                self.standardFields.append(field)
            }
        }
    }

    private enum CodingKeys: String, CodingKey { case object, fields, labels, pluralLabels, standardFields }

    /// Decodes the object and its fields, checking them as ``add(_:)`` does (the lookup
    /// table is rebuilt, never trusted from the input). Labels and standard fields may be absent.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let object = try container.decode(EntityType.self, forKey: .object)
        let fields = try container.decode([FieldDefinition].self, forKey: .fields)
        let standard = try container.decodeIfPresent([FieldDefinition].self, forKey: .standardFields) ?? []
        let labels = try container.decodeIfPresent(LocalizedText.self, forKey: .labels) ?? [:]
        let pluralLabels = try container.decodeIfPresent(LocalizedText.self, forKey: .pluralLabels) ?? [:]
        do {
            try self.init(
                object: object, fields: fields, labels: labels, pluralLabels: pluralLabels, standardFields: standard)
        } catch {
            throw DecodingError.dataCorruptedError(forKey: .fields, in: container, debugDescription: error.description)
        }
    }

    /// Encodes the object and its fields in declaration order.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(object, forKey: .object)
        try container.encode(fields, forKey: .fields)
        if !labels.isEmpty { try container.encode(labels, forKey: .labels) }
        if !pluralLabels.isEmpty { try container.encode(pluralLabels, forKey: .pluralLabels) }
        if !standardFields.isEmpty { try container.encode(standardFields, forKey: .standardFields) }
    }

    /// Declares a standard field's labels and type (not validated against record values).
    public mutating func addStandard(_ field: FieldDefinition) throws(ValidationError) {
        guard ID<Never>.isValid(field.name), !field.name.contains(":"), !field.name.contains(".") else {
            throw ValidationError(field: "\(object).\(field.name)", reason: .invalidIdentifier(field.name))
        }
        if let existing = standardPositions[field.name] {
            standardFields[existing] = field
        } else {
            standardPositions[field.name] = standardFields.count
            standardFields.append(field)
        }
    }

    /// The definition of a standard or custom field, if declared.
    public func definition(of name: String) -> FieldDefinition? {
        if let custom = positions[name] { return fields[custom] }
        return standardPositions[name].map { standardFields[$0] }
    }

    /// The object's label in `locale`, else a readable form of its API name.
    public func label(in locale: String) -> String {
        labels.text(for: locale) ?? LocalizedText.humanize(apiName: object.name)
    }

    /// The object's plural label in `locale`, else its singular label.
    public func pluralLabel(in locale: String) -> String {
        pluralLabels.text(for: locale) ?? label(in: locale)
    }

    /// A field's label in `locale`; a field the schema does not declare gets a readable form of
    /// its API name (`CloseDate` → `Close Date`), so an API name never reaches a page as it is.
    public func label(of field: String, in locale: String) -> String {
        definition(of: field)?.label(in: locale) ?? LocalizedText.humanize(apiName: field)
    }

    /// A picklist value's label in `locale` (see ``FieldDefinition/picklistLabel(_:in:)``).
    public func picklistLabel(_ value: String, field: String, in locale: String) -> String {
        if let definition = definition(of: field) { return definition.picklistLabel(value, in: locale) }
        return FieldDefinition(name: field, type: .picklist([value])).picklistLabel(value, in: locale)
    }

    /// Sets a field's label in one locale (standard or custom); a host adds a language this way.
    public mutating func setLabel(_ text: String, of field: String, locale: String) {
        if let i = positions[field] {
            fields[i].labels[locale] = text
        } else if let i = standardPositions[field] {
            standardFields[i].labels[locale] = text
        } else {
            var labels = LocalizedText()
            labels[locale] = text
            standardPositions[field] = standardFields.count
            standardFields.append(FieldDefinition(name: field, type: .text(maxLength: 255), labels: labels))
        }
    }

    /// Sets a picklist value's label in one locale.
    public mutating func setPicklistLabel(_ text: String, value: String, field: String, locale: String) {
        if positions[field] == nil, standardPositions[field] == nil { setLabel(LocalizedText.humanize(apiName: field), of: field, locale: "en") }
        if let i = positions[field] {
            fields[i].picklistLabels[value, default: [:]][locale] = text
        } else if let i = standardPositions[field] {
            standardFields[i].picklistLabels[value, default: [:]][locale] = text
        }
    }

    /// Adds a field.
    public mutating func add(_ field: FieldDefinition) throws(ValidationError) {
        guard ID<Never>.isValid(field.name), !field.name.contains(":"), !field.name.contains(".") else {
            throw ValidationError(field: "\(object).\(field.name)", reason: .invalidIdentifier(field.name))
        }
        guard positions[field.name] == nil else {
            throw ValidationError(field: "\(object).\(field.name)", reason: .invalidValue("declared twice"))
        }
        if case .text(let limit) = field.type, limit <= 0 {
            throw ValidationError(field: "\(object).\(field.name)", reason: .invalidValue("maxLength must be positive"))
        }
        if case .picklist(let values) = field.type, values.isEmpty || Set(values).count != values.count {
            throw ValidationError(
                field: "\(object).\(field.name)", reason: .invalidValue("a picklist needs distinct values"))
        }
        positions[field.name] = fields.count
        fields.append(field)
    }

    /// The definition of a field, if declared.
    public func field(named name: String) -> FieldDefinition? {
        positions[name].map { fields[$0] }
    }

    /// Validates custom field values: every key declared, every value of the declared type,
    /// every required field present, every reference resolvable.
    ///
    /// - Parameter referenceExists: answers whether a referenced record exists.
    /// - Throws: the first ``ValidationError`` found, in field declaration order.
    public func validate(
        _ values: [String: FieldValue],
        referenceExists: (EntityType, String) -> Bool = { _, _ in true }
    ) throws(ValidationError) {
        for key in values.keys.sorted() where positions[key] == nil {
            throw ValidationError(field: "\(object).\(key)", reason: .unknownField)
        }
        for field in fields {
            let name = "\(object).\(field.name)"
            guard let value = values[field.name] else {
                if field.isRequired { throw ValidationError(field: name, reason: .required) }
                continue
            }
            if field.isRequired, case .text(let s) = value, s.allSatisfy(\.isWhitespace) {
                throw ValidationError(field: name, reason: .required)
            }
            if let reason = field.type.check(value) { throw ValidationError(field: name, reason: reason) }
            if case .reference(let target) = field.type, case .reference(let id) = value,
               !referenceExists(target, id)
            {
                throw ValidationError(field: name, reason: .unknownReference(id))
            }
        }
    }
}
