/// A row of a region: columns side by side on the grid.
public struct Row: Sendable, Hashable, Codable {
    /// The columns, left to right.
    public var columns: [Column]

    /// Creates a row.
    public init(columns: [Column]) { self.columns = columns }

    /// Creates a row with the DSL.
    public init(@ColumnBuilder _ content: () -> [Column]) { self.columns = content() }
}
