/// A named area of a page (`header`, `main`, `sidebar`, `footer`) holding rows.
public struct Region: Sendable, Hashable, Codable {
    /// The region's name.
    public var name: String
    /// Rows, top to bottom.
    public var rows: [Row]

    /// Creates a region.
    public init(name: String, rows: [Row]) {
        self.name = name
        self.rows = rows
    }

    /// Creates a region with the DSL.
    public init(_ name: String, @RowBuilder _ content: () -> [Row]) {
        self.init(name: name, rows: content())
    }
}
