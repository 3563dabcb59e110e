import CommunityModel
import CommunityAccess

/// `community.recordDetail`: one record (the page's `id` parameter) with the fields the
/// viewer may read. A record the viewer may not read answers 404, as if it did not exist.
public struct RecordDetailComponent: SiteComponent {
    /// Properties.
    public struct Properties: Codable, Sendable {
        /// The object; empty to use the page's object type.
        public var object: String
        /// The fields to show; empty for every readable field.
        public var fields: [String]
    }

    public static let type: ComponentType = "community.recordDetail"
    public static let propertySchema = PropertySchema([
        .init("object", .string, default: "", length: 0...80, pattern: .apiName, summary: "Object API name (defaults to the page's)"),
        .init("fields", .array, default: [], length: 0...50, pattern: .apiName, summary: "Field API names"),
    ])

    let properties: Properties
    public init(properties: Properties) { self.properties = properties }

    public func render(in context: RenderContext) throws -> HTMLNode {
        guard let reader = context.service(RecordReader.self) else { return Markup.unavailable(context) }
        let object = properties.object.isEmpty ? (context.page.objectType ?? "") : properties.object
        guard let id = context.parameters["id"], let record = reader.record(of: EntityType(object), id: id, viewer: context.viewer) else {
            context.head.setStatus(404)
            return .el("p", text: context.text("record.notFound"))
        }
        let names = properties.fields.isEmpty ? record.fields.keys.sorted() : properties.fields.filter { !record.hiddenFields.contains($0) }
        let title = ["Name", "Subject", "LastName"].lazy.compactMap { record.value(of: $0)?.description }.first ?? record.id
        context.head.setTitle(title)
        var facts: [HTMLNode] = []
        for name in names {
            facts.append(.el("dt", text: name))
            facts.append(.el("dd", text: record.value(of: name).map(Markup.display) ?? ""))
        }
        return .el("div", [.class("ck-record")], [.el("h1", text: title), .el("dl", [], facts)])
    }
}
