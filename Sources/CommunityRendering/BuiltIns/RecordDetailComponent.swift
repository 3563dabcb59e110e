import CommunityModel
import CommunityAccess

/// `community.recordDetail`: one record (the page's `id` parameter) as its page layout
/// arranges it for the viewer's profile: a header with the compact layout's title, subtitle
/// and key fields, the layout's sections with labelled, formatted values, and related lists.
/// Fields the viewer may not read are never shown. A record the viewer may not read answers
/// 404, as if it did not exist.
public struct RecordDetailComponent: SiteComponent {
    /// Properties.
    public struct Properties: Codable, Sendable {
        /// The object; empty to use the page's object type.
        public var object: String
        /// The fields to show in one section instead of the layout's; empty for the layout.
        public var fields: [String]
    }

    public static let type: ComponentType = "community.recordDetail"
    public static let propertySchema = PropertySchema([
        .init("object", .string, default: "", length: 0...80, pattern: .apiName, summary: "Object API name (defaults to the page's)"),
        .init("fields", .array, default: [], length: 0...50, pattern: .apiName, summary: "Field API names (empty: the page layout)"),
    ])

    let properties: Properties
    public init(properties: Properties) { self.properties = properties }

    public func render(in context: RenderContext) throws -> HTMLNode {
        guard let reader = context.service(RecordReader.self) else { return Markup.unavailable(context) }
        let object = EntityType(properties.object.isEmpty ? (context.page.objectType ?? "") : properties.object)
        guard let id = context.parameters["id"], let record = reader.record(of: object, id: id, viewer: context.viewer) else {
            context.head.setStatus(404)
            return .el("p", text: context.text("record.notFound"))
        }
        let presenter = context.presenter
        let title = presenter.title(of: record) ?? presenter.objectLabel(object)
        let subtitle = presenter.subtitle(of: record)
        context.head.setTitle(subtitle.map { "\(title) · \($0)" } ?? title)
        var layout = presenter.layout(for: object)
        if !properties.fields.isEmpty {
            // Exactly the fields the page's author listed, nothing more.
            layout = .generated(for: object, fields: properties.fields)
            layout.showsOtherCustomFields = false
        }
        let readable = { (name: String) in name != "Id" && !record.hiddenFields.contains(name) }

        var header: [HTMLNode] = [.el("p", [.class("ck-record-object")], text: presenter.objectLabel(object)), .el("h1", text: title)]
        if let subtitle { header.append(.el("p", [.class("ck-record-subtitle")], text: subtitle)) }
        let keyFields = presenter.presentation.layouts.compactLayout(for: object).keyFields.filter(readable)
        if !keyFields.isEmpty {
            header.append(.el("dl", [.class("ck-highlights")], keyFields.map { Self.fact($0, record: record, presenter: presenter, context: context) }))
        }
        var children: [HTMLNode] = [.el("header", [.class("ck-record-header")], header)]
        var sections = layout.visibleSections(readable: readable)
        if layout.showsOtherCustomFields {
            let others = layout.unplacedCustomFields(record.fields.keys).filter(readable)
            if !others.isEmpty {
                sections.append(RecordLayoutSection(RecordLayout.otherFieldsHeading, fields: others.map { LayoutField($0) }))
            }
        }
        for (index, section) in sections.enumerated() {
            let headingID = "ck-section-\(index)"
            let heading = section.heading.text(for: context.locale) ?? presenter.objectLabel(object)
            children.append(.el("section", [.class("ck-record-section"), HTMLAttribute("aria-labelledby", headingID)], [
                .el("h2", [HTMLAttribute("id", headingID)], text: heading),
                .el("dl", [.class(section.columns == 2 ? "ck-fields ck-fields-2" : "ck-fields")],
                    section.fields.map { Self.fact($0.name, record: record, presenter: presenter, context: context) }),
            ]))
        }
        for list in layout.relatedLists {
            children.append(Self.related(list, parent: record, reader: reader, presenter: presenter, context: context))
        }
        return .el("article", [.class("ck-record")], children)
    }

    /// One label and value, the value linking to a referenced record the viewer may read.
    static func fact(_ field: String, record: RedactedRecord, presenter: RecordPresenter, context: RenderContext) -> HTMLNode {
        .el("div", [.class("ck-fact")], [
            .el("dt", text: presenter.label(of: field, object: record.object)),
            .el("dd", [], [value(field, record.value(of: field), object: record.object, currency: presenter.currency(of: record),
                                 presenter: presenter, context: context)]),
        ])
    }

    /// A value as text, or a link for a lookup to a record with a page.
    static func value(
        _ field: String, _ value: FieldValue?, object: EntityType, currency: String?, presenter: RecordPresenter, context: RenderContext
    ) -> HTMLNode {
        guard let value else { return .text(LocaleFormatter.unknown) }
        let text = presenter.text(value, field: field, object: object, currencyCode: currency)
        if case .reference(let id) = value, text != LocaleFormatter.unknown, let target = presenter.target(of: field, object: object),
           target != "User", let url = context.url(objectType: target.name, id: id) {
            return .el("a", [.href(url)], text: text)
        }
        return .text(text)
    }

    /// A related list: the related records the viewer may read that point at `parent`.
    static func related(
        _ list: RelatedList, parent: RedactedRecord, reader: RecordReader, presenter: RecordPresenter, context: RenderContext
    ) -> HTMLNode {
        let heading = list.heading.text(for: context.locale) ?? presenter.objectLabel(list.object, plural: true)
        let rows = reader.records(of: list.object, viewer: context.viewer, fields: list.columns + [RecordPresenter.currencyField],
                                  where: list.field, equals: .reference(parent.id), limit: list.limit)
        guard let first = rows.first else { return Markup.section(heading, [Markup.empty(context)]) }
        let columns = list.columns.filter { !first.hiddenFields.contains($0) }
        return Markup.section(heading, [RecordListComponent.table(rows, object: list.object, columns: columns, label: heading, presenter: presenter, context: context)])
    }
}
