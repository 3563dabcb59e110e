import CommunityKit
import Foundation

/// A small seeded community for fuzzing: internal, partner and customer users across three
/// accounts, leads, opportunities, cases, articles, questions and an idea, served by the
/// Partner Central site at `/partners` and the Customer Service site at `/help`.
enum FuzzCommunity {
    static let secret = Array("community-fuzz-secret-0123456789".utf8)
    static let clock = ManualClock(Date(timeIntervalSince1970: 1_795_000_000))

    /// The users requests are sent as (`nil` is the guest).
    static let viewerIDs: [String?] = [nil, "cara", "sam", "pat", "mia", "bo", "kim"]

    static func entities() throws -> [any Entity] {
        let close = try Day(year: 2026, month: 12, day: 15)
        return [
            Profile(id: "channel", name: "Channel", permissions: PermissionGrants(
                objects: ["Lead": .crud, "Opportunity": .crud, "Account": .crud, "Contact": .crud, "Case": .crud],
                fields: ["Lead": ["Internal_Score__c": .edit]],
                system: [.moderateCommunity, .manageKnowledge, SystemPermission("manageTopics")])),
            Profile(id: "support", name: "Support", permissions: PermissionGrants(objects: ["Case": [.read, .create, .edit, .viewAll], "Account": [.read]])),
            Profile(id: "partner", name: "Partner", permissions: PermissionGrants(
                objects: ["Lead": [.read, .create, .edit], "Opportunity": [.read, .create, .edit], "Account": [.read], "Contact": [.read, .create], "Case": [.read, .create]],
                fields: ["Lead": ["Internal_Score__c": .hidden]])),
            Profile(id: "customer", name: "Customer", permissions: PermissionGrants(objects: ["Case": [.read, .create], "Account": [.read]])),
            OrgWideDefault(object: "Lead", internalAccess: .private, externalAccess: .private),
            OrgWideDefault(object: "Opportunity", internalAccess: .private, externalAccess: .private),
            OrgWideDefault(object: "Case", internalAccess: .private, externalAccess: .private),
            OrgWideDefault(object: "Account", internalAccess: .private, externalAccess: .private),
            OrgWideDefault(object: "Contact", internalAccess: .controlledByParent, externalAccess: .controlledByParent),
            Role(id: "cm", name: "Channel Manager"),
            Role(id: "agent", name: "Support Agent", parentID: "cm"),
            Role(id: "acme-mgr", name: "Acme Manager", kind: .partner, accountID: "acme", externalLevel: .manager),
            Role(id: "acme-user", name: "Acme User", parentID: "acme-mgr", kind: .partner, accountID: "acme", externalLevel: .user),
            Role(id: "globex-user", name: "Globex User", kind: .partner, accountID: "globex", externalLevel: .user),
            Role(id: "retail-user", name: "Retail Customer", kind: .customer, accountID: "retail", externalLevel: .user),
            User(id: "cara", kind: .internal, name: "Cara", email: "cara@x.example", profileID: "channel", roleID: "cm"),
            User(id: "sam", kind: .internal, name: "Sam", email: "sam@x.example", profileID: "support", roleID: "agent"),
            User(id: "mia", kind: .partner, name: "Mia", email: "mia@acme.example", profileID: "partner", roleID: "acme-mgr", accountID: "acme"),
            User(id: "pat", kind: .partner, name: "Pat <b>", email: "pat@acme.example", profileID: "partner", roleID: "acme-user", accountID: "acme", managerID: "mia"),
            User(id: "bo", kind: .partner, name: "Bo", nickname: "\"><script>", email: "bo@globex.example", profileID: "partner", roleID: "globex-user", accountID: "globex"),
            User(id: "kim", kind: .customer, name: "Kim 민지", email: "kim@retail.example", locale: "ko_KR", profileID: "customer", roleID: "retail-user", accountID: "retail"),
            Account(id: "acme", name: "Acme", owner: "cara", isPartner: true, partnerTier: .gold, region: "NA"),
            Account(id: "globex", name: "Globex <i>", owner: "cara", isPartner: true, partnerTier: .silver),
            Account(id: "retail", name: "Retail", owner: "sam", industry: "Retail"),
            Lead(id: "lead-acme-1", firstName: "Lena", lastName: "Lopez", company: "Contoso", email: "lena@contoso.example", status: .approved,
                 partnerAccountID: "acme", region: "NA", product: "Analytics", owner: .user("pat"), customFields: ["Internal_Score__c": .number(82)]),
            Lead(id: "lead-acme-2", lastName: "<img src=x onerror=alert(1)>", company: "Fabrikam", partnerAccountID: "acme", product: "Cloud", owner: .user("mia")),
            Lead(id: "lead-globex-1", lastName: "Nakamura", company: "Tailspin", partnerAccountID: "globex", product: "Cloud", owner: .user("bo")),
            Opportunity(id: "opp-acme-1", name: "Contoso – Analytics", accountID: "acme", stage: "Proposal", amount: 48_000, closeDate: close,
                        probability: 60, partnerAccountID: "acme", owner: "pat"),
            Opportunity(id: "opp-globex-1", name: "Tailspin \"Cloud\"", accountID: "globex", stage: "Qualification", amount: 0, closeDate: close,
                        probability: 20, partnerAccountID: "globex", owner: "bo"),
            Case(id: "case-acme-1", subject: "Price list <script>alert(1)</script>", description: "The PDF link fails.", accountID: "acme",
                 priority: .high, origin: .community, owner: .user("pat")),
            Case(id: "case-retail-1", subject: "Invoice", description: "Wrong total.", accountID: "retail", priority: .low, origin: .community, owner: .user("kim")),
        ]
    }

