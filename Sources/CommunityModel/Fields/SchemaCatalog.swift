/// Every object's ``ObjectSchema``, for labels: what pages call objects, fields and picklist
/// values in the viewer's locale.
///
/// ``standard`` holds the built-in objects in English, German and Korean. A host merges its
/// own schemas (custom fields, custom objects, more languages) with ``merge(_:)``; the
/// community serves the result to every component.
///
/// ```swift
/// var catalog = SchemaCatalog.standard
/// try catalog.merge(ObjectSchema(object: "Lead", fields: [
///     FieldDefinition(name: "Score__c", type: .number(), labels: ["en": "Score", "de": "Bewertung", "ko": "점수"])]))
/// catalog.fieldLabel("StageName", of: "Opportunity", locale: "de_DE")   // "Phase"
/// ```
public struct SchemaCatalog: Hashable, Sendable, Codable {
    /// The schemas by object.
    public private(set) var schemas: [EntityType: ObjectSchema]

    /// A catalog of these schemas (a later schema for the same object is merged into the earlier).
    public init(_ schemas: [ObjectSchema] = []) {
        self.schemas = [:]
        for schema in schemas { try? merge(schema) }
    }

    /// The built-in objects' labels in English, German and Korean.
    public static let standard = SchemaCatalog(ObjectSchema.standard)

    /// The schema of an object, if any.
    public func schema(for object: EntityType) -> ObjectSchema? { schemas[object] }

    /// Adds a schema, or merges it into the object's existing one: its labels win, its standard
    /// fields replace the existing declarations of the same name, and its custom fields are added
    /// (a custom field declared again replaces the earlier declaration).
    ///
    /// - Throws: ``ValidationError`` for a malformed field name.
    public mutating func merge(_ schema: ObjectSchema) throws(ValidationError) {
        guard let existing = schemas[schema.object] else {
            schemas[schema.object] = schema
            return
        }
        var custom = existing.fields.filter { schema.field(named: $0.name) == nil }
        custom += schema.fields
        var standard = existing.standardFields
        for field in schema.standardFields {
            if let i = standard.firstIndex(where: { $0.name == field.name }) { standard[i] = field } else { standard.append(field) }
        }
        schemas[schema.object] = try ObjectSchema(
            object: schema.object, fields: custom, labels: existing.labels.merging(schema.labels),
            pluralLabels: existing.pluralLabels.merging(schema.pluralLabels), standardFields: standard)
    }

    /// Sets a field's label in one locale, declaring the object if needed.
    public mutating func setLabel(_ text: String, of field: String, object: EntityType, locale: String) {
        var schema = schemas[object] ?? ObjectSchema(builtIn: object, labels: [:], pluralLabels: [:], standardFields: [])
        schema.setLabel(text, of: field, locale: locale)
        schemas[object] = schema
    }

    /// Sets a picklist value's label in one locale, declaring the object and field if needed.
    public mutating func setPicklistLabel(_ text: String, value: String, field: String, object: EntityType, locale: String) {
        var schema = schemas[object] ?? ObjectSchema(builtIn: object, labels: [:], pluralLabels: [:], standardFields: [])
        schema.setPicklistLabel(text, value: value, field: field, locale: locale)
        schemas[object] = schema
    }

    /// The definition of a field of an object, if declared.
    public func definition(of field: String, object: EntityType) -> FieldDefinition? {
        schemas[object]?.definition(of: field)
    }

    /// An object's label (`Opportunity` → `Verkaufschance` in German); a readable form of the
    /// API name when no schema declares one.
    public func objectLabel(_ object: EntityType, locale: String, plural: Bool = false) -> String {
        guard let schema = schemas[object] else { return LocalizedText.humanize(apiName: object.name) }
        return plural ? schema.pluralLabel(in: locale) : schema.label(in: locale)
    }

    /// A field's label (`StageName` → `Stage`, `Phase`, `단계`); never the bare API name.
    public func fieldLabel(_ field: String, of object: EntityType, locale: String) -> String {
        schemas[object]?.label(of: field, in: locale) ?? LocalizedText.humanize(apiName: field)
    }

    /// A picklist value's label (`high` → `High`, `Hoch`, `높음`).
    public func picklistLabel(_ value: String, field: String, of object: EntityType, locale: String) -> String {
        if let schema = schemas[object] { return schema.picklistLabel(value, field: field, in: locale) }
        return FieldDefinition(name: field, type: .picklist([value])).picklistLabel(value, in: locale)
    }

    /// A picklist's values with their labels in declaration order (for a form's `select`);
    /// empty when the field is not a declared picklist.
    public func picklistOptions(_ field: String, of object: EntityType, locale: String) -> [(value: String, label: String)] {
        guard let definition = definition(of: field, object: object), case .picklist(let values) = definition.type else { return [] }
        return values.map { ($0, definition.picklistLabel($0, in: locale)) }
    }
}
