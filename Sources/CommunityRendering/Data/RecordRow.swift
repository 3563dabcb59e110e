public import CommunityModel

/// One record of a listing with only the requested fields the viewer may read.
public struct RecordRow: Sendable, Hashable {
    /// The record's id.
    public var id: String
    /// Readable requested fields that have a value.
    public var values: [String: FieldValue]
    /// Requested fields that field-level security hides from the viewer.
    public var hiddenFields: Set<String>

    /// A row.
    public init(id: String, values: [String: FieldValue], hiddenFields: Set<String>) {
        self.id = id
        self.values = values
        self.hiddenFields = hiddenFields
    }

    /// A readable field's value.
    public func value(of field: String) -> FieldValue? { values[field] }
}
