/// `community.searchBox`: a labelled search field that GETs the search page.
public struct SearchBoxComponent: SiteComponent {
    /// Properties.
    public struct Properties: Codable, Sendable {
        /// The page that shows results.
        public var resultsPage: String
        /// Placeholder text.
        public var placeholder: String
    }

    public static let type: ComponentType = "community.searchBox"
    public static let propertySchema = PropertySchema([
        .init("resultsPage", .string, default: "search", length: 1...64, pattern: .identifier, summary: "Id of the results page"),
        .init("placeholder", .string, default: "", length: 0...200, summary: "Placeholder"),
    ])

    let properties: Properties
    public init(properties: Properties) { self.properties = properties }

    public func render(in context: RenderContext) throws -> HTMLNode {
        let action = context.url(page: properties.resultsPage) ?? SafeURL.path(["search"], prefix: context.site.urlPrefix)
        let label = context.text("search.label")
        return .el("form", [.class("ck-search"), HTMLAttribute("role", "search"), HTMLAttribute("method", "get"), HTMLAttribute("action", url: action)], [
            .el("label", [HTMLAttribute("for", "ck-q")], text: label),
            .el("input", [HTMLAttribute("id", "ck-q"), HTMLAttribute("type", "search"), HTMLAttribute("name", "q"),
                          HTMLAttribute("value", context.query["q"] ?? ""), HTMLAttribute("placeholder", context.localized(properties.placeholder))]),
            .el("button", [.class("ck-button"), HTMLAttribute("type", "submit")], text: context.text("search.submit")),
        ])
    }
}
