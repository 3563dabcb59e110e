import CommunityModel
import CommunityAccess

/// `community.recordList`: records of any object the viewer may read, as a table with the
/// fields' labels as column headers and values formatted for the viewer's locale. Columns
/// that field-level security hides from the viewer are left out.
public struct RecordListComponent: SiteComponent {
    /// Properties.
    public struct Properties: Codable, Sendable {
        /// The object (`Case`, `Lead`, `Opportunity`, `Account`, or a custom one).
        public var object: String
        /// The fields to show, standard or custom (`Priority`, `Budget__c`).
        public var fields: [String]
        /// The heading; empty for the object's plural label.
        public var title: String
        /// How many rows.
        public var limit: Int
        /// Only records whose field equals ``filterValue``.
        public var filterField: String?
        /// The value for ``filterField``.
        public var filterValue: String?
    }

    public static let type: ComponentType = "community.recordList"
    public static let propertySchema = PropertySchema([
        .init("object", .string, required: true, length: 1...80, pattern: .apiName, summary: "Object API name"),
        .init("fields", .array, default: ["Name"], length: 1...50, pattern: .apiName, summary: "Field API names"),
        .init("title", .string, default: "", length: 0...200, summary: "Heading"),
        .init("limit", .integer, default: 20, range: 1...200, summary: "Rows shown"),
        .init("filterField", .string, length: 1...80, pattern: .apiName, summary: "Field to filter on"),
        .init("filterValue", .string, length: 0...200, summary: "Value of the filter field"),
    ])

    let properties: Properties
    public init(properties: Properties) { self.properties = properties }

    public func render(in context: RenderContext) throws -> HTMLNode {
        guard let reader = context.service(RecordReader.self) else { return Markup.unavailable(context) }
        let object = EntityType(properties.object)
        let presenter = context.presenter
        let records = reader.records(
            of: object, viewer: context.viewer, fields: properties.fields + [RecordPresenter.currencyField], where: properties.filterField,
            equals: properties.filterValue.map { FieldValue.picklist($0) }, limit: Markup.clamp(properties.limit, to: 0...200))
        let title = properties.title.isEmpty ? presenter.objectLabel(object, plural: true) : context.localized(properties.title)
        guard let first = records.first else { return Markup.section(title, [Markup.empty(context)]) }
        let columns = properties.fields.filter { !first.hiddenFields.contains($0) }
        return Markup.section(title, [Self.table(records, object: object, columns: columns, label: title, presenter: presenter, context: context)])
    }

    /// A table of rows: labelled column headers, formatted values, the first column linking to
    /// the record; wrapped so a wide table scrolls inside its own container. Amounts and numbers
    /// (cells and their column's header) align to the end; amounts and dates never wrap.
    static func table(
        _ records: [RecordRow], object: EntityType, columns: [String], label: String, presenter: RecordPresenter, context: RenderContext
    ) -> HTMLNode {
        let rows: [HTMLNode] = records.map { record in
            var currency: String?
            if case .text(let code)? = record.value(of: RecordPresenter.currencyField) { currency = code }
            return .el("tr", [], columns.enumerated().map { i, field in
                let value = record.value(of: field)
                let text = value.map { presenter.text($0, field: field, object: object, currencyCode: currency) } ?? ""
                if i == 0 {
                    let label = text.isEmpty ? presenter.objectLabel(object) : text
                    return .el("td", [], [Markup.link(label, context.url(objectType: object.name, id: record.id))])
                }
                let kind = cellClass(value)
                return .el("td", kind.map { [.class($0)] } ?? [], text: text)
            })
        }
        let headers: [HTMLNode] = columns.enumerated().map { i, field in
            var attributes = [HTMLAttribute("scope", "col")]
            // A column of numbers aligns its header with its values.
            if i > 0, let first = records.lazy.compactMap({ $0.value(of: field) }).first, cellClass(first) == "ck-num" {
                attributes.append(.class("ck-num"))
            }
            return .el("th", attributes, text: presenter.label(of: field, object: object))
        }
        return Markup.scrollable(.el("table", [.class("ck-table")], [
            .el("thead", [], [.el("tr", [], headers)]),
            .el("tbody", [], rows),
        ]), label: label)
    }

    /// The cell class of a value: `ck-num` for amounts and numbers, `ck-date` for days and moments.
    static func cellClass(_ value: FieldValue?) -> String? {
        switch value {
        case .currency?, .number?: "ck-num"
        case .date?, .dateTime?: "ck-date"
        default: nil
        }
    }
}
