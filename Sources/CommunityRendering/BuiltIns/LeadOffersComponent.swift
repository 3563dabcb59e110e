import CommunityModel

/// `community.leadOffers`: leads offered to the viewer's partner account, each with Accept and
/// Decline forms, until the offer lapses. Shown only to partner users who are members of the site.
public struct LeadOffersComponent: SiteComponent {
    /// Properties.
    public struct Properties: Codable, Sendable {
        /// The heading.
        public var title: String
        /// How many offers to list.
        public var limit: Int
    }

    /// The form action that accepts an offer.
    public static let acceptAction = "acceptLeadOffer"
    /// The form action that declines an offer.
    public static let declineAction = "declineLeadOffer"
    public static let type: ComponentType = "community.leadOffers"
    public static let propertySchema = PropertySchema([
        .init("title", .string, default: "Leads offered to you", length: 0...200, summary: "Heading"),
        .init("limit", .integer, default: 10, range: 1...50, summary: "Offers shown"),
    ])

    let properties: Properties
    public init(properties: Properties) { self.properties = properties }

    public func render(in context: RenderContext) throws -> HTMLNode {
        guard context.viewer.user?.kind == .partner, context.site.isMember(context.viewer) else { return .empty }
        guard let programs = context.service((any PartnerProgramProvider).self) else { return Markup.unavailable(context) }
        let offers = try programs.leadOffers(viewer: context.viewer, limit: Markup.clamp(properties.limit, to: 0...50))
        let title = context.localized(properties.title, default: "offers.title")
        return Markup.section(title, offers.isEmpty ? [Markup.empty(context)] : [Markup.list(offers.map { offer in
            let name = [offer.company, offer.contact].compactMap { $0 }.joined(separator: " · ")
            return .fragment([
                // Only a lead the viewer may read gets a link (the others' pages would answer 404).
                Markup.link(name.isEmpty ? context.text("offers.lead", ["id": offer.leadID]) : name,
                            offer.company == nil ? nil : context.url(objectType: "Lead", id: offer.leadID)),
                .el("span", [.class("ck-meta")], text: " · " + context.text("offers.answerBy", ["date": Markup.date(offer.expires, locale: context.locale)])),
                Markup.form(Self.acceptAction, context: context, [Markup.hidden("lead", offer.leadID)], submit: context.text("offers.accept")),
                Markup.form(Self.declineAction, context: context, [
                    Markup.hidden("lead", offer.leadID),
                    Markup.field("reason", label: context.text("offers.reason"), action: Self.declineAction, context: context),
                ], submit: context.text("offers.decline")),
            ])
        }, label: title)])
    }
}
