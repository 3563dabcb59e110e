/// Builds the columns of a row.
@resultBuilder
public enum ColumnBuilder {
    /// A single column.
    public static func buildExpression(_ column: Column) -> [Column] { [column] }
    /// Concatenation.
    public static func buildBlock(_ parts: [Column]...) -> [Column] { parts.flatMap { $0 } }
    /// `if` without `else`.
    public static func buildOptional(_ part: [Column]?) -> [Column] { part ?? [] }
    /// `if` branch.
    public static func buildEither(first part: [Column]) -> [Column] { part }
    /// `else` branch.
    public static func buildEither(second part: [Column]) -> [Column] { part }
    /// `for` loops.
    public static func buildArray(_ parts: [[Column]]) -> [Column] { parts.flatMap { $0 } }
}
