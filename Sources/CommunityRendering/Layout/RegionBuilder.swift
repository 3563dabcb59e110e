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
