/// `community.leadConversion`: on a lead's page, for whoever may convert it (edit access, and a
/// convertible status such as approved), a form that converts the lead into an account, a
/// contact and, optionally, an opportunity (`convertLead`: `lead`, `opportunity` = `on`,
/// `name`, `stage`, `closeDate` as `YYYY-MM-DD`, `amount`).
public struct LeadConversionComponent: SiteComponent {
    /// Properties.
    public struct Properties: Codable, Sendable {
        /// The page parameter that holds the lead id.
        public var parameter: String
    }

    /// The action that converts the lead.
    public static let action = "convertLead"
    public static let type: ComponentType = "community.leadConversion"
    public static let propertySchema = PropertySchema([
        .init("parameter", .string, default: "id", length: 1...64, pattern: .identifier, summary: "Page parameter with the lead id"),
    ])

    let properties: Properties
    public init(properties: Properties) { self.properties = properties }

    public func render(in context: RenderContext) throws -> HTMLNode {
        guard !context.viewer.isGuest, context.site.isMember(context.viewer) else { return .empty }
        guard let provider = context.service((any ChannelProgramProvider).self) else { return Markup.unavailable(context) }
        guard let leadID = context.parameters[properties.parameter],
              let options = try provider.leadConversion(leadID: leadID, viewer: context.viewer) else { return .empty }
        let checked = context.form.map { $0.action == Self.action ? $0.values["opportunity"] == "on" : true } ?? true
        return Markup.section(context.text("leadConversion.title"), [
            .el("p", [.class("ck-help")], text: context.text("leadConversion.help")),
            Markup.form(Self.action, context: context, [
                Markup.hidden("lead", options.leadID),
                Markup.checkbox("opportunity", label: context.text("leadConversion.createOpportunity"), checked: checked, action: Self.action),
                Markup.field("name", label: context.text("leadConversion.name"), action: Self.action, context: context,
                             defaultValue: options.proposedName, maxLength: 120),
                Markup.field("stage", label: context.text("leadConversion.stage"), action: Self.action, context: context, required: true,
                             options: options.stages, defaultValue: options.stages.first ?? ""),
                Markup.field("closeDate", label: context.text("leadConversion.closeDate"), action: Self.action, context: context,
                             required: true, type: "date", help: context.text("leadConversion.closeDateHelp")),
                Markup.field("amount", label: context.text("leadConversion.amount"), action: Self.action, context: context, type: "number"),
            ], submit: context.text("leadConversion.submit")),
        ])
    }
}
