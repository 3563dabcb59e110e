import CommunityModel
import Foundation

/// Turns engagement events into reputation points, applying the farming limits: no points
/// for acting on one's own content, one award per member and subject for likes, votes and
/// best answers (so toggling earns nothing more), and daily caps per action and in total.
enum ReputationEngine {
    static func subscribe(_ engine: Engagement) -> [EventSubscription] {
        let bus = engine.bus
        weak let weakEngine = engine
        func on<E: DomainEvent>(_ type: E.Type, _ handle: @escaping @Sendable (Engagement, E) throws -> Void) -> EventSubscription {
            bus.subscribe(type) { event in
                guard let engine = weakEngine else { return }
                try? handle(engine, event)
            }
        }
        return [
            on(CommentPosted.self) { engine, e in
                guard e.status == .published else { return }
                try award(engine, e.authorID, .comment, topics: try topics(of: e.subject, engine), once: nil, site: try site(of: e.subject, engine))
            },
            on(QuestionAnswered.self) { engine, e in
                guard e.status == .published, e.authorID != e.askerID else { return }
                try award(engine, e.authorID, .answer, topics: try topics(of: .question(e.questionID), engine), once: nil,
                    site: try site(of: .question(e.questionID), engine))
            },
            on(ContentLiked.self) { engine, e in
                guard e.likerID != e.authorID else { return }
                try award(engine, e.authorID, .likeReceived, topics: try topics(of: e.subject, engine),
                    once: StableID.make(prefix: "like", e.likerID.rawValue, e.subject.description), site: try site(of: e.subject, engine))
            },
            on(BestAnswerChosen.self) { engine, e in
                guard e.answerAuthorID != e.askerID else { return }
                try award(engine, e.answerAuthorID, .bestAnswer, topics: try topics(of: .question(e.questionID), engine),
                    once: StableID.make(prefix: "best", e.questionID.rawValue, e.answerID.rawValue),
                    site: try site(of: .question(e.questionID), engine))
            },
            on(IdeaVoted.self) { engine, e in
                guard e.value == 1, e.voterID != e.authorID else { return }
                try award(engine, e.authorID, .ideaVoteReceived, topics: [],
                    once: StableID.make(prefix: "ivote", e.voterID.rawValue, e.ideaID.rawValue), site: try site(of: .idea(e.ideaID), engine))
            },
            on(IdeaSubmitted.self) { engine, e in
                try award(engine, e.authorID, .idea, topics: [], once: nil, site: try site(of: .idea(e.ideaID), engine))
            },
        ]
    }

    static func topics(of subject: ContentRef, _ engine: Engagement) throws -> [String] {
        let s = engine.store.snapshot()
        switch subject {
        case .item(let id): return try s.value(id)?.topics ?? []
        case .question(let id): return try s.value(id)?.topics ?? []
        case .answer(let id):
            guard let a = try s.value(id) else { return [] }
            return try s.value(a.questionID)?.topics ?? []
        case .comment(let id):
            guard let c = try s.value(id), c.subject != subject else { return [] }
            return try topics(of: c.subject, engine)
        default: return []
        }
    }

    /// The site a piece of content belongs to (answers and comments: their parent's).
    static func site(of subject: ContentRef, _ engine: Engagement) throws -> String? {
        let s = engine.store.snapshot()
        switch subject {
        case .item(let id): return try s.value(id)?.siteID
        case .question(let id): return try s.value(id)?.siteID
        case .idea(let id): return try s.value(id)?.siteID
        case .group(let id): return try s.value(id)?.siteID
        case .answer(let id):
            guard let a = try s.value(id) else { return nil }
            return try s.value(a.questionID)?.siteID
        case .comment(let id):
            guard let c = try s.value(id), c.subject != subject else { return nil }
            return try site(of: c.subject, engine)
        default: return nil
        }
    }

