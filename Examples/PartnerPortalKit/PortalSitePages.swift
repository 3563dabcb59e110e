import CommunityKit
import Foundation

/// Pages for work that the engine could do but no page offered:
/// - the Help Center routes billing cases to a "Tier 1 support" queue; Sam (an agent) sees
///   them on "Case queue", takes one, moves a case's status from its page (`community.caseWork`)
///   and replies there (`community.caseActivity`);
///   the customer who raised a queued case keeps reading it (the raiser's share);
/// - the Help Center takes self-registrations for review: guests join on "Join", and Sam (who
///   may moderate users) approves or turns them down on "Registrations";
/// - on Partner Central, Northwind staff work on cases from the case page too, and Dana (who
///   holds ``Community/explainAccessPermission``) sees on lead, deal and case pages why a
///   member can or cannot see the record;
/// - partners convert an approved lead from its page and claim money against an approved fund
///   request on "Market development funds"; Cara sets partner budgets and offers pooled leads on
///   "Channel programme";
/// - members post ideas on the ideas page and discuss each idea on its own page;
/// - knowledge authors (Cara, Dana) draft, edit, publish and archive articles and set their
///   channels and category on "Knowledge authoring".
enum PortalSitePages {
    /// The account self-registered Help Center members join.
    static let helpMembersAccount: ID<Account> = "help-members"

    /// Billing cases go to the tier 1 queue; everything else to Sam.
    static func configure(_ configuration: inout CommunityConfiguration) {
        configuration.support = CaseServiceConfiguration(
            assignmentRules: [CaseAssignmentRule(name: "Billing to tier 1", criteria: [.product(["Billing"])], target: .queue("tier1"))],
            defaultOwner: .user("sam"))
    }

    /// The Help Center's join, registrations and case queue pages, and case work and replies on its case page.
    static func installHelp(into site: inout Site) throws {
        site.selfRegistration = .pending
        site.selfRegistrationProfileID = "customer"
        site.selfRegistrationAccountID = helpMembersAccount
        site.audiences += [
            Audience(id: "guests", name: "Guests", criteria: .userKind([.guest])),
            Audience(id: "agents", name: "Northwind agents", criteria: .userKind([.internal])),
            Audience(id: "registration-reviewers", name: "Registration reviewers", criteria: .any([
                .permission(SystemPermission.moderateUsers.name), .permission(SystemPermission.manageCommunity.name),
            ])),
        ]
        try site.addPage(Page(id: "join", title: "Join", slug: "join", visibility: .public,
                              layout: layout(ComponentInstance(id: "join", type: SelfRegistrationComponent.type))))
        try site.addPage(Page(id: "registrations", title: "Registrations", slug: "registrations", visibility: .audience("registration-reviewers"),
                              layout: layout(ComponentInstance(id: "rq", type: RegistrationQueueComponent.type))))
        try site.addPage(Page(id: "case-queue", title: "Case queue", slug: "case-queue", visibility: .audience("agents"),
                              layout: layout(ComponentInstance(id: "cq", type: CaseQueueComponent.type))))
        try append(ComponentInstance(id: "work", type: CaseWorkComponent.type), toPage: "case", of: &site)
        // Replies: public or internal comments, and attachments.
        try append(ComponentInstance(id: "activity", type: CaseActivityComponent.type), toPage: "case", of: &site)
        guard let index = site.menus.firstIndex(where: { $0.id == "main" }) else { return }
        site.menus[index].items += [
            NavigationMenu.Item("Join", .page("join"), audienceID: "guests"),
            NavigationMenu.Item("Case queue", .page("case-queue"), audienceID: "agents"),
            NavigationMenu.Item("Registrations", .page("registrations"), audienceID: "registration-reviewers"),
        ]
    }

