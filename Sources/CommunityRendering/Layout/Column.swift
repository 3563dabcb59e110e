/// A column of a row: a span on the grid and the components stacked in it.
public struct Column: Sendable, Hashable, Codable {
    /// The column's width per breakpoint.
    public var span: ColumnSpan
    /// Components, top to bottom.
    public var components: [ComponentInstance]

    /// Creates a column.
    public init(span: ColumnSpan = .full, components: [ComponentInstance] = []) {
        self.span = span
        self.components = components
    }

    /// Creates a column with the DSL.
    public init(span: ColumnSpan = .full, @LayoutBuilder _ content: () -> [ComponentInstance]) {
        self.init(span: span, components: content())
    }

    /// Creates a column of `desktop` columns with the DSL.
    public init(_ desktop: Int, @LayoutBuilder _ content: () -> [ComponentInstance]) {
        self.init(span: ColumnSpan(desktop: desktop), components: content())
    }
}
