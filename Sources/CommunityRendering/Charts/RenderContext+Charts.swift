extension RenderContext {
    /// A chart renderer in this page's theme and the viewer's locale.
    public var chartRenderer: ChartRenderer {
        ChartRenderer(theme: theme, formatter: presenter.formatter)
    }
}
