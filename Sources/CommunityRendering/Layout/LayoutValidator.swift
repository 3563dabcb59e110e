/// Checks a layout against a registry and reports every problem at once.
public struct LayoutValidator: Sendable {
    /// How deeply component properties may nest.
    public static let maximumPropertyDepth = 8

    /// The component types known.
    public let registry: ComponentRegistry
    /// Audience ids components may refer to; `nil` skips the check.
    public let audienceIDs: Set<String>?

    /// A validator.
    public init(registry: ComponentRegistry, audienceIDs: Set<String>? = nil) {
        self.registry = registry
        self.audienceIDs = audienceIDs
    }

    /// Every problem in `layout`, in document order; empty when the layout is valid.
    public func validate(_ layout: PageLayout) -> [LayoutIssue] {
        var issues: [LayoutIssue] = []
        if layout.schemaVersion < 1 || layout.schemaVersion > PageLayout.currentSchemaVersion {
            issues.append(.unsupportedSchemaVersion(layout.schemaVersion, path: "schemaVersion"))
        }
        var seenIDs: [String: String] = [:]
        var seenRegions: Set<String> = []
        for (r, region) in layout.regions.enumerated() {
            let regionPath = "regions[\(r)]"
            if !seenRegions.insert(region.name).inserted {
                issues.append(.duplicateRegion(region.name, path: regionPath))
            }
            for (w, row) in region.rows.enumerated() {
                let rowPath = "\(regionPath).rows[\(w)]"
                for breakpoint in [ColumnSpan.Breakpoint.tablet, .desktop] {
                    let total = row.columns.reduce(0) { sum, column in
                        let (next, overflow) = sum.addingReportingOverflow(column.span[breakpoint])
                        return overflow ? (next < 0 ? Int.max : Int.min) : next
                    }
                    if total > 12 { issues.append(.rowOverflow(breakpoint, total: total, path: rowPath)) }
                }
                for (c, column) in row.columns.enumerated() {
                    let columnPath = "\(rowPath).columns[\(c)]"
                    for breakpoint in ColumnSpan.Breakpoint.allCases where !(1...12).contains(column.span[breakpoint]) {
                        issues.append(.invalidSpan(breakpoint, span: column.span[breakpoint], path: columnPath))
                    }
                    for (i, instance) in column.components.enumerated() {
                        let path = "\(columnPath).components[\(i)]"
                        issues += validate(instance, path: path, seenIDs: &seenIDs)
                    }
                }
            }
        }
        return issues
    }

    /// Validates, then throws every issue found.
    public func check(_ layout: PageLayout) throws(LayoutError) {
        let issues = validate(layout)
        if !issues.isEmpty { throw LayoutError(issues: issues) }
    }

    private func validate(_ instance: ComponentInstance, path: String, seenIDs: inout [String: String]) -> [LayoutIssue] {
        var issues: [LayoutIssue] = []
        if instance.id.isEmpty || instance.id.count > 64
            || !instance.id.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "_") })
        {
            issues.append(.invalidComponentID(instance.id, path: path))
        } else if let first = seenIDs[instance.id] {
            issues.append(.duplicateComponentID(instance.id, path: path, firstPath: first))
        } else {
            seenIDs[instance.id] = path
        }
        if let audience = instance.audienceID, let known = audienceIDs, !known.contains(audience) {
            issues.append(.unknownAudience(audience, path: path))
        }
        let depth = instance.properties.depth
        if depth > Self.maximumPropertyDepth {
            issues.append(.tooDeep(depth: depth, limit: Self.maximumPropertyDepth, path: path + ".properties"))
            return issues
        }
        guard let entry = registry.entry(for: instance.type) else {
            issues.append(.unknownComponentType(instance.type, path: path))
            return issues
        }
        let propertyIssues = entry.schema.issues(in: instance.properties, path: path + ".properties", component: instance)
        issues += propertyIssues
        if propertyIssues.isEmpty {
            do {
                _ = try registry.compile(instance, path: path)
            } catch {
                issues += error.issues
            }
        }
        return issues
    }
}
