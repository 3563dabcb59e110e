/// A page layout with every component's properties decoded once, ready to render.
struct CompiledLayout: Sendable {
    struct Component: Sendable {
        let id: String
        let type: ComponentType
        let audienceID: String?
        let render: @Sendable (RenderContext) throws -> HTMLNode
    }

    struct CompiledColumn: Sendable {
        let classes: String
        let components: [Component]
    }

    struct CompiledRegion: Sendable {
        let name: String
        let rows: [[CompiledColumn]]
    }

    let regions: [CompiledRegion]

    init(_ layout: PageLayout, registry: ComponentRegistry) throws(LayoutError) {
        var issues: [LayoutIssue] = []
        var regions: [CompiledRegion] = []
        for (r, region) in layout.regions.enumerated() {
            var rows: [[CompiledColumn]] = []
            for (w, row) in region.rows.enumerated() {
                var columns: [CompiledColumn] = []
                for (c, column) in row.columns.enumerated() {
                    var components: [Component] = []
                    for (i, instance) in column.components.enumerated() {
                        let path = "regions[\(r)].rows[\(w)].columns[\(c)].components[\(i)]"
                        do {
                            let render = try registry.compile(instance, path: path)
                            components.append(Component(id: instance.id, type: instance.type, audienceID: instance.audienceID, render: render))
                        } catch {
                            issues += error.issues
                        }
                    }
                    let span = column.span
                    columns.append(CompiledColumn(
                        classes: "ck-phone-\(span.phone) ck-tablet-\(span.tablet) ck-desktop-\(span.desktop)",
                        components: components))
                }
                rows.append(columns)
            }
            regions.append(CompiledRegion(name: region.name, rows: rows))
        }
        if !issues.isEmpty { throw LayoutError(issues: issues) }
        self.regions = regions
    }
}
