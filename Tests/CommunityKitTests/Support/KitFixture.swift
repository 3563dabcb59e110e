import CommunityKit
import Foundation

/// A small seeded community: one partner account with two users, another partner, a channel manager.
enum KitFixture {
    static let secret = Array("kit-tests-secret-0123456789".utf8)

    static func store() throws -> MemoryStore {
        let store = MemoryStore()
        let entities: [any Entity] = [
            Profile(id: "channel", name: "Channel", permissions: PermissionGrants(objects: ["Lead": .crud, "Opportunity": .crud, "Account": .crud, "Contact": .crud, "Case": .crud], system: [.moderateCommunity, .manageKnowledge])),
            Profile(id: "partner", name: "Partner", permissions: PermissionGrants(objects: ["Lead": [.read, .create, .edit], "Opportunity": [.read], "Case": [.read, .create]])),
            OrgWideDefault(object: "Lead", internalAccess: .private, externalAccess: .private),
            OrgWideDefault(object: "Case", internalAccess: .private, externalAccess: .private),
            OrgWideDefault(object: "Opportunity", internalAccess: .private, externalAccess: .private),
            OrgWideDefault(object: "Account", internalAccess: .private, externalAccess: .private),
            Role(id: "cm", name: "Channel Manager"),
            Role(id: "acme-mgr", name: "Acme Manager", kind: .partner, accountID: "acme", externalLevel: .manager),
            Role(id: "acme-user", name: "Acme User", parentID: "acme-mgr", kind: .partner, accountID: "acme", externalLevel: .user),
            Role(id: "globex-user", name: "Globex User", kind: .partner, accountID: "globex", externalLevel: .user),
            User(id: "cara", kind: .internal, name: "Cara", email: "cara@x.example", profileID: "channel", roleID: "cm"),
            User(id: "pat", kind: .partner, name: "Pat", email: "pat@acme.example", profileID: "partner", roleID: "acme-user", accountID: "acme", managerID: "mia"),
            User(id: "mia", kind: .partner, name: "Mia", email: "mia@acme.example", profileID: "partner", roleID: "acme-mgr", accountID: "acme"),
            User(id: "bo", kind: .partner, name: "Bo", email: "bo@globex.example", profileID: "partner", roleID: "globex-user", accountID: "globex"),
            Account(id: "acme", name: "Acme", owner: "cara", isPartner: true, partnerTier: .gold),
            Account(id: "globex", name: "Globex", owner: "cara", isPartner: true, partnerTier: .silver),
        ]
        try store.write { tx in
            for entity in entities {
                func put<E: Entity>(_ e: E) throws { try tx.put(e) }
                try put(entity)
            }
        }
        return store
    }

    static func community(plugins: [CommunityPlugin] = []) throws -> Community {
        try Community(CommunityConfiguration(
            store: store(), clock: ManualClock(), csrfSecret: secret, plugins: plugins, defaultCaseOwner: .user("cara"),
            leadApprovalSteps: [ApprovalStep(name: "Channel", approvers: [.user("cara")])]))
    }

    static func partnerSite() throws -> Site {
        var site = try SiteTemplate.partnerCentral.makeSite(.init(id: "partners", name: "Partners", urlPrefix: "/partners", memberProfileIDs: ["partner", "channel"]))
        site.status = .published
        return site
    }

    /// The cookies a response sets, by name, as a browser would send them back.
    static func cookies(_ response: SiteResponse) -> [String: String] {
        var out: [String: String] = [:]
        for header in response.setCookies {
            guard let pair = header.split(separator: ";").first else { continue }
            let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
            if parts.count == 2 { out[parts[0]] = parts[1] }
        }
        return out
    }

    static func token(_ html: String) -> String {
        guard let range = html.range(of: "name=\"_csrf\" value=\"") else { return "" }
        return String(html[range.upperBound...].prefix { $0 != "\"" })
    }
}

/// A host component: a quote with a size choice.
struct Quote: SiteComponent {
    struct Properties: Codable, Sendable {
        var text: String
    }
    static let type: ComponentType = "acme.quote"
    static let propertySchema = PropertySchema([.init("text", .string, required: true)])
    let properties: Properties
    init(properties: Properties) { self.properties = properties }
    func render(in context: RenderContext) throws -> HTMLNode { .el("blockquote", text: properties.text) }
}

extension CommunityPlugin {
    static let quotes = CommunityPlugin(name: "Quotes") { setup in try setup.registry.register(Quote.self) }
}
