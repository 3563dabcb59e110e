import Foundation

extension PageLayout {
    /// Where the component with `id` is, if it is in the layout.
    public func position(of id: String) -> LayoutPosition? {
        for (r, region) in regions.enumerated() {
            for (w, row) in region.rows.enumerated() {
                for (c, column) in row.columns.enumerated() {
                    if let i = column.components.firstIndex(where: { $0.id == id }) {
                        return LayoutPosition(region: r, row: w, column: c, index: i)
                    }
                }
            }
        }
        return nil
    }

    /// The component with `id`, if it is in the layout.
    public func component(_ id: String) -> ComponentInstance? {
        guard let at = position(of: id), let index = at.index else { return nil }
        return regions[at.region].rows[at.row].columns[at.column].components[index]
    }

    /// Every column's position (index `nil`), in document order.
    public var columnPositions: [LayoutPosition] {
        regions.enumerated().flatMap { r, region in
            region.rows.enumerated().flatMap { w, row in
                row.columns.indices.map { LayoutPosition(region: r, row: w, column: $0) }
            }
        }
    }

    /// Inserts a component at a position (appending when its index is `nil` or past the end).
    ///
    /// - Throws: ``LayoutEditError/duplicateComponent(_:)`` or ``LayoutEditError/noSuchPosition(_:)``.
    public mutating func insert(_ instance: ComponentInstance, at position: LayoutPosition) throws(LayoutEditError) {
        guard self.position(of: instance.id) == nil else { throw .duplicateComponent(instance.id) }
        guard hasColumn(at: position) else { throw .noSuchPosition(position) }
        var components = regions[position.region].rows[position.row].columns[position.column].components
        let index = min(max(position.index ?? components.count, 0), components.count)
        components.insert(instance, at: index)
        regions[position.region].rows[position.row].columns[position.column].components = components
    }

    /// Removes the component with `id` and returns it.
    ///
    /// - Throws: ``LayoutEditError/unknownComponent(_:)``.
    @discardableResult
    public mutating func removeComponent(_ id: String) throws(LayoutEditError) -> ComponentInstance {
        guard let at = position(of: id), let index = at.index else { throw .unknownComponent(id) }
        return regions[at.region].rows[at.row].columns[at.column].components.remove(at: index)
    }

    /// Moves the component with `id` to another position (in the same or another region, row or
    /// column); the index counts among the target column's components after the move.
    ///
    /// - Throws: ``LayoutEditError/unknownComponent(_:)`` or ``LayoutEditError/noSuchPosition(_:)``;
    ///   the layout is unchanged then.
    public mutating func moveComponent(_ id: String, to position: LayoutPosition) throws(LayoutEditError) {
        guard hasColumn(at: position) else { throw .noSuchPosition(position) }
        var next = self
        let instance = try next.removeComponent(id)
        try next.insert(instance, at: position)
        self = next
    }

    /// Replaces the properties of the component with `id`.
    ///
    /// - Throws: ``LayoutEditError/unknownComponent(_:)``.
    public mutating func setProperties(_ properties: JSONValue, of id: String) throws(LayoutEditError) {
        guard let at = position(of: id), let index = at.index else { throw .unknownComponent(id) }
        regions[at.region].rows[at.row].columns[at.column].components[index].properties = properties
    }

    /// Appends a row of empty columns, with the desktop spans given as `"8,4"`, to a region.
    ///
    /// - Throws: ``LayoutEditError/noSuchRegion(_:)`` or ``LayoutEditError/invalidColumns(_:)``.
    public mutating func appendRow(columns spans: String, toRegion region: Int) throws(LayoutEditError) {
        guard regions.indices.contains(region) else { throw .noSuchRegion(region) }
        let parts = spans.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        var columns: [Column] = []
        var total = 0
        for part in parts {
            guard part.count <= 2, let span = Int(part), (1...12).contains(span) else { throw .invalidColumns(spans) }
            total += span
            columns.append(Column(span: ColumnSpan(desktop: span)))
        }
        guard !columns.isEmpty, total <= 12 else { throw .invalidColumns(spans) }
        regions[region].rows.append(Row(columns: columns))
    }

    /// Appends an empty region named `name` (letters, digits and `-`, unique in the layout).
    ///
    /// - Throws: ``LayoutEditError/invalidRegionName(_:)``.
    public mutating func appendRegion(named name: String) throws(LayoutEditError) {
        let valid = !name.isEmpty && name.count <= 40
            && name.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-") }
        guard valid, !regions.contains(where: { $0.name == name }) else { throw .invalidRegionName(name) }
        regions.append(Region(name: name, rows: [Row(columns: [Column()])]))
    }

    /// Removes a row whose columns hold no components.
    ///
    /// - Throws: ``LayoutEditError/noSuchPosition(_:)`` when there is no such row or it still holds components.
    public mutating func removeEmptyRow(region: Int, row: Int) throws(LayoutEditError) {
        let position = LayoutPosition(region: region, row: row, column: 0)
        guard regions.indices.contains(region), regions[region].rows.indices.contains(row),
              regions[region].rows[row].columns.allSatisfy(\.components.isEmpty) else { throw .noSuchPosition(position) }
        regions[region].rows.remove(at: row)
    }

    private func hasColumn(at position: LayoutPosition) -> Bool {
        regions.indices.contains(position.region) && regions[position.region].rows.indices.contains(position.row)
            && regions[position.region].rows[position.row].columns.indices.contains(position.column)
    }
}
