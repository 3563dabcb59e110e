/// `community.selfRegistration`: the sign-up form guests see when the site allows
/// self-registration (approved at once or after review, as the site says).
public struct SelfRegistrationComponent: SiteComponent {
    /// Properties.
    public struct Properties: Codable, Sendable {
        /// The heading.
        public var title: String
    }

    public static let type: ComponentType = "community.selfRegistration"
    public static let propertySchema = PropertySchema([.init("title", .string, default: "Join the community", length: 0...200, summary: "Heading")])

    let properties: Properties
    public init(properties: Properties) { self.properties = properties }

    public func render(in context: RenderContext) throws -> HTMLNode {
        guard context.viewer.isGuest, context.site.selfRegistration != .disabled else { return .empty }
        var children: [HTMLNode] = []
        if context.site.selfRegistration == .pending {
            children.append(.el("p", text: context.text("register.pending")))
        }
        children.append(Markup.form("selfRegister", context: context, [
            Markup.field("name", label: context.text("register.name"), action: "selfRegister", context: context, required: true,
                         autocomplete: "name", maxLength: 121),
            Markup.field("email", label: context.text("register.email"), action: "selfRegister", context: context, required: true,
                         type: "email", autocomplete: "email"),
        ], submit: context.text("register.submit")))
        return Markup.section(context.localized(properties.title, default: "register.title"), children)
    }
}