    /// Partner Central: case work on the case page; lead conversion on the lead page; the access
    /// explanation on the lead, deal and case pages; fund claims on the funds page; and for
    /// Northwind staff a "Channel programme" page with partner budgets and the lead pool.
    /// Call after ``PortalEmployees/install(into:)``, whose `employees` audience the page uses.
    static func installPartners(into site: inout Site) throws {
        try append(ComponentInstance(id: "work", type: CaseWorkComponent.type), toPage: "case", of: &site)
        try append(ComponentInstance(id: "convert", type: LeadConversionComponent.type), toPage: "lead", of: &site)
        for page in ["lead", "deal", "case"] {
            try append(ComponentInstance(id: "why", type: AccessExplanationComponent.type), toPage: page, of: &site)
        }
        try append(ComponentInstance(id: "claims", type: FundClaimsComponent.type), toPage: "funds", of: &site)
        try append(ComponentInstance(id: "post", type: IdeaFormComponent.type), toPage: "ideas", of: &site)
        try site.addPage(Page(id: "idea", title: "Idea", slug: "idea", parameter: "id", objectType: "Idea", visibility: .members,
                              layout: layout(ComponentInstance(id: "idea", type: IdeaDetailComponent.type))))
        try site.addPage(Page(id: "channel-programme", title: "Channel programme", slug: "channel-programme", visibility: .audience("employees"),
                              layout: layout(ComponentInstance(id: "budgets", type: FundAllocationComponent.type),
                                             ComponentInstance(id: "pool", type: LeadPoolComponent.type))))
        site.audiences.append(Audience(id: "knowledge-authors", name: "Knowledge authors",
                                       criteria: .permission(SystemPermission.manageKnowledge.name)))
        try site.addPage(Page(id: "knowledge-authoring", title: "Knowledge authoring", slug: "knowledge-authoring",
                              visibility: .audience("knowledge-authors"),
                              layout: layout(ComponentInstance(id: "authoring", type: KnowledgeAuthoringComponent.type))))
        guard let index = site.menus.firstIndex(where: { $0.id == "main" }) else { return }
        site.menus[index].items += [
            NavigationMenu.Item("Channel programme", .page("channel-programme"), audienceID: "employees"),
            NavigationMenu.Item("Knowledge authoring", .page("knowledge-authoring"), audienceID: "knowledge-authors"),
        ]
    }

    /// First run only: the tier 1 queue, the account self-registered members join, a billing case
    /// from Kim waiting in the queue, and a registration waiting for review.
    static func seed(_ community: Community) throws {
        try community.store.write { tx in
            try tx.put(Queue(id: "tier1", name: "Tier 1 support", objects: ["Case"], members: [.user("sam")]))
            try tx.put(Account(id: helpMembersAccount, name: "Help Center members", owner: "sam"))
            try tx.put(SiteRegistration(id: "reg-jordan", siteID: "help", name: "Jordan Lee", email: "jordan@lee.example",
                                        locale: "en_US", status: .pending, createdAt: community.clock.now()))
        }
        // Cara works the lead pool; a lead no distribution rule matches waits there for her to offer it.
        try community.store.write { tx in
            try tx.put(Queue(id: community.leadDistribution.poolQueue, name: "Lead pool", objects: ["Lead"], members: [.user("cara")]))
            try tx.put(Lead(id: "lead-pool-2", firstName: "Min-jun", lastName: "Park", company: "Daehan Logistics", region: "APAC",
                            product: "Analytics", owner: .queue(community.leadDistribution.poolQueue)))
        }
        // An approved fund request Acme can claim against.
        let period = FundRequestsComponent.quarter(of: community.clock.now())
        let approved = try community.funds.requestFunds(3_000, for: "Regional roadshow", period: period, by: "mia", site: "partners")
        _ = try community.approvals.approve(approved.approval.id, by: "cara", comment: "Go ahead.")
        try community.cases.submit(CaseDraft(
            subject: "Invoice shows the wrong VAT number", description: "Our November invoice has last year's VAT number.",
            product: "Billing", site: "help"), by: "kim")
    }

    private static func append(_ component: ComponentInstance, toPage pageID: String, of site: inout Site) throws {
        guard var page = site.page(pageID), let main = page.layout.regions.firstIndex(where: { $0.name == "main" }) else { return }
        page.layout.regions[main].rows.append(Row(columns: [Column(span: .full, components: [component])]))
        try site.updatePage(page)
    }

    private static func layout(_ components: ComponentInstance...) -> PageLayout {
        PageLayout(regions: [
            Region(name: "header", rows: [Row(columns: [Column(components: [ComponentInstance(id: "header", type: "community.header", properties: ["menu": "main"])])])]),
            Region(name: "main", rows: [Row(columns: [Column(components: components)])]),
            Region(name: "footer", rows: [Row(columns: [Column(components: [ComponentInstance(id: "footer", type: "community.footer")])])]),
        ])
    }
}
