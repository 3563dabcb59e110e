/// The differences between two layouts, matched by component id.
public struct LayoutDiff: Sendable, Hashable {
    /// One difference.
    public enum Change: Sendable, Hashable, CustomStringConvertible {
        /// A component exists only in the new layout.
        case added(id: String, type: ComponentType, path: String)
        /// A component exists only in the old layout.
        case removed(id: String, type: ComponentType, path: String)
        /// A component moved to another place.
        case moved(id: String, from: String, to: String)
        /// A component's type changed.
        case retyped(id: String, from: ComponentType, to: ComponentType)
        /// Properties changed: the keys whose values differ.
        case propertiesChanged(id: String, keys: [String])
        /// The audience that sees the component changed.
        case audienceChanged(id: String, from: String?, to: String?)
        /// A column's span changed.
        case spanChanged(path: String, from: ColumnSpan, to: ColumnSpan)
        /// The structure (regions, rows or columns) changed at a path.
        case structureChanged(path: String, detail: String)

        public var description: String {
            switch self {
            case .added(let id, let t, let p): "+ \(id) (\(t)) at \(p)"
            case .removed(let id, let t, let p): "- \(id) (\(t)) from \(p)"
            case .moved(let id, let f, let t): "~ \(id) moved \(f) → \(t)"
            case .retyped(let id, let f, let t): "~ \(id) type \(f) → \(t)"
            case .propertiesChanged(let id, let keys): "~ \(id) properties \(keys.joined(separator: ", "))"
            case .audienceChanged(let id, let f, let t): "~ \(id) audience \(f ?? "everyone") → \(t ?? "everyone")"
            case .spanChanged(let p, let f, let t): "~ \(p) span \(f.desktop) → \(t.desktop)"
            case .structureChanged(let p, let d): "~ \(p) \(d)"
            }
        }
    }

    /// The changes: structure first, then removed, added, moved and changed components.
    public let changes: [Change]

    /// Whether the layouts are the same.
    public var isEmpty: Bool { changes.isEmpty }

    /// The differences from `old` to `new`.
    public init(from old: PageLayout, to new: PageLayout) {
        var changes: [Change] = []
        // Structure: regions, row counts, column counts and spans.
        let oldRegions = old.regions.map(\.name), newRegions = new.regions.map(\.name)
        if oldRegions != newRegions {
            changes.append(.structureChanged(path: "regions", detail: "\(oldRegions) → \(newRegions)"))
        }
        for (r, region) in new.regions.enumerated() {
            guard let oldRegion = old.regions.first(where: { $0.name == region.name }) else { continue }
            if oldRegion.rows.count != region.rows.count {
                changes.append(.structureChanged(path: "regions[\(r)]", detail: "rows \(oldRegion.rows.count) → \(region.rows.count)"))
            }
            for (w, row) in region.rows.enumerated() where w < oldRegion.rows.count {
                let oldRow = oldRegion.rows[w]
                if oldRow.columns.count != row.columns.count {
                    changes.append(.structureChanged(
                        path: "regions[\(r)].rows[\(w)]", detail: "columns \(oldRow.columns.count) → \(row.columns.count)"))
                }
                for (c, column) in row.columns.enumerated() where c < oldRow.columns.count && oldRow.columns[c].span != column.span {
                    changes.append(.spanChanged(path: "regions[\(r)].rows[\(w)].columns[\(c)]", from: oldRow.columns[c].span, to: column.span))
                }
            }
        }
        let before = Dictionary(old.placedComponents.map { ($0.instance.id, $0) }, uniquingKeysWith: { a, _ in a })
        let after = Dictionary(new.placedComponents.map { ($0.instance.id, $0) }, uniquingKeysWith: { a, _ in a })
        for placed in old.placedComponents where after[placed.instance.id] == nil {
            changes.append(.removed(id: placed.instance.id, type: placed.instance.type, path: placed.path))
        }
        for placed in new.placedComponents {
            let instance = placed.instance
            guard let previous = before[instance.id] else {
                changes.append(.added(id: instance.id, type: instance.type, path: placed.path))
                continue
            }
            if previous.path != placed.path {
                changes.append(.moved(id: instance.id, from: previous.path, to: placed.path))
            }
            if previous.instance.type != instance.type {
                changes.append(.retyped(id: instance.id, from: previous.instance.type, to: instance.type))
            }
            if previous.instance.properties != instance.properties {
                let a = previous.instance.properties.objectValue, b = instance.properties.objectValue
                let keys = Set(a.keys).union(b.keys).filter { a[$0] != b[$0] }.sorted()
                changes.append(.propertiesChanged(id: instance.id, keys: keys))
            }
            if previous.instance.audienceID != instance.audienceID {
                changes.append(.audienceChanged(id: instance.id, from: previous.instance.audienceID, to: instance.audienceID))
            }
        }
        self.changes = changes
    }
}
