public import CommunityModel
import Foundation

extension KnowledgeService {
    /// Records a member's "was this helpful?" answer; answering again changes it. `site` is the
    /// site the member answered in (`nil`: outside any site); the latest answer's site counts.
    public func giveFeedback(_ articleID: ID<KnowledgeArticle>, helpful: Bool, by user: ID<User>, site: String? = nil) throws {
        try requireReader(articleID, user)
        let now = clock.now()
        let previous = try store.write { tx -> Bool? in
            let feedback = ArticleFeedback(articleID: articleID, userID: user, helpful: helpful, at: now, siteID: site)
            let old = try tx.value(feedback.id)
            var stats = try tx.value(articleID.retyped(as: ArticleStats.self)) ?? ArticleStats(articleID: articleID)
            if let old { if old.helpful { stats.helpful -= 1 } else { stats.notHelpful -= 1 } }
            if helpful { stats.helpful += 1 } else { stats.notHelpful += 1 }
            try tx.put(feedback)
            try tx.put(stats)
            return old?.helpful
        }
        events.publish(ArticleFeedbackGiven(articleID: articleID, userID: user, helpful: helpful, previous: previous, occurredAt: now))
    }

    /// Records a member's star rating (1–5); rating again replaces it. `site` is the site the
    /// member rated in (`nil`: outside any site).
    public func rate(_ articleID: ID<KnowledgeArticle>, stars: Int, by user: ID<User>, site: String? = nil) throws {
        guard (1...5).contains(stars) else { throw KnowledgeError.invalidRating("\(stars) stars, expected 1 to 5") }
        try requireReader(articleID, user)
        let now = clock.now()
        try store.write { tx in
            let rating = ArticleRating(articleID: articleID, userID: user, stars: stars, at: now, siteID: site)
            var stats = try tx.value(articleID.retyped(as: ArticleStats.self)) ?? ArticleStats(articleID: articleID)
            if let old = try tx.value(rating.id) {
                stats.ratingSum -= old.stars
                stats.ratingCount -= 1
            }
            stats.ratingSum += stars
            stats.ratingCount += 1
            try tx.put(rating)
            try tx.put(stats)
        }
    }

    /// Counts a view: once per member and period, in the site of the period's first view
    /// (`site`; `nil`: outside any site). Returns whether this view counted.
    @discardableResult
    public func recordView(_ articleID: ID<KnowledgeArticle>, by user: ID<User>, site: String? = nil) throws -> Bool {
        try requireReader(articleID, user)
        return try count(articleID, as: user, site: site)
    }

    /// Counts a view by someone who is not signed in: once per `visitor` (an opaque key for the
    /// guest's browser session, never a secret itself) and period. `reader` is whom the article
    /// must be visible to: `nil` for the anonymous guest, or a site's guest user; `site` is where it was viewed. Returns whether
    /// this view counted.
    @discardableResult
    public func recordGuestView(_ articleID: ID<KnowledgeArticle>, visitor: String, as reader: ID<User>? = nil, site: String? = nil) throws -> Bool {
        guard try article(articleID) != nil else { throw KnowledgeError.unknownArticle(articleID.rawValue) }
        guard try canRead(articleID, as: reader) else {
            throw KnowledgeError.notAllowed(user: reader?.rawValue ?? "guest", action: "read article \(articleID.rawValue)")
        }
        let visitorID: ID<User> = StableID.make("guest", visitor)
        return try count(articleID, as: visitorID, site: site)
    }

    private func count(_ articleID: ID<KnowledgeArticle>, as user: ID<User>, site: String?) throws -> Bool {
        let now = clock.now().timeIntervalSince1970
        let periodStart = Date(timeIntervalSince1970: (now / viewPeriod).rounded(.down) * viewPeriod)
        let view = ArticleViewRecord(articleID: articleID, userID: user, periodStart: periodStart, siteID: site)
        // Most page views repeat one already counted: answer those from a snapshot, without a write.
        if try store.snapshot().get(view.id) != nil { return false }
        return try store.write { tx -> Bool in
            guard try tx.get(view.id) == nil else { return false }
            var stats = try tx.value(articleID.retyped(as: ArticleStats.self)) ?? ArticleStats(articleID: articleID)
            stats.views += 1
            try tx.put(view, expecting: .absent)
            try tx.put(stats)
            return true
        }
    }

    /// The article's engagement totals.
    public func stats(_ articleID: ID<KnowledgeArticle>) throws -> ArticleStats {
        try store.snapshot().value(articleID.retyped(as: ArticleStats.self)) ?? ArticleStats(articleID: articleID)
    }

    func requireReader(_ articleID: ID<KnowledgeArticle>, _ user: ID<User>) throws {
        guard try article(articleID) != nil else { throw KnowledgeError.unknownArticle(articleID.rawValue) }
        guard try canRead(articleID, as: user) else {
            throw KnowledgeError.notAllowed(user: user.rawValue, action: "read article \(articleID.rawValue)")
        }
    }
}
