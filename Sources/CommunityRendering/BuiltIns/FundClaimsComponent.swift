import CommunityModel

/// `community.fundClaims`: the viewer's partner account's approved fund requests with money left
/// to claim, each with a claim form (amount spent, proof of performance) that goes to approval
/// (`claimFunds`). Partner users who are members of the site only.
public struct FundClaimsComponent: SiteComponent {
    /// Properties.
    public struct Properties: Codable, Sendable {
        /// The heading.
        public var title: String
        /// How many requests to list.
        public var limit: Int
    }

    /// The action that claims money against a request (`request`, `amount`, `proof`).
    public static let action = "claimFunds"
    public static let type: ComponentType = "community.fundClaims"
    public static let propertySchema = PropertySchema([
        .init("title", .string, default: "Claim funds", length: 0...200, summary: "Heading"),
        .init("limit", .integer, default: 10, range: 1...50, summary: "Requests shown"),
    ])

    let properties: Properties
    public init(properties: Properties) { self.properties = properties }

    public func render(in context: RenderContext) throws -> HTMLNode {
        guard context.viewer.user?.kind == .partner, context.site.isMember(context.viewer) else { return .empty }
        guard let provider = context.service((any ChannelProgramProvider).self) else { return Markup.unavailable(context) }
        let title = context.localized(properties.title, default: "fundClaims.title")
        let requests = try provider.claimableFundRequests(viewer: context.viewer, limit: Markup.clamp(properties.limit, to: 0...50))
        var top: [HTMLNode] = []
        if let state = context.form, state.action == Self.action, let error = state.errors[""],
           !requests.contains(where: { $0.id == state.values["request"] }) {
            top.append(.el("p", [.class("ck-error"), HTMLAttribute("role", "alert")], text: error))
        }
        guard !requests.isEmpty else { return Markup.section(title, top + [Markup.empty(context.text("fundClaims.empty"))]) }
        return Markup.section(title, top + [Markup.list(requests.map { request in
            var children: [HTMLNode] = [
                .el("h3", text: request.activity),
                .el("p", [.class("ck-meta")], text: context.text("fundClaims.remaining", [
                    "period": request.period, "amount": context.presenter.formatter.currency(request.amount),
                    "claimed": context.presenter.formatter.currency(request.claimed),
                ])),
            ]
            if let error = Markup.itemError(action: Self.action, item: request.id, itemField: "request", context: context) { children.append(error) }
            children.append(.el("form", [HTMLAttribute("method", "post"), HTMLAttribute("action", url: context.actionURL(Self.action))], [
                Markup.hidden("_csrf", context.csrfToken), Markup.hidden("_return", context.currentPath), Markup.hidden("request", request.id),
                Markup.itemField("amount", label: context.text("fundClaims.amount"), action: Self.action, item: request.id,
                                 itemField: "request", context: context, required: true),
                Markup.itemField("proof", label: context.text("fundClaims.proof"), action: Self.action, item: request.id,
                                 itemField: "request", context: context, multiline: true, required: true),
                .el("button", [.class("ck-button"), HTMLAttribute("type", "submit")], text: context.text("fundClaims.submit")),
            ]))
            return .el("article", [.class("ck-fund-claim")], children)
        }, label: title)])
    }
}
