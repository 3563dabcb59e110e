/// A titled group of fields on a record page (Salesforce: a page layout section).
public struct RecordLayoutSection: Hashable, Sendable, Codable {
    /// The section's heading per locale.
    public var heading: LocalizedText
    /// One or two columns on wide screens (one on phones).
    public var columns: Int
    /// The fields, in order (left to right, then down).
    public var fields: [LayoutField]

    /// A section; `columns` is clamped into 1...2.
    public init(_ heading: LocalizedText, columns: Int = 2, fields: [LayoutField]) {
        self.heading = heading
        self.columns = min(max(columns, 1), 2)
        self.fields = fields
    }
}
