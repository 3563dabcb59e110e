/// Records of another object that point at the shown record, listed under it (Salesforce: a
/// related list), such as an account's opportunities.
public struct RelatedList: Hashable, Sendable, Codable {
    /// The related object (`Opportunity`).
    public var object: EntityType
    /// The related object's lookup field that holds the shown record's id (`AccountId`).
    public var field: String
    /// The columns, first one linking to the record.
    public var columns: [String]
    /// The heading per locale; empty for the related object's plural label.
    public var heading: LocalizedText
    /// At most this many rows (clamped into 1...50).
    public var limit: Int

    /// A related list.
    public init(_ object: EntityType, field: String, columns: [String], heading: LocalizedText = [:], limit: Int = 10) {
        self.object = object
        self.field = field
        self.columns = columns
        self.heading = heading
        self.limit = min(max(limit, 1), 50)
    }
}
