/// A record type that keeps its fields in one shared, immutable allocation.
///
/// A copy of such a record is one reference, so the store's row, the change feed, the
/// access engine's record table and a caller's variable share the same fields; changing a
/// field of one copy builds a new allocation and leaves the other copies as they were.
/// Fields read and write as properties of the record (`record.status`), through dynamic
/// member lookup, and the record encodes as the flat object of its ``Fields``.
@dynamicMemberLookup
public protocol SharedFieldsRecord: Record, Hashable {
    /// The stored fields.
    associatedtype Fields: RecordFieldValues
    /// All fields at once; copies of the record share them until one copy changes.
    var fields: Fields { get set }
    /// A record holding `fields`.
    init(fields: Fields)
}

extension SharedFieldsRecord {
    /// A field of ``Fields``, read or written as a property of the record.
    public subscript<T>(dynamicMember field: WritableKeyPath<Fields, T>) -> T {
        get { fields[keyPath: field] }
        set { fields[keyPath: field] = newValue }
    }

    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.fields == rhs.fields }

    public func hash(into hasher: inout Hasher) { fields.hash(into: &hasher) }

    /// Decodes the record from its fields (the same shape as ``Fields``).
    public init(from decoder: any Decoder) throws { self.init(fields: try Fields(from: decoder)) }

    public func encode(to encoder: any Encoder) throws { try fields.encode(to: encoder) }

    public var owner: Owner {
        get { fields.owner }
        set { fields.owner = newValue }
    }

    public var customFields: [String: FieldValue] {
        get { fields.customFields.dictionary }
        set { fields.customFields = CustomFieldValues(newValue) }
    }
}

/// What every record's stored ``SharedFieldsRecord/Fields`` hold: an owner and custom values.
public protocol RecordFieldValues: Hashable, Sendable, Codable {
    /// The owner: a user or a queue.
    var owner: Owner { get set }
    /// Custom field values by API name.
    var customFields: CustomFieldValues { get set }
}
