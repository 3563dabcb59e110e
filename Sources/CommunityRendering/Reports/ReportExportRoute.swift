/// The CSV export of a report: `<prefix>/_reports/export.csv` with the builder's parameters
/// (``ReportBuilderQuery``) or `report=<saved report id>`, answered by `Community.handle` as the
/// signed-in viewer.
public enum ReportExportRoute {
    /// The path segment under a site's prefix.
    public static let segment = "_reports"
    /// The file name of the export.
    public static let fileName = "export.csv"

    /// The export's path for a site (without the query).
    public static func path(prefix: String) -> String { prefix + "/" + segment + "/" + fileName }

    /// A link to the export of a saved report or of builder parameters.
    public static func url(prefix: String, parameters: [String: String]) -> SafeURL? {
        let query = ReportBuilderQuery.queryString(parameters)
        return SafeURL(path(prefix: prefix) + (query.isEmpty ? "" : "?" + query))
    }
}
