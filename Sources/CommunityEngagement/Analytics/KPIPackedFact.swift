/// A fact with its site and key interned by one ``KPIAggregates``: applying it again, or
/// taking it away, hashes no string. Only meaningful for the aggregates that packed it.
public struct KPIPackedFact: Hashable, Sendable {
    /// The cell.
    let cell: KPICell
    /// The amount for a counter; 1 for a sample (its value is in the cell).
    let value: Int64
    /// Whether the cell is a sample's.
    let isSample: Bool
}