    /// Awards an action's points to a member, within the caps; `once` makes the award
    /// idempotent per subject (the ledger entry's id); `site` is where the points were earned.
    static func award(
        _ engine: Engagement, _ member: ID<User>, _ action: ReputationRules.Action, topics: [String], once: ID<PointsEntry>?,
        points override: Int? = nil, site: String? = nil
    ) throws {
        let rules = engine.configuration.reputation
        guard (override ?? rules.points[action] ?? 0) > 0 else { return }
        try engine.perform { tx, effects -> Bool? in
            try award(engine, member, action, topics: topics, once: once, points: override, site: site, rules: rules, in: tx, effects)
            return true
        }
    }

    /// Awards an action's points inside the caller's transaction (the write that earned them),
    /// publishing the point, level and badge events with the write's own events.
    static func award(
        _ engine: Engagement, _ member: ID<User>, _ action: ReputationRules.Action, topics: [String], once: ID<PointsEntry>?,
        points override: Int? = nil, site: String? = nil, rules: ReputationRules, in tx: any StoreTransaction, _ effects: WriteEffects
    ) throws {
        let base = override ?? rules.points[action] ?? 0
        guard base > 0 else { return }
        if let once, try tx.get(once) != nil { return }
        let now = engine.clock.now()
        let day = dayKey(now)
        var account = try tx.value(member.retyped(as: ReputationAccount.self)) ?? ReputationAccount(memberID: member)
        if account.day != day {
            account.day = day
            account.today = 0
            account.todayByAction = [:]
        }
        var grant = base
        if let cap = rules.dailyCaps[action] { grant = min(grant, cap - (account.todayByAction[action] ?? 0)) }
        if let cap = rules.dailyTotalCap { grant = min(grant, cap - account.today) }
        var entry = PointsEntry(memberID: member, action: action, points: max(0, grant), topics: topics, at: now, siteID: site)
        if let once { entry.id = once }
        try tx.put(entry)  // recorded even at 0 points, so a capped like is not re-awarded tomorrow
        guard grant > 0 else { return }
        let oldLevel = account.level
        account.points += grant
        account.today += grant
        account.todayByAction[action, default: 0] += grant
        account.counts[action, default: 0] += 1
        for t in topics { account.topicPoints[t, default: 0] += grant }
        account.level = rules.level(for: account.points)?.name
        try tx.put(account)
        if let site {
            // The member's standing in the site the points were earned in (site leaderboards, levels).
            let id = SiteReputation.id(site: site, member: member)
            var standing = try tx.value(id) ?? SiteReputation(site: site, memberID: member)
            standing.points += grant
            for t in topics { standing.topicPoints[t, default: 0] += grant }
            standing.level = rules.level(for: standing.points)?.name
            try tx.put(standing)
        }
        effects.publish(PointsAwarded(memberID: member, action: action, points: grant, total: account.points, occurredAt: now))
        if account.level != oldLevel, let level = rules.level(for: account.points), level.threshold > 0 {
            effects.publish(LevelReached(memberID: member, level: level, occurredAt: now))
        }
        try awardBadges(account, tx, effects, engine)
    }

    /// Awards every automatic badge whose criteria the account now meets.
    static func awardBadges(_ account: ReputationAccount, _ tx: any StoreTransaction, _ effects: WriteEffects, _ engine: Engagement) throws {
        for badge in try tx.all(Badge.self).map(\.value) {
            guard let criteria = badge.criteria else { continue }
            let met: Bool
            switch criteria {
            case .points(let n): met = account.points >= n
            case .count(let action, let n): met = (account.counts[action] ?? 0) >= n
            case .topicPoints(let topic, let n): met = (account.topicPoints[Topics.normalise(topic)] ?? 0) >= n
            }
            guard met, try tx.get(BadgeAward.id(badge: badge.id, member: account.memberID)) == nil else { continue }
            try tx.put(BadgeAward(badgeID: badge.id, memberID: account.memberID, awardedBy: nil, reason: "criteria met", at: engine.clock.now()))
            effects.publish(BadgeAwarded(memberID: account.memberID, badgeID: badge.id, awardedBy: nil, occurredAt: engine.clock.now()))
        }
    }

    static func dayKey(_ date: Date) -> String {
        let days = (date.timeIntervalSince1970 / 86_400).rounded(.down)
        // A clock outside Int64's range (or NaN) still gets a key instead of a trap.
        return "d" + (Int64(exactly: days).map(String.init) ?? "\(days)")
    }
}
