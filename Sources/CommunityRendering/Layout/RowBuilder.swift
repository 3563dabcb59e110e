/// Builds the rows of a region.
@resultBuilder
public enum RowBuilder {
    /// A single row.
    public static func buildExpression(_ row: Row) -> [Row] { [row] }
    /// Concatenation.
    public static func buildBlock(_ parts: [Row]...) -> [Row] { parts.flatMap { $0 } }
    /// `if` without `else`.
    public static func buildOptional(_ part: [Row]?) -> [Row] { part ?? [] }
    /// `if` branch.
    public static func buildEither(first part: [Row]) -> [Row] { part }
    /// `else` branch.
    public static func buildEither(second part: [Row]) -> [Row] { part }
    /// `for` loops.
    public static func buildArray(_ parts: [[Row]]) -> [Row] { parts.flatMap { $0 } }
}
