import CommunityContent
import CommunityModel
import Foundation
import Testing

@Suite struct TopicTests {
    typealias F = KnowledgeFixture

    @Test func createRenameUniqueAndPermissions() throws {
        let f = try F()
        let billing = try f.topics.createTopic(name: "Billing", by: F.moderator)
        #expect(throws: TopicError.duplicateName("billing", existing: billing.id.rawValue)) {
            try f.topics.createTopic(name: " BILLING ", by: F.moderator)
        }
        #expect(throws: TopicError.notAllowed(user: "customer", action: "create topics")) {
            try f.topics.createTopic(name: "Spam", by: F.customer)
        }
        #expect(throws: TopicError.emptyName) { try f.topics.createTopic(name: "  !! ", by: F.moderator) }
        try f.topics.rename(billing.id, to: "Abrechnung", by: F.moderator)
        #expect(try f.topics.topic(billing.id)?.name == "Abrechnung")
    }

    @Test func topicPageShowsOnlyVisibleItemsAndExperts() throws {
        let f = try F()
        let topic = try f.topics.createTopic(name: "Invoices", by: F.moderator)
        let open = try f.publishedArticle("Invoice FAQ", channels: [.customer, .internal])
        let closed = try f.publishedArticle("Invoice internals", channels: [.internal])
        try f.topics.assign(topic.id, to: TopicTarget(type: .article, id: open.id.rawValue), by: F.moderator)
        try f.topics.assign(topic.id, to: TopicTarget(type: .article, id: closed.id.rawValue), by: F.moderator)
        f.experts.record(F.employee, on: topic.id, points: 10)
        f.experts.record(F.partner, on: topic.id, points: 30)
        let customerPage = try f.topics.page(topic.id, as: F.customer)
        #expect(customerPage.articles.map(\.key.id) == ["\(open.id.rawValue)/en_US"])
        #expect(customerPage.counts == [.article: 1])
        #expect(customerPage.questions.isEmpty && customerPage.discussions.isEmpty)
        #expect(customerPage.experts.map(\.userID) == [F.partner, F.employee])
        #expect(try f.topics.page(topic.id, as: F.employee).articles.count == 2)
        // Names compare folded: any case and spacing means the same topic.
        #expect(try f.topics.topic(named: "  INVOICES ")?.id == topic.id)
        #expect(try f.topics.topic(named: "Invoice") == nil)
        #expect(try f.topics.topic(named: "") == nil)
        #expect(try f.topics.topics(of: TopicTarget(type: .article, id: open.id.rawValue)).map(\.id) == [topic.id])
    }

    @Test func mergeMovesAssignmentsWithoutDuplicates() throws {
        let f = try F()
        let a = try f.topics.createTopic(name: "Passwords", by: F.moderator)
        let b = try f.topics.createTopic(name: "Sign-in", by: F.moderator)
        let article = try f.publishedArticle("Reset password")
        let target = TopicTarget(type: .article, id: article.id.rawValue)
        try f.topics.assign(a.id, to: target, by: F.moderator)
        try f.topics.assign(b.id, to: target, by: F.moderator)
        try f.topics.assign(a.id, to: TopicTarget(type: .idea, id: "i1"), by: F.moderator)
        try f.topics.setNavigational(a.id, order: 1, by: F.moderator)
        try f.topics.merge(a.id, into: b.id, by: F.moderator)
        #expect(try f.topics.topics(of: target).map(\.id) == [b.id])
        #expect(try f.topics.topics(of: TopicTarget(type: .idea, id: "i1")).map(\.id) == [b.id])
        #expect(try f.topics.topic(a.id)?.id == b.id)  // follows the merge
        #expect(try f.topics.topic(named: "passwords")?.id == b.id)  // so does the merged topic's name
        #expect(try f.topics.navigationalTopics().isEmpty)
        #expect(throws: TopicError.unknownTopic(a.id.rawValue)) { try f.topics.assign(a.id, to: target, by: F.moderator) }
        #expect(throws: TopicError.mergeIntoItself(b.id.rawValue)) { try f.topics.merge(b.id, into: b.id, by: F.moderator) }
        // The search index follows the assignment change.
        let hits = try f.knowledge.search(SearchQuery("", topics: [b.id.rawValue]), as: F.author)
        #expect(hits.hits.map(\.key.id) == ["\(article.id.rawValue)/en_US"])
    }

    @Test func navigationalAndFeaturedOrder() throws {
        let f = try F()
        let x = try f.topics.createTopic(name: "X", by: F.moderator)
        let y = try f.topics.createTopic(name: "Y", by: F.moderator)
        let z = try f.topics.createTopic(name: "Z", by: F.moderator)
        try f.topics.setNavigational(z.id, order: 1, by: F.moderator)
        try f.topics.setNavigational(x.id, order: 2, by: F.moderator)
        try f.topics.setFeatured(y.id, order: 5, by: F.moderator)
        #expect(try f.topics.navigationalTopics().map(\.id) == [z.id, x.id])
        #expect(try f.topics.featuredTopics().map(\.id) == [y.id])
        try f.topics.setNavigational(z.id, order: nil, by: F.moderator)
        #expect(try f.topics.navigationalTopics().map(\.id) == [x.id])
    }

    @Test func suggestTopicsFromTextInThreeLanguages() throws {
        let f = try F()
        let pw = try f.topics.createTopic(name: "Password reset", by: F.moderator)
        let rechnung = try f.topics.createTopic(name: "Rechnung", by: F.moderator)
        let ko = try f.topics.createTopic(name: "비밀번호", by: F.moderator)
        #expect(try f.topics.suggestTopics(for: "How do I reset my passwords?", locale: "en_US").map(\.id) == [pw.id])
        #expect(try f.topics.suggestTopics(for: "Meine Rechnungen sind falsch", locale: "de_DE").map(\.id) == [rechnung.id])
        #expect(try f.topics.suggestTopics(for: "비밀번호를 잊어버렸어요", locale: "ko_KR").map(\.id) == [ko.id])
    }
}
