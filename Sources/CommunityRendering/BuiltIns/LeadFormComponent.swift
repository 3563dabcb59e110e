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
        var company: [HTMLNode] = [
            Markup.field("company", label: context.text("lead.company"), action: "registerLead", context: context, required: true,
                         autocomplete: "off", maxLength: 255),
        ]
        if !properties.products.isEmpty {
            company.append(Markup.field("product", label: context.text("lead.product"), action: "registerLead", context: context,
                                        options: properties.products, labels: Dictionary(properties.products.map { ($0, context.localized($0)) }) { first, _ in first }))
        }
        let contact: [HTMLNode] = [
            Markup.field("firstName", label: context.text("lead.firstName"), action: "registerLead", context: context, autocomplete: "off", maxLength: 40),
            Markup.field("lastName", label: context.text("lead.lastName"), action: "registerLead", context: context, required: true,
                         autocomplete: "off", maxLength: 80),
            Markup.field("email", label: context.text("lead.email"), action: "registerLead", context: context, type: "email", autocomplete: "off"),
        ]
        return Markup.section(context.localized(properties.title, default: "lead.title"), [Markup.form("registerLead", context: context, [
            Markup.group(context.text("lead.companyGroup"), company), Markup.group(context.text("lead.contactGroup"), contact),
        ], submit: context.text("lead.submit"))])
    }
}
