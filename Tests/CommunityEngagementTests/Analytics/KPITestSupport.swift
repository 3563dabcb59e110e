import CommunityModel
import CommunityContent
import CommunityTesting
import Foundation

@testable import CommunityEngagement

/// Builders of the entities the KPIs read, at a base time of 2026-01-01.
enum K {
    static let base = Date(timeIntervalSince1970: 1_767_225_600)
    static let day0 = KPIDay.number(of: base)
    static func at(day: Int, hours: Double = 0) -> Date { base.addingTimeInterval(Double(day) * 86_400 + hours * 3600) }
    static let body = SanitizedHTML(escaping: "text")

    static func user(_ id: String, _ kind: User.Kind, active: Bool = true, site: String? = nil, joined: Date? = nil) -> User {
        User(id: ID(id), kind: kind, name: id, email: "\(id)@x.example", isActive: active, profileID: "p",
             accountID: kind.isExternal ? "acme" : nil, siteID: site, joinedAt: joined)
    }
    static func post(_ id: String, by author: String, site: String?, day: Int, likers: [String] = [], group: String? = nil,
                     topics: [String] = [], status: PublicationStatus = .published) -> FeedItem {
        FeedItem(id: ID(id), authorID: ID(author), kind: .text, parent: group.map { .group(ID($0)) } ?? .member(ID(author)), body: body,
                 topics: topics, createdAt: at(day: day), status: status, likers: Set(likers.map { ID($0) }), siteID: site)
    }
    static func comment(_ id: String, by author: String, day: Int, likers: [String] = []) -> Comment {
        Comment(id: ID(id), subject: .item("f0"), authorID: ID(author), body: body, createdAt: at(day: day), likers: Set(likers.map { ID($0) }))
    }
    static func question(_ id: String, by asker: String, site: String?, day: Int, best: String? = nil, upvoters: [String] = [],
                         topics: [String] = [], group: String? = nil) -> Question {
        Question(id: ID(id), askerID: ID(asker), title: "Q", body: body, topics: topics, groupID: group.map { ID($0) }, createdAt: at(day: day),
                 bestAnswerID: best.map { ID($0) }, upvoters: Set(upvoters.map { ID($0) }), siteID: site)
    }
    static func answer(_ id: String, to question: String, by author: String, day: Int, hours: Double = 0, published: Bool = true) -> Answer {
        Answer(id: ID(id), questionID: ID(question), authorID: ID(author), body: body, createdAt: at(day: day, hours: hours),
               publication: published ? .published : .removed)
    }
    static func idea(_ id: String, by author: String, site: String?, day: Int, voters: [(String, Int)] = []) -> Idea {
        Idea(id: ID(id), zoneID: "z", authorID: ID(author), title: "I", body: body,
             votes: Dictionary(voters.map { (ID<User>($0.0), Idea.Vote(value: 1, at: at(day: $0.1))) }) { a, _ in a },
             createdAt: at(day: day), siteID: site)
    }
    static func search(_ id: String, site: String?, query: String, results: Int, day: Int, click: Int? = nil, viewer: String? = nil) -> SearchQueryLogEntry {
        var entry = SearchQueryLogEntry(siteID: site, query: query, resultCount: results, viewerID: viewer.map { ID($0) }, at: at(day: day))
        entry.id = ID(id)
        entry.clickedPosition = click
        return entry
    }
    static func theCase(_ id: String, day: Int, site: String? = nil) -> Case {
        Case(id: ID(id), subject: "S", createdAt: at(day: day), owner: .user("u"), siteID: site)
    }
    static func tracking(_ caseID: String, day: Int, respondedAfter: Double?, closedAfter: Double?) -> CaseTracking {
        var t = CaseTracking(caseID: ID(caseID), raisedBy: nil, supportLevel: "standard")
        t.firstResponseAt = respondedAfter.map { at(day: day, hours: $0) }
        t.closedAt = closedAfter.map { at(day: day, hours: $0) }
        return t
    }
    static func survey(_ id: String, case caseID: String, csat: Int, nps: Int, day: Int) -> CaseSurvey {
        CaseSurvey(id: ID(id), caseID: ID(caseID), userID: "u", csat: csat, nps: nps, comment: "", answeredAt: at(day: day))
    }
    static func opportunity(_ id: String, stage: String, amount: Decimal, partner: String?, site: String? = nil) -> Opportunity {
        Opportunity(id: ID(id), name: "O", accountID: nil, stage: stage, amount: amount, closeDate: Day(base),
                    partnerAccountID: partner.map { ID($0) }, owner: "u", siteID: site)
    }
    static func lead(_ id: String, status: Lead.Status, partner: String?, site: String? = nil) -> Lead {
        Lead(id: ID(id), lastName: "L", company: "C", status: status, partnerAccountID: partner.map { ID($0) }, owner: .user("u"), siteID: site)
    }
    static func deflection(_ id: String, outcome: DeflectionSession.Outcome, day: Int, site: String?) -> DeflectionSession {
        DeflectionSession(id: ID(id), userID: "ann", suggestions: [ArticleSuggestion(articleID: "kb1", title: "Printing")],
                          viewedArticleIDs: outcome == .deflected ? ["kb1"] : [], outcome: outcome, caseID: nil,
                          startedAt: at(day: day), endedAt: nil, siteID: site)
    }
    static func fundRequest(_ id: String, amount: Decimal, status: FundRequest.Status, day: Int, site: String?) -> FundRequest {
        FundRequest(id: ID(id), partnerAccountID: "acme", requestedBy: "ann", period: "2026-Q1", activity: "Event", amount: amount,
                    claimed: 0, status: status, requestedAt: at(day: day), siteID: site)
    }
    static func fundClaim(_ id: String, request: String, amount: Decimal, day: Int, site: String?) -> FundClaim {
        FundClaim(id: ID(id), requestID: ID(request), claimedBy: "ann", amount: amount, proof: "invoice", status: .approved,
                  claimedAt: at(day: day), siteID: site)
    }
    static func moderation(_ item: String, memberFlag: Bool, status: ModerationCase.Status, day: Int, decidedAfter: Double? = nil) -> ModerationCase {
        var m = ModerationCase(subject: .item(ID(item)), authorID: "u", sources: [memberFlag ? .memberFlags : .keywordRule("r")],
                               status: status, openedAt: at(day: day))
        m.decidedAt = decidedAfter.map { at(day: day, hours: $0) }
        return m
    }

    static func put(_ entities: [any Entity], in store: any Store) throws {
        try store.write { tx in
            for entity in entities {
                func put<E: Entity>(_ e: E) throws { try tx.put(e) }
                try put(entity)
            }
        }
    }

    /// Every day of a test's range.
    static let days = (day0 - 30)...(day0 + 60)
}
