import CommunityAccess
import CommunityContent
import CommunityModel
import Foundation
import Synchronization

/// A community with authors, employees, customers, partners and guests; a category tree
/// with visibility rules; and the content services wired to one store, index and bus.
final class KnowledgeFixture: Sendable {
    let store = MemoryStore()
    let clock = ManualClock(SearchFixtures.epoch)
    let bus = EventBus()
    let index: MemorySearchIndex
    let access: AccessEngine
    let knowledge: KnowledgeService
    let indexer: KnowledgeSearchIndexer
    let topics: TopicService
    let experts = MemoryTopicExperts()
    let published = Mutex<[ArticlePublished]>([])

    static let author: ID<User> = "author"
    static let employee: ID<User> = "employee"
    static let customer: ID<User> = "customer"
    static let partner: ID<User> = "partner"
    static let emeaCustomer: ID<User> = "emeacustomer"
    static let moderator: ID<User> = "moderator"

    init() throws {
        index = MemorySearchIndex(clock: clock)
        try store.write { tx in
            try tx.put(Profile(id: "authorProfile", name: "Author", permissions: PermissionGrants(system: [.manageKnowledge])))
            try tx.put(Profile(id: "staff", name: "Staff", permissions: PermissionGrants(objects: ["Case": .crud])))
            try tx.put(Profile(id: "customerProfile", name: "Customer"))
            try tx.put(Profile(id: "partnerProfile", name: "Partner"))
            try tx.put(Profile(id: "moderatorProfile", name: "Moderator", permissions: PermissionGrants(system: [.manageCommunity])))
            try tx.put(PermissionSet(id: "emeaSet", name: "EMEA readers"))
            try tx.put(Account(id: "acme", name: "Acme", owner: "author"))
            try tx.put(Account(id: "partnerco", name: "PartnerCo", owner: "author", isPartner: true, partnerTier: .gold))
            try tx.put(Role(id: "ceo", name: "CEO"))
            try tx.put(User(id: Self.author, kind: .internal, name: "Ada Author", email: "ada@x.com", profileID: "authorProfile", roleID: "ceo"))
            try tx.put(User(id: Self.employee, kind: .internal, name: "Eve Employee", email: "eve@x.com", profileID: "staff"))
            try tx.put(User(id: Self.customer, kind: .customer, name: "Cy Customer", email: "cy@x.com", profileID: "customerProfile", accountID: "acme", isHighVolume: true))
            try tx.put(User(id: Self.emeaCustomer, kind: .customer, name: "Emma", email: "emma@x.com", profileID: "customerProfile", permissionSetIDs: ["emeaSet"], accountID: "acme", isHighVolume: true))
            try tx.put(User(id: Self.partner, kind: .partner, name: "Pat Partner", email: "pat@x.com", profileID: "partnerProfile", accountID: "partnerco"))
            try tx.put(User(id: Self.moderator, kind: .internal, name: "Mo", email: "mo@x.com", profileID: "moderatorProfile"))
            // Categories: products (all → billing → invoices, all → hardware), regions (emea, apac).
            try tx.put(DataCategoryGroup(id: "products", name: "Products"))
            try tx.put(DataCategory(id: "all", groupID: "products", name: "All products"))
            try tx.put(DataCategory(id: "billing", groupID: "products", parentID: "all", name: "Billing"))
            try tx.put(DataCategory(id: "invoices", groupID: "products", parentID: "billing", name: "Invoices"))
            try tx.put(DataCategory(id: "hardware", groupID: "products", parentID: "all", name: "Hardware"))
            try tx.put(DataCategoryGroup(id: "regions", name: "Regions"))
            try tx.put(DataCategory(id: "emea", groupID: "regions", name: "EMEA"))
            try tx.put(DataCategory(id: "apac", groupID: "regions", name: "APAC"))
            // Everyone sees products/billing (and so invoices); internal users see all products;
            // EMEA permission set holders see the EMEA region; employees see every region.
            try tx.put(DataCategoryVisibility(id: "v1", groupID: "products", audience: .everyone, scope: .categories(["billing"])))
            try tx.put(DataCategoryVisibility(id: "v2", groupID: "products", audience: .userKind(.internal), scope: .all))
            try tx.put(DataCategoryVisibility(id: "v3", groupID: "regions", audience: .permissionSet("emeaSet"), scope: .categories(["emea"])))
            try tx.put(DataCategoryVisibility(id: "v4", groupID: "regions", audience: .profile("staff"), scope: .all))
            try tx.put(DataCategoryVisibility(id: "v5", groupID: "products", audience: .principal(.role("ceo")), scope: .all))
        }
        access = try AccessEngine(store: store)
        knowledge = KnowledgeService(store: store, index: index, access: access, events: bus, clock: clock)
        indexer = try KnowledgeSearchIndexer(store: store, index: index)
        topics = TopicService(store: store, index: index, access: access, experts: experts, clock: clock)
        bus.subscribe(ArticlePublished.self) { [weak self] event in self?.published.withLock { $0.append(event) } }
    }

    /// Creates and publishes an article.
    @discardableResult
    func publishedArticle(
        _ title: String, body: String = "", locale: String = "en_US", categories: [ID<DataCategory>] = [],
        channels: Set<KnowledgeChannel> = [.internal, .customer, .partner, .public]
    ) throws -> KnowledgeArticle {
        let article = try knowledge.createArticle(
            locale: locale, content: ArticleContent(title: title, body: body), categories: categories, channels: channels,
            by: Self.author)
        try knowledge.publish(article.id, locale: locale, by: Self.author)
        return article
    }

    func searchIDs(_ text: String, as user: ID<User>?, locale: String? = nil) throws -> [String] {
        try knowledge.search(SearchQuery(text, locale: locale), as: user).hits.map(\.key.id)
    }
}
