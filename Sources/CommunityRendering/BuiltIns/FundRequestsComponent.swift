public import Foundation
import CommunityModel

/// `community.fundRequests`: a partner's market development funds: the account's budget for the
/// period, its requests with their status, and a form to request funds. Shown only to partner
/// users who are members of the site.
public struct FundRequestsComponent: SiteComponent {
    /// Properties.
    public struct Properties: Codable, Sendable {
        /// The heading.
        public var title: String
        /// The budget period requests draw on, such as `2026-Q4`; empty for the current quarter.
        public var period: String
        /// How many requests to list.
        public var limit: Int
    }

    /// The form action.
    public static let action = "requestFunds"
    public static let type: ComponentType = "community.fundRequests"
    public static let propertySchema = PropertySchema([
        .init("title", .string, default: "Market development funds", length: 0...200, summary: "Heading"),
        .init("period", .string, default: "", length: 0...16, summary: "Budget period (empty: the current quarter)"),
        .init("limit", .integer, default: 10, range: 1...50, summary: "Requests shown"),
    ])

    let properties: Properties
    public init(properties: Properties) { self.properties = properties }

    /// The quarter a moment falls in, as `YYYY-Qn` (UTC).
    public static func quarter(of date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let parts = calendar.dateComponents([.year, .month], from: date)
        let quarter = ((parts.month ?? 1) - 1) / 3 + 1
        return "\(parts.year ?? 1970)-Q\(quarter)"
    }

    public func render(in context: RenderContext) throws -> HTMLNode {
        guard context.viewer.user?.kind == .partner, context.site.isMember(context.viewer) else { return .empty }
        guard let programs = context.service((any PartnerProgramProvider).self) else { return Markup.unavailable(context) }
        let period = properties.period.isEmpty ? Self.quarter(of: context.clock.now()) : properties.period
        let formatter = context.presenter.formatter
        func money(_ amount: Decimal) -> String { formatter.currency(amount) }
        var children: [HTMLNode] = []
        if let budget = try programs.fundBudget(period: period, viewer: context.viewer) {
            children.append(.el("p", [.class("ck-meta")], text: context.text("funds.budget", [
                "period": budget.period, "available": money(budget.available), "allocated": money(budget.allocated)])))
        } else {
            children.append(.el("p", [.class("ck-meta")], text: context.text("funds.noBudget", ["period": period])))
        }
        let requests = try programs.fundRequests(viewer: context.viewer, limit: Markup.clamp(properties.limit, to: 0...50))
        children.append(requests.isEmpty ? Markup.empty(context) : Markup.list(requests.map { request in
            .fragment([
                .el("strong", text: request.activity),
                .el("span", [.class("ck-meta")], text: " · \(request.period) · \(money(request.amount)) · \(Markup.status(request.status, context: context))"
                    + (request.claimed == 0 ? "" : " · " + context.text("funds.claimed", ["amount": money(request.claimed)]))),
            ])
        }, label: context.text("funds.requests")))
        children.append(.el("h3", text: context.text("funds.request")))
        children.append(Markup.form(Self.action, context: context, [
            Markup.hidden("period", period),
            Markup.field("activity", label: context.text("funds.activity"), action: Self.action, context: context, required: true),
            Markup.field("amount", label: context.text("funds.amount"), action: Self.action, context: context, required: true, type: "number"),
        ], submit: context.text("funds.request")))
        return Markup.section(context.localized(properties.title, default: "funds.title"), children)
    }
}
