/// The canonical, Codable layout of a page: regions → rows → columns → component instances.
///
/// The ``LayoutBuilder`` DSL builds this same value; there is no second structure.
public struct PageLayout: Sendable, Hashable, Codable {
    /// The layout format this library writes.
    public static let currentSchemaVersion = 1

    /// The layout format version.
    public var schemaVersion: Int
    /// The page's regions, in document order.
    public var regions: [Region]

    /// Creates a layout.
    public init(schemaVersion: Int = PageLayout.currentSchemaVersion, regions: [Region]) {
        self.schemaVersion = schemaVersion
        self.regions = regions
    }

    /// Creates a layout with the DSL.
    public init(@RegionBuilder _ content: () -> [Region]) {
        self.init(regions: content())
    }

    /// An empty layout.
    public static let empty = PageLayout(regions: [])

    /// Every component with its path, in document order.
    public var placedComponents: [(path: String, instance: ComponentInstance)] {
        var out: [(String, ComponentInstance)] = []
        for (r, region) in regions.enumerated() {
            for (w, row) in region.rows.enumerated() {
                for (c, column) in row.columns.enumerated() {
                    for (i, instance) in column.components.enumerated() {
                        out.append(("regions[\(r)].rows[\(w)].columns[\(c)].components[\(i)]", instance))
                    }
                }
            }
        }
        return out
    }
}
