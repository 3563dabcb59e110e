public import CommunityModel
public import Foundation

/// Points, levels, badges, leaderboards, experts and recommendations.
public struct Reputation: Sendable {
    let engine: Engagement

    /// A member's account (zero points when they have none yet).
    public func account(of memberID: ID<User>) throws -> ReputationAccount {
        try engine.store.snapshot().value(memberID.retyped(as: ReputationAccount.self)) ?? ReputationAccount(memberID: memberID)
    }

    /// A member's level.
    public func level(of memberID: ID<User>) throws -> ReputationLevel? {
        engine.configuration.reputation.level(for: try account(of: memberID).points)
    }

    /// A member's standing in one site: the points earned from that site's content (zero when
    /// none yet).
    public func standing(of memberID: ID<User>, site: String) throws -> SiteReputation {
        try engine.store.snapshot().value(SiteReputation.id(site: site, member: memberID)) ?? SiteReputation(site: site, memberID: memberID)
    }

    /// A member's level in one site, from the points earned there.
    public func level(of memberID: ID<User>, site: String) throws -> ReputationLevel? {
        engine.configuration.reputation.level(for: try standing(of: memberID, site: site).points)
    }

    /// The top members of one site, by the points earned from that site's content.
    public func leaderboard(site: String, limit: Int = 10) throws -> [LeaderboardEntry] {
        let standings = try engine.store.snapshot().query(Query<SiteReputation>().where("siteID", equals: .text(site)))
        return Array(ranked(standings.map { ($0.value.memberID, $0.value.points) }.filter { $0.1 > 0 }).prefix(max(0, limit)))
    }

    /// Records that a member's article was marked helpful by `voterID` (Content calls this, or
    /// a host relays Content's event); once per voter and article, never for one's own article.
    /// Pass the site the vote was cast in to count the points in that site's reputation too.
    public func articleMarkedHelpful(
        articleID: String, author: ID<User>, by voterID: ID<User>, topics: [String] = [], site: String? = nil
    ) throws {
        guard author != voterID else { return }
        try ReputationEngine.award(engine, author, .articleHelpful, topics: topics.map(Topics.normalise),
            once: StableID.make(prefix: "helpful", voterID.rawValue, articleID), site: site)
    }

    /// Defines a badge (moderators).
    public func defineBadge(_ badge: Badge, by memberID: ID<User>) throws {
        try engine.checkText(badge.name, field: "Badge.Name", max: 80)
        try engine.perform { tx, _ -> Bool? in
            guard engine.isModerator(memberID) else { throw EngagementError.notAllowed(action: "define", subject: "badges") }
            try tx.put(badge)
            return true
        }
    }

    /// Awards a badge by hand (moderators, as community managers).
    public func award(_ badgeID: ID<Badge>, to memberID: ID<User>, reason: String, by managerID: ID<User>) throws {
        try engine.perform { tx, effects -> Bool? in
            guard engine.isModerator(managerID) else { throw EngagementError.notAllowed(action: "award", subject: "badge \(badgeID)") }
            _ = try engine.member(memberID, in: tx)
            guard try tx.value(badgeID) != nil else { throw EngagementError.conflict("no badge \(badgeID)") }
            guard try tx.get(BadgeAward.id(badge: badgeID, member: memberID)) == nil else { return true }
            try tx.put(BadgeAward(badgeID: badgeID, memberID: memberID, awardedBy: managerID, reason: reason, at: engine.clock.now()))
            effects.publish(BadgeAwarded(memberID: memberID, badgeID: badgeID, awardedBy: managerID, occurredAt: engine.clock.now()))
            return true
        }
    }

    /// The badges a member holds.
    public func badges(of memberID: ID<User>) throws -> [BadgeAward] {
        try engine.store.snapshot().query(Query<BadgeAward>().where("memberID", equals: .reference(memberID.rawValue)))
            .map(\.value).sorted { $0.at != $1.at ? $0.at < $1.at : $0.id < $1.id }
    }

    /// The top members overall.
    public func leaderboard(limit: Int = 10) throws -> [LeaderboardEntry] {
        // Ranks every account in memory: an index on points would cost each award two index
        // writes, and neither store orders through an index anyway.
        let accounts = try engine.store.snapshot().all(ReputationAccount.self)
        return Array(ranked(accounts.map { ($0.value.memberID, $0.value.points) }).prefix(max(0, limit)))
    }

    /// The top members in a topic.
    public func leaderboard(topic: String, limit: Int = 10) throws -> [LeaderboardEntry] {
        let t = Topics.normalise(topic)
        let rows = try engine.store.snapshot().all(ReputationAccount.self).compactMap { a -> (ID<User>, Int)? in
            guard let p = a.value.topicPoints[t], p > 0 else { return nil }
            return (a.value.memberID, p)
        }
        return Array(ranked(rows).prefix(limit))
    }

