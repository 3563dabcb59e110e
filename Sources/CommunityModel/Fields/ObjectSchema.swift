/// The custom fields an object type declares, and the validation of their values.
///
/// Field lookup by name is a dictionary access, so sharing rules and audiences that
/// select records by field value stay cheap.
public struct ObjectSchema: Hashable, Sendable, Codable {
    /// The object these fields extend, such as `"Opportunity"`.
    public var object: EntityType
    /// The fields in declaration order.
    public private(set) var fields: [FieldDefinition]
    private var positions: [String: Int]

    /// Creates a schema, rejecting duplicate or malformed field names.
    public init(object: EntityType, fields: [FieldDefinition] = []) throws(ValidationError) {
        self.object = object
        self.fields = []
        self.positions = [:]
        for field in fields { try add(field) }
    }

    private enum CodingKeys: String, CodingKey { case object, fields }

    /// Decodes the object and its fields, checking them as ``add(_:)`` does (the lookup
    /// table is rebuilt, never trusted from the input).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let object = try container.decode(EntityType.self, forKey: .object)
        let fields = try container.decode([FieldDefinition].self, forKey: .fields)
        do {
            try self.init(object: object, fields: fields)
        } catch {
            throw DecodingError.dataCorruptedError(forKey: .fields, in: container, debugDescription: error.description)
        }
    }

    /// Encodes the object and its fields in declaration order.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(object, forKey: .object)
        try container.encode(fields, forKey: .fields)
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
