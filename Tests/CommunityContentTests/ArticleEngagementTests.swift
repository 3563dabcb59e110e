import CommunityContent
import CommunityModel
import Foundation
import Synchronization
import Testing

@Suite struct ArticleEngagementTests {
    typealias F = KnowledgeFixture

    @Test func helpfulVotesAreOnePerMemberAndChangeable() throws {
        let f = try F()
        let a = try f.publishedArticle("Voting article")
        let events = Mutex<[ArticleFeedbackGiven]>([])
        f.bus.subscribe(ArticleFeedbackGiven.self) { e in events.withLock { $0.append(e) } }
        try f.knowledge.giveFeedback(a.id, helpful: true, by: F.customer)
        try f.knowledge.giveFeedback(a.id, helpful: true, by: F.customer)
        try f.knowledge.giveFeedback(a.id, helpful: true, by: F.employee)
        #expect(try f.knowledge.stats(a.id).helpful == 2)
        try f.knowledge.giveFeedback(a.id, helpful: false, by: F.customer)
        let stats = try f.knowledge.stats(a.id)
        #expect(stats.helpful == 1 && stats.notHelpful == 1)
        #expect(events.withLock { $0.last?.previous } == true)
    }

    @Test func ratingsReplaceAndValidate() throws {
        let f = try F()
        let a = try f.publishedArticle("Rated article")
        try f.knowledge.rate(a.id, stars: 5, by: F.customer)
        try f.knowledge.rate(a.id, stars: 3, by: F.customer)
        try f.knowledge.rate(a.id, stars: 4, by: F.employee)
        #expect(try f.knowledge.stats(a.id).averageRating == 3.5)
        #expect(throws: KnowledgeError.invalidRating("6 stars, expected 1 to 5")) { try f.knowledge.rate(a.id, stars: 6, by: F.customer) }
    }

    @Test func membersCannotEngageWithWhatTheyCannotSee() throws {
        let f = try F()
        let hidden = try f.publishedArticle("Hidden", channels: [.internal])
        #expect(throws: KnowledgeError.notAllowed(user: "customer", action: "read article \(hidden.id.rawValue)")) {
            try f.knowledge.giveFeedback(hidden.id, helpful: true, by: F.customer)
        }
        #expect(throws: KnowledgeError.unknownArticle("ka_missing")) { try f.knowledge.recordView("ka_missing", by: F.customer) }
    }

    @Test func viewsCountOncePerMemberPerPeriodAndFeedLists() throws {
        let f = try F()
        let a = try f.publishedArticle("Alpha article")
        f.clock.advance(by: 60)
        let b = try f.publishedArticle("Beta article")
        f.clock.advance(by: 60)
        let hidden = try f.publishedArticle("Internal article", channels: [.internal])
        #expect(try f.knowledge.recordView(a.id, by: F.customer))
        #expect(try !f.knowledge.recordView(a.id, by: F.customer))
        #expect(try f.knowledge.recordView(a.id, by: F.employee))
        #expect(try f.knowledge.recordView(b.id, by: F.customer))
        for _ in 0..<3 { try f.knowledge.recordView(hidden.id, by: F.employee) }
        try f.knowledge.recordView(hidden.id, by: F.author)
        try f.knowledge.recordView(hidden.id, by: F.moderator)
        f.clock.advance(by: 86_400)
        #expect(try f.knowledge.recordView(a.id, by: F.customer))  // a new day counts again
        try f.knowledge.recordView(hidden.id, by: F.employee)
        #expect(try f.knowledge.stats(a.id).views == 3)
        let most = try f.knowledge.mostViewed(locale: "en_US", as: F.customer)
        #expect(most.map(\.articleID) == [a.id, b.id])
        #expect(most.first?.figure == 3)
        #expect(try f.knowledge.mostViewed(locale: "en_US", as: F.employee).first?.articleID == hidden.id)
        #expect(try f.knowledge.recentlyUpdated(locale: "en_US", as: F.customer).map(\.articleID) == [b.id, a.id])
        let trending = try f.knowledge.trending(days: 0.5, locale: "en_US", as: F.customer)
        #expect(trending.map(\.articleID) == [a.id])
    }
}