    /// The top members by points earned in `[from, to)`.
    public func leaderboard(from: Date, to: Date, limit: Int = 10) throws -> [LeaderboardEntry] {
        let entries = try engine.store.snapshot().query(
            Query<PointsEntry>().filter("at", .range(lower: .dateTime(from), upper: .dateTime(to))))
        var sums: [ID<User>: Int] = [:]
        for e in entries { sums[e.value.memberID, default: 0] += e.value.points }
        return Array(ranked(sums.filter { $0.value > 0 }.map { ($0.key, $0.value) }).prefix(limit))
    }

    private func ranked(_ rows: [(ID<User>, Int)]) -> [LeaderboardEntry] {
        rows.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }.enumerated().map {
            LeaderboardEntry(memberID: $0.element.0, points: $0.element.1, rank: $0.offset + 1)
        }
    }

    /// Experts in a topic: members with at least `minimumPoints` there, best first.
    public func experts(topic: String, minimumPoints: Int = 20, limit: Int = 5) throws -> [LeaderboardEntry] {
        Array(try leaderboard(topic: topic, limit: .max).filter { $0.points >= minimumPoints }.prefix(limit))
    }

    /// A member's interests: topics they follow and earned points in, strongest first.
    func interests(of memberID: ID<User>) throws -> [String: Double] {
        var weights: [String: Double] = [:]
        for key in engine.index.followed(by: memberID) { if case .topic(let t) = key { weights[t, default: 0] += 3 } }
        for (t, p) in try account(of: memberID).topicPoints { weights[t, default: 0] += Double(p) / 10 + 1 }
        return weights
    }

    /// Experts the member might follow, from their interests (not themselves, not already followed).
    public func recommendedExperts(for memberID: ID<User>, limit: Int = 5) throws -> [Recommendation<ID<User>>] {
        let followed = engine.index.followed(by: memberID)
        var best: [ID<User>: (Double, String)] = [:]
        for (topic, weight) in try interests(of: memberID) {
            for e in try experts(topic: topic, minimumPoints: 1, limit: 20) where e.memberID != memberID && !followed.contains(.member(e.memberID)) {
                let score = weight * Double(e.points)
                if score > best[e.memberID]?.0 ?? 0 { best[e.memberID] = (score, "expert in \(topic)") }
            }
        }
        return best.map { Recommendation(subject: $0.key, score: $0.value.0, reason: $0.value.1) }
            .sorted { $0.score != $1.score ? $0.score > $1.score : $0.subject < $1.subject }.prefix(limit).map { $0 }
    }

    /// Groups the member might join: findable groups about their interests that they are not in.
    public func recommendedGroups(for memberID: ID<User>, limit: Int = 5) throws -> [Recommendation<ID<CommunityGroup>>] {
        let interests = try interests(of: memberID)
        var out: [Recommendation<ID<CommunityGroup>>] = []
        for g in try engine.store.snapshot().all(CommunityGroup.self).map(\.value)
        where g.visibility != .unlisted && !g.isArchived && !engine.index.isMember(memberID, of: g.id) {
            let shared = g.topics.filter { interests[$0] != nil }
            guard !shared.isEmpty else { continue }
            let members = engine.index.audience(g.id)?.members.count ?? 0
            let score = shared.reduce(0) { $0 + interests[$1, default: 0] } + log(Double(members) + 1)
            out.append(Recommendation(subject: g.id, score: score, reason: "about \(shared.sorted().joined(separator: ", "))"))
        }
        return out.sorted { $0.score != $1.score ? $0.score > $1.score : $0.subject < $1.subject }.prefix(limit).map { $0 }
    }

    /// Topics the member might follow: topics where the people and topics they follow are
    /// active, not yet followed.
    public func recommendedTopics(for memberID: ID<User>, limit: Int = 5) throws -> [Recommendation<String>] {
        let followed = engine.index.followed(by: memberID)
        var scores: [String: Double] = [:]
        let snapshot = engine.store.snapshot()
        for key in followed {
            guard case .member(let other) = key, let acct = try snapshot.value(other.retyped(as: ReputationAccount.self)) else { continue }
            for (t, p) in acct.topicPoints { scores[t, default: 0] += Double(p) }
        }
        for (t, w) in try interests(of: memberID) { scores[t, default: 0] += w }
        var out: [Recommendation<String>] = []
        for (topic, score) in scores where !followed.contains(.topic(topic)) {
            out.append(Recommendation(subject: topic, score: score, reason: "active among people you follow"))
        }
        out.sort { $0.score != $1.score ? $0.score > $1.score : $0.subject < $1.subject }
        return Array(out.prefix(limit))
    }
}
