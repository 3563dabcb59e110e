import CommunityAccess
import CommunityModel

/// `community.accessExplanation`: on a record page, for administrators, "why can this member
/// see this record?": a form (GET, no writes) choosing one of the site's members, then the
/// member's access level, every grant that gives it (role hierarchy, sharing rules, shares…),
/// what capped it, and, when access is missing, the paths looked for and not found.
public struct AccessExplanationComponent: SiteComponent {
    /// Properties.
    public struct Properties: Codable, Sendable {
        /// The page parameter that holds the record id.
        public var parameter: String
    }

    /// The query parameter naming the member to explain.
    public static let memberQuery = "explainFor"
    public static let type: ComponentType = "community.accessExplanation"
    public static let propertySchema = PropertySchema([
        .init("parameter", .string, default: "id", length: 1...64, pattern: .identifier, summary: "Page parameter with the record id"),
    ])

    let properties: Properties
    public init(properties: Properties) { self.properties = properties }

    public func render(in context: RenderContext) throws -> HTMLNode {
        guard !context.viewer.isGuest, let object = context.page.objectType,
              let recordID = context.parameters[properties.parameter] else { return .empty }
        guard let provider = context.service((any AccessExplanationProvider).self) else { return Markup.unavailable(context) }
        guard provider.mayExplain(viewer: context.viewer),
              let here = context.site.url(of: context.page.id, parameter: recordID) else { return .empty }
        let members = try provider.members(of: context.site, viewer: context.viewer, limit: 500)
        let chosen = context.query[Self.memberQuery].flatMap { id in members.contains { $0.id == id } ? id : nil }
        let id = "f-\(Self.type.rawValue)-member"
        var error: String?
        if let asked = context.query[Self.memberQuery], !asked.isEmpty, chosen == nil { error = context.text("accessExplain.unknownMember") }
        let described = Markup.description(id: id, help: nil, error: error)
        let select = HTMLNode.el("select", [HTMLAttribute("id", id), HTMLAttribute("name", Self.memberQuery), HTMLAttribute(flag: "required"),
                                            HTMLAttribute("aria-required", "true")] + described.attributes, members.map { member in
            var attributes = [HTMLAttribute("value", member.id)]
            if member.id == chosen { attributes.append(HTMLAttribute(flag: "selected")) }
            return .el("option", attributes, text: member.name)
        })
        var children: [HTMLNode] = [
            .el("form", [HTMLAttribute("method", "get"), HTMLAttribute("action", url: here)], [
                .el("div", [.class("ck-field")], [Markup.label(context.text("accessExplain.member"), for: id, required: true)] + described.nodes + [select]),
                .el("button", [.class("ck-button"), HTMLAttribute("type", "submit")], text: context.text("accessExplain.submit")),
            ]),
        ]
        if let chosen, let explanation = try provider.explanation(user: chosen, object: object, recordID: recordID, site: context.site, viewer: context.viewer) {
            children += Self.explanation(explanation, name: members.first { $0.id == chosen }?.name ?? chosen, context: context)
        }
        return Markup.section(context.text("accessExplain.title"), children)
    }

    static func explanation(_ explanation: AccessExplanation, name: String, context: RenderContext) -> [HTMLNode] {
        let level = context.text(UIStringKey("accessExplain.level." + Self.levelKey(explanation.level)))
        var nodes: [HTMLNode] = [.el("p", [.class("ck-notice"), HTMLAttribute("role", "status")],
                                     text: context.text("accessExplain.result", ["name": name, "level": level]))]
        if !explanation.grants.isEmpty {
            nodes.append(.el("h3", text: context.text("accessExplain.grants")))
            nodes.append(Markup.list(explanation.grants.map { grant in
                // The path's kind and level in the reader's language; the chain names the
                // engine's own records (roles, rules, shares, groups by id), so it is shown as
                // the engine's detail, marked as English.
                .el("span", [], [
                    .text(context.text(UIStringKey("accessExplain.kind." + grant.kind.rawValue)) + " · "
                          + context.text(UIStringKey("accessExplain.level." + Self.levelKey(grant.level)))),
                    .el("br"),
                    .el("small", [.class("ck-meta"), HTMLAttribute("lang", "en")], text: grant.chain.joined(separator: " → ")),
                ])
            }, label: context.text("accessExplain.grants")))
        }
        if let cap = explanation.capReason {
            nodes.append(.el("p", [.class("ck-meta")], text: context.text("accessExplain.cap", ["cap": Self.text(cap, context: context)])))
        }
        if explanation.level == .none, !explanation.missing.isEmpty {
            nodes.append(.el("h3", text: context.text("accessExplain.missing")))
            nodes.append(Markup.list(explanation.missing.map { .text(Self.text($0, context: context)) }, label: context.text("accessExplain.missing")))
        }
        return nodes
    }

    /// What capped the access, in the reader's language.
    static func text(_ cap: AccessExplanation.CapReason, context: RenderContext) -> String {
        func object(_ type: EntityType) -> [String: String] { ["object": context.presenter.objectLabel(type)] }
        return switch cap {
        case .unknownUserOrRecord: context.text("accessExplain.capReason.unknown")
        case .inactiveUser: context.text("accessExplain.capReason.inactive")
        case .recordDeleted: context.text("accessExplain.capReason.deleted")
        case .noRead(let type): context.text("accessExplain.capReason.noRead", object(type))
        case .guestReadOnly: context.text("accessExplain.capReason.guest")
        case .noEdit(let type): context.text("accessExplain.capReason.noEdit", object(type))
        case .noDelete(let type): context.text("accessExplain.capReason.noDelete", object(type))
        }
    }

    /// A path looked for and not found, in the reader's language.
    static func text(_ path: AccessExplanation.MissingPath, context: RenderContext) -> String {
        func object(_ type: EntityType) -> String { context.presenter.objectLabel(type) }
        return switch path {
        case .noObjectWidePermission(let type): context.text("accessExplain.missing.objectWide", ["object": object(type)])
        case .ownedByUser(let owner): context.text("accessExplain.missing.ownedByUser", ["owner": owner.rawValue])
        case .ownedByQueue(let queue): context.text("accessExplain.missing.ownedByQueue", ["queue": queue])
        case .noParentAccess(let type): context.text("accessExplain.missing.parentAccess", ["object": object(type)])
        case .noParent: context.text("accessExplain.missing.noParent")
        case .orgWideDefault(let type, let model, let kind):
            context.text("accessExplain.missing.orgWideDefault", [
                "object": object(type), "model": context.text(UIStringKey("accessExplain.model." + model)),
                "kind": context.text(UIStringKey("accessExplain.userKind." + kind)),
            ])
        case .hierarchyOff(let type): context.text("accessExplain.missing.hierarchyOff", ["object": object(type)])
        case .userHasNoRole: context.text("accessExplain.missing.userHasNoRole")
        case .ownerHasNoRole: context.text("accessExplain.missing.ownerHasNoRole")
        case .ownerRoleNotBelow(let owner, let user): context.text("accessExplain.missing.ownerRoleNotBelow", ["ownerRole": owner, "userRole": user])
        case .noShare: context.text("accessExplain.missing.noShare")
        case .noSharingRule: context.text("accessExplain.missing.noSharingRule")
        case .noImplicitPath: context.text("accessExplain.missing.noImplicitPath")
        }
    }

    static func levelKey(_ level: AccessLevel) -> String {
        switch level {
        case .none: "none"
        case .read: "read"
        case .edit: "edit"
        case .all: "all"
        }
    }
}
