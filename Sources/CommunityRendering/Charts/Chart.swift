/// A chart's data and how to draw it, rendered by ``ChartRenderer`` into a sized, responsive
/// SVG with an accessible name and the same data as a table.
public struct Chart: Sendable, Hashable {
    /// How the data is drawn.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// Horizontal bars, one per category (the first series).
        case bar
        /// Horizontal bars split by series.
        case stackedBar
        /// Lines across the categories, one per series.
        case line
        /// A ring divided by category (the first series; negative values count as zero).
        case donut
        /// One big number: the first value of the first series.
        case metric
        /// The first value of the first series on a half ring from zero to ``Chart/maximum``.
        case gauge
    }

    /// How values read on axes, labels and in the table.
    public enum ValueFormat: Sendable, Hashable {
        /// Plain numbers in the locale's format.
        case number
        /// Amounts in an ISO 4217 currency (`nil`: the formatter's default currency).
        case currency(code: String?)
        /// Fractions shown as percentages.
        case percent
    }

    /// One named row of values, one value per category.
    public struct Series: Sendable, Hashable {
        /// The series' name, for the legend and the table's header.
        public var name: String
        /// The values by category; a missing value counts as zero, NaN and infinite values as zero
        /// (shown as `—` in the table).
        public var values: [Double]

        /// A series.
        public init(name: String, values: [Double]) {
            self.name = name
            self.values = values
        }
    }

    /// A page-unique id for the chart's title and description elements (letters, digits and `-`).
    public var id: String
    /// The kind.
    public var kind: Kind
    /// The accessible name and table caption.
    public var title: String
    /// A sentence describing the chart for screen readers; empty for none.
    public var summary: String
    /// The categories' labels (stages, months).
    public var categories: [String]
    /// The header of the table's category column (`Stage`).
    public var categoryLabel: String
    /// The series.
    public var series: [Series]
    /// How values read.
    public var format: ValueFormat
    /// A gauge's full scale (its target); `nil` or not positive uses the value itself.
    public var maximum: Double?

    /// A chart.
    public init(
        id: String, kind: Kind, title: String, summary: String = "", categories: [String], categoryLabel: String = "",
        series: [Series], format: ValueFormat = .number, maximum: Double? = nil
    ) {
        self.maximum = maximum
        self.id = id
        self.kind = kind
        self.title = title
        self.summary = summary
        self.categories = categories
        self.categoryLabel = categoryLabel
        self.series = series
        self.format = format
    }
}
