import CommunityModel

/// `community.approvalQueue`: the approval requests the signed-in member may decide now (lead
/// registrations, fund requests, employee requests…), oldest first, each with a comment field
/// and Approve and Reject buttons. Guests and non-members see nothing.
public struct ApprovalQueueComponent: SiteComponent {
    /// Properties.
    public struct Properties: Codable, Sendable {
        /// The heading.
        public var title: String
        /// How many requests to list.
        public var limit: Int
    }

    /// The action that decides a request (`request`, `decision` = `approve` or `reject`, `comment`).
    public static let action = "decideApproval"
    public static let type: ComponentType = "community.approvalQueue"
    public static let propertySchema = PropertySchema([
        .init("title", .string, default: "Approvals", length: 0...200, summary: "Heading"),
        .init("limit", .integer, default: 20, range: 1...100, summary: "Requests shown"),
    ])

    let properties: Properties
    public init(properties: Properties) { self.properties = properties }

    public func render(in context: RenderContext) throws -> HTMLNode {
        guard !context.viewer.isGuest, context.site.isMember(context.viewer) else { return .empty }
        guard let provider = context.service((any ApprovalQueueProvider).self) else { return Markup.unavailable(context) }
        let pending = try provider.pendingApprovals(viewer: context.viewer, limit: Markup.clamp(properties.limit, to: 0...100))
        let title = context.localized(properties.title, default: "approvals.title")
        // A form-level error about a request no longer listed (decided meanwhile, or a bad id) goes on top.
        var top: [HTMLNode] = []
        if let state = context.form, state.action == Self.action, let error = state.errors[""],
           !pending.contains(where: { $0.id == state.values["request"] }) {
            top.append(.el("p", [.class("ck-error"), HTMLAttribute("role", "alert")], text: error))
        }
        guard !pending.isEmpty else {
            return Markup.section(title, top + [Markup.empty(context.text("approvals.empty"))])
        }
        let items: [HTMLNode] = pending.map { approval in
            var children: [HTMLNode] = [
                .el("h3", text: "\(Self.process(approval, context: context)): \(approval.item)"
                    + (approval.amount.map { " · " + context.presenter.formatter.currency($0) } ?? "")),
                .el("p", [.class("ck-meta")], [.text([context.localized(approval.step), approval.submitter].filter { !$0.isEmpty }.joined(separator: " · ") + " · "), Markup.moment(approval.submitted, context: context)]),
            ]
            if let error = Markup.itemError(action: Self.action, item: approval.id, itemField: "request", context: context) {
                children.append(error)
            }
            children.append(.el("form", [HTMLAttribute("method", "post"), HTMLAttribute("action", url: context.actionURL(Self.action))], [
                Markup.hidden("_csrf", context.csrfToken), Markup.hidden("_return", context.currentPath),
                Markup.hidden("request", approval.id),
                Markup.itemField("comment", label: context.text("approvals.comment"), action: Self.action,
                                 item: approval.id, itemField: "request", context: context, multiline: true),
                .el("button", [.class("ck-button"), HTMLAttribute("type", "submit"), HTMLAttribute("name", "decision"),
                               HTMLAttribute("value", "approve")], text: context.text("approvals.approve")),
                .el("button", [.class("ck-button"), HTMLAttribute("type", "submit"), HTMLAttribute("name", "decision"),
                               HTMLAttribute("value", "reject")], text: context.text("approvals.reject")),
            ]))
            return .el("article", [.class("ck-approval")], children)
        }
        return Markup.section(title, top + [Markup.list(items, label: title)])
    }

    /// The approval process in the viewer's language: a built-in process by its key, an
    /// employee request by its kind, anything else as the site author named it.
    static func process(_ approval: ApprovalSummary, context: RenderContext) -> String {
        switch approval.processKind {
        case .leadRegistration: context.text("approvals.process.leadRegistration")
        case .fundRequest: context.text("approvals.process.fundRequest")
        case .fundClaim: context.text("approvals.process.fundClaim")
        case .employeeRequest(let kind): context.text("approvals.process.employee", ["kind": context.localized(kind)])
        case nil: context.localized(approval.process)
        }
    }
}
