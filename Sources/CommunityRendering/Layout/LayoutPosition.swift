/// Where a component sits, or is to go, in a page layout: a region, a row of it, a column of
/// that row and an index among the column's components.
public struct LayoutPosition: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The region's index in ``PageLayout/regions``.
    public var region: Int
    /// The row's index in the region.
    public var row: Int
    /// The column's index in the row.
    public var column: Int
    /// The index among the column's components; `nil` (or past the end) appends.
    public var index: Int?

    /// A position.
    public init(region: Int, row: Int, column: Int, index: Int? = nil) {
        self.region = region
        self.row = row
        self.column = column
        self.index = index
    }

    /// Parses `region.row.column` (as builder forms write it), with an optional `.index`.
    public init?(parsing text: String) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3 || parts.count == 4 else { return nil }
        var numbers: [Int] = []
        for part in parts {
            guard part.count <= 6, let number = Int(part), number >= 0 else { return nil }
            numbers.append(number)
        }
        self.init(region: numbers[0], row: numbers[1], column: numbers[2], index: numbers.count == 4 ? numbers[3] : nil)
    }

    /// `region.row.column`, the form the builder's forms use.
    public var columnKey: String { "\(region).\(row).\(column)" }

    public var description: String {
        "regions[\(region)].rows[\(row)].columns[\(column)]" + (index.map { ".components[\($0)]" } ?? "")
    }
}
