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
