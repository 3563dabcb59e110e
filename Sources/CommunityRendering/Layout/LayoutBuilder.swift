/// Builds the component list of a column; supports `if`, `if/else` and `for`.
@resultBuilder
public enum LayoutBuilder {
    /// A single instance.
    public static func buildExpression(_ instance: ComponentInstance) -> [ComponentInstance] { [instance] }
    /// Several instances.
    public static func buildExpression(_ instances: [ComponentInstance]) -> [ComponentInstance] { instances }
    /// Concatenation.
    public static func buildBlock(_ parts: [ComponentInstance]...) -> [ComponentInstance] { parts.flatMap { $0 } }
    /// `if` without `else`.
    public static func buildOptional(_ part: [ComponentInstance]?) -> [ComponentInstance] { part ?? [] }
    /// `if` branch.
    public static func buildEither(first part: [ComponentInstance]) -> [ComponentInstance] { part }
    /// `else` branch.
    public static func buildEither(second part: [ComponentInstance]) -> [ComponentInstance] { part }
    /// `for` loops.
    public static func buildArray(_ parts: [[ComponentInstance]]) -> [ComponentInstance] { parts.flatMap { $0 } }
}

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

/// Builds the regions of a page.
@resultBuilder
public enum RegionBuilder {
    /// A single region.
    public static func buildExpression(_ region: Region) -> [Region] { [region] }
    /// Concatenation.
    public static func buildBlock(_ parts: [Region]...) -> [Region] { parts.flatMap { $0 } }
    /// `if` without `else`.
    public static func buildOptional(_ part: [Region]?) -> [Region] { part ?? [] }
    /// `if` branch.
    public static func buildEither(first part: [Region]) -> [Region] { part }
    /// `else` branch.
    public static func buildEither(second part: [Region]) -> [Region] { part }
    /// `for` loops.
    public static func buildArray(_ parts: [[Region]]) -> [Region] { parts.flatMap { $0 } }
}
