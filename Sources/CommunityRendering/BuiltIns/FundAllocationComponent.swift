import CommunityModel

/// `community.fundAllocation`: for a channel manager (an internal user), the partner accounts they
/// manage with each one's market development budget for the current quarter, and a form that
/// sets a partner's budget (`allocateFunds`: `account`, `period`, `amount`).
public struct FundAllocationComponent: SiteComponent {
    /// Properties.
    public struct Properties: Codable, Sendable {
        /// The heading.
        public var title: String
    }

    /// The action that sets a partner's budget for a period.
    public static let action = "allocateFunds"
    public static let type: ComponentType = "community.fundAllocation"
    public static let propertySchema = PropertySchema([
        .init("title", .string, default: "Partner budgets", length: 0...200, summary: "Heading"),
    ])

    let properties: Properties
    public init(properties: Properties) { self.properties = properties }

    public func render(in context: RenderContext) throws -> HTMLNode {
        guard context.viewer.user?.kind == .internal, context.site.isMember(context.viewer) else { return .empty }
        guard let provider = context.service((any ChannelProgramProvider).self) else { return Markup.unavailable(context) }
        let title = context.localized(properties.title, default: "fundAllocation.title")
        let period = FundRequestsComponent.quarter(of: context.clock.now())
        let partners = try provider.managedPartners(period: period, viewer: context.viewer)
        guard !partners.isEmpty else { return Markup.section(title, [Markup.empty(context.text("fundAllocation.empty"))]) }
        return Markup.section(title, [
            Markup.list(partners.map { partner in
                .fragment([
                    .el("strong", text: partner.name),
                    .el("span", [.class("ck-meta")], text: " · " + context.text("fundAllocation.budget", [
                        "period": period, "allocated": context.presenter.formatter.currency(partner.allocated),
                        "available": context.presenter.formatter.currency(partner.available),
                    ])),
                ])
            }, label: title),
            Markup.form(Self.action, context: context, [
                Markup.field("account", label: context.text("fundAllocation.partner"), action: Self.action, context: context, required: true,
                             options: partners.map(\.id), defaultValue: partners.first?.id ?? "",
                             labels: Dictionary(partners.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })),
                Markup.field("period", label: context.text("fundAllocation.period"), action: Self.action, context: context, required: true,
                             defaultValue: period, help: context.text("fundAllocation.periodHelp"), maxLength: 16),
                Markup.field("amount", label: context.text("fundAllocation.amount"), action: Self.action, context: context, required: true,
                             type: "number"),
            ], submit: context.text("fundAllocation.submit")),
        ])
    }
}