    /// A fresh seeded community; with `sites`, the two template sites are added.
    static func make(sites: Bool = true) throws -> Community {
        let store = MemoryStore()
        let entities = try entities()
        try store.write { tx in
            for entity in entities {
                func put<E: Entity>(_ e: E) throws { try tx.put(e) }
                try put(entity)
            }
        }
        let community = try Community(CommunityConfiguration(
            store: store, clock: clock, csrfSecret: secret, defaultCaseOwner: .user("sam"),
            leadApprovalSteps: [ApprovalStep(name: "Channel", approvers: [.user("cara")])]))
        try content(community)
        if sites { try addSites(community) }
        return community
    }

    static func addSites(_ community: Community) throws {
        var partners = try SiteTemplate.partnerCentral.makeSite(.init(
            id: "partners", name: "Partners", urlPrefix: "/partners", memberProfileIDs: ["partner", "channel"], locales: ["en_US", "ko_KR"]))
        partners.status = .published
        partners.baseURL = "https://partners.example"
        try community.addSite(partners)
        var help = try SiteTemplate.customerService.makeSite(.init(
            id: "help", name: "Help", urlPrefix: "/help", memberProfileIDs: ["customer", "support", "partner"]))
        help.status = .published
        try community.addSite(help)
    }

    /// Articles, topics, questions, an answer and an idea, written through the services.
    static func content(_ community: Community) throws {
        let kb = community.knowledge
        let topic = try community.topics.createTopic(name: "Deals", description: "Registering <b>deals</b>", by: "cara")
        try community.topics.setNavigational(topic.id, order: 1, by: "cara")
        let everyone: Set<KnowledgeChannel> = [.internal, .partner, .customer, .public]
        for (title, body, channels) in [
            ("How to register a deal", "<p>Open <strong>Leads</strong> and submit.</p><script>alert(1)</script>", everyone),
            ("Funds guide \"MDF\"", "<p><a href=\"javascript:alert(1)\">claim</a> funds.</p>", Set<KnowledgeChannel>([.internal, .partner])),
        ] {
            let article = try kb.createArticle(locale: "en_US", content: ArticleContent(title: title, summary: title, body: body), channels: channels, by: "cara")
            try kb.publish(article.id, locale: "en_US", by: "cara")
            try community.topics.assign(topic.id, to: TopicTarget(type: .article, id: article.id.rawValue), by: "cara")
        }
        try community.engagement.questions.ask(title: "How long does approval take?", body: "<p>Registered yesterday.</p>", topics: ["Deals"], by: "pat")
        let q = try community.engagement.questions.ask(title: "Invoice <img src=x onerror=alert(1)>", body: "<p onclick=\"x\">Where?</p>", topics: ["Billing"], by: "kim")
        try community.engagement.questions.answer(q.id, body: "<p>Under <em>Billing</em>.</p>", by: "sam")
        let zone = try community.engagement.ideas.createZone(name: "Portal", categories: ["Portal"], by: "cara")
        let idea = try community.engagement.ideas.submit(to: zone.id, title: "CSV upload", body: "<p>Bulk leads.</p>", categories: ["Portal"], by: "bo")
        _ = try community.engagement.ideas.vote(idea.id, value: 1, by: "pat")
    }

    /// The viewer for a user id (the guest for `nil`).
    static func viewer(_ id: String?, in community: Community) -> Viewer {
        guard let id, let parsed = try? ID<User>(parsing: id) else { return .guest }
        return community.viewer(parsed, sessionID: "fuzz-" + id)
    }
}
