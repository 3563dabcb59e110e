import CommunityModel
import CommunityAccess

/// `community.leadForm`: partners register a lead (deal registration). Shown only to
/// viewers who may create leads.
public struct LeadFormComponent: SiteComponent {
    /// Properties.
    public struct Properties: Codable, Sendable {
        /// The heading.
        public var title: String
        /// Products offered in the picklist.
        public var products: [String]
    }

    public static let type: ComponentType = "community.leadForm"
    public static let propertySchema = PropertySchema([
        .init("title", .string, default: "Register a lead", length: 0...200, summary: "Heading"),
        .init("products", .array, default: [], length: 0...100, summary: "Products to choose from"),
    ])

    let properties: Properties
    public init(properties: Properties) { self.properties = properties }

    public func render(in context: RenderContext) throws -> HTMLNode {
        guard let reader = context.service(RecordReader.self), reader.mayCreate("Lead", viewer: context.viewer) else { return .empty }
        let presenter = context.presenter
        func label(_ field: String) -> String { presenter.label(of: field, object: "Lead") }
        var fields: [HTMLNode] = [
            Markup.field("company", label: label("Company"), action: "registerLead", context: context, required: true),
            Markup.field("firstName", label: label("FirstName"), action: "registerLead", context: context),
            Markup.field("lastName", label: label("LastName"), action: "registerLead", context: context, required: true),
            Markup.field("email", label: label("Email"), action: "registerLead", context: context, type: "email"),
        ]
        if !properties.products.isEmpty {
            let options = properties.products.map { (value: $0, label: presenter.text(.picklist($0), field: "Product", object: "Lead")) }
            fields.append(Markup.picklistField("product", label: label("Product"), action: "registerLead", context: context, options: options))
        }
        return Markup.section(properties.title, [Markup.form("registerLead", context: context, fields)])
    }
}
