import CommunityContent
import CommunityModel
import Foundation
import Testing

@Suite struct KnowledgeVisibilityTests {
    typealias F = KnowledgeFixture

    @Test func channelsDecideWhoSees() throws {
        let f = try F()
        let internalOnly = try f.publishedArticle("Escalation playbook", channels: [.internal])
        let partnerOnly = try f.publishedArticle("Escalation for partners", channels: [.partner])
        let publicOne = try f.publishedArticle("Escalation overview", channels: [.public])
        func ids(_ user: ID<User>?) throws -> Set<String> {
            Set(try f.searchIDs("escalation", as: user).map { String($0.prefix { $0 != "/" }) })
        }
        #expect(try ids(F.employee) == [internalOnly.id.rawValue])
        #expect(try ids(F.partner) == [partnerOnly.id.rawValue])
        #expect(try ids(nil) == [publicOne.id.rawValue])
        #expect(try ids(F.customer).isEmpty)
        #expect(try ids(F.author).count == 3)  // manageKnowledge sees all
        #expect(try f.knowledge.read(partnerOnly.id, locale: "en_US", as: F.customer) == nil)
        #expect(try f.knowledge.read(partnerOnly.id, locale: "en_US", as: F.partner) != nil)
    }

    @Test func categoryVisibilityIncludesChildrenAndNeedsEveryGroup() throws {
        let f = try F()
        let invoices = try f.publishedArticle("Gadget invoices", categories: ["invoices"])
        let hardware = try f.publishedArticle("Gadget hardware", categories: ["hardware"])
        let emeaInvoices = try f.publishedArticle("Gadget EMEA invoices", categories: ["invoices", "emea"])
        let apac = try f.publishedArticle("Gadget APAC", categories: ["apac"])
        func ids(_ user: ID<User>?) throws -> Set<String> {
            Set(try f.searchIDs("gadget", as: user).map { String($0.prefix { $0 != "/" }) })
        }
        // Customers: products/billing (and its child invoices) for everyone; no region.
        #expect(try ids(F.customer) == [invoices.id.rawValue])
        // EMEA permission set adds the EMEA region: an article in both groups needs both.
        #expect(try ids(F.emeaCustomer) == [invoices.id.rawValue, emeaInvoices.id.rawValue])
        // Employees: all products (internal kind) and all regions (staff profile).
        #expect(try ids(F.employee) == [invoices.id.rawValue, hardware.id.rawValue, emeaInvoices.id.rawValue, apac.id.rawValue])
        // Guest: billing only.
        #expect(try ids(nil) == [invoices.id.rawValue])
        // Single reads agree with search.
        #expect(try f.knowledge.canRead(hardware.id, as: F.customer) == false)
        #expect(try f.knowledge.canRead(invoices.id, as: F.customer))
    }

    @Test func visibilityChangesFollowAtOnce() throws {
        let f = try F()
        let article = try f.publishedArticle("Gizmo manual", categories: ["hardware"])
        #expect(try f.searchIDs("gizmo", as: F.customer).isEmpty)
        try f.knowledge.setCategories(article.id, ["billing"], by: F.author)
        #expect(try f.searchIDs("gizmo", as: F.customer).count == 1)
        try f.knowledge.setChannels(article.id, [.internal], by: F.author)
        #expect(try f.searchIDs("gizmo", as: F.customer).isEmpty)
        #expect(f.indexer.errors.isEmpty)
    }

    @Test func pagesStayFullUnderVisibility() throws {
        let f = try F()
        for i in 0..<12 { try f.publishedArticle("Widget guide \(i)", categories: [i % 2 == 0 ? "hardware" : "billing"]) }
        let first = try f.knowledge.search(SearchQuery("widget", limit: 4), as: F.customer)
        #expect(first.totalCount == 6)
        #expect(first.hits.count == 4)
        let second = try f.knowledge.search(SearchQuery("widget", offset: 4, limit: 4), as: F.customer)
        #expect(second.hits.count == 2)
        #expect(Set(first.hits.map(\.key) + second.hits.map(\.key)).count == 6)
    }

    @Test func inactiveOrUnknownUsersSeeOnlyPublic() throws {
        let f = try F()
        try f.publishedArticle("Secret roadmap", channels: [.internal])
        try f.publishedArticle("Public roadmap", channels: [.public])
        #expect(try f.searchIDs("roadmap", as: "nobody").count == 1)
    }
}
