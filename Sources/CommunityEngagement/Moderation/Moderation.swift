public import CommunityModel
public import Foundation

/// Moderation: keyword rules and rate limits, member flags, the queue, decisions, freezing
/// and suspending members, and the audit log. Everything but flagging needs the
/// `moderateCommunity` permission.
public struct Moderation: Sendable {
    let engine: Engagement

    private func requireModerator(_ memberID: ID<User>) throws {
        guard engine.isModerator(memberID) else { throw EngagementError.notAllowed(action: "moderate", subject: "the community") }
    }

    // MARK: Rules

    /// Adds or replaces a keyword rule.
    public func save(_ rule: ModerationRule, by memberID: ID<User>) throws {
        try requireModerator(memberID)
        try engine.checkText(rule.name, field: "ModerationRule.Name", max: 80)
        guard !rule.keywords.isEmpty, rule.keywords.allSatisfy({ !$0.text.allSatisfy(\.isWhitespace) && $0.text.count <= 100 }) else {
            throw EngagementError.invalid(ValidationError(field: "ModerationRule.Keywords", reason: .invalidValue("1 or more keywords of 1 to 100 characters")))
        }
        try engine.perform { tx, _ -> Bool? in
            try tx.put(rule)
            try engine.audit(tx, actor: memberID, .edited, subject: "rule:\(rule.id)", detail: "keyword rule \(rule.name) saved (\(rule.action.rawValue))")
            return true
        }
    }

    /// Adds or replaces a rate limit.
    public func save(_ rule: RateLimitRule, by memberID: ID<User>) throws {
        try requireModerator(memberID)
        guard rule.maxItems >= 1, rule.windowMinutes > 0 else {
            throw EngagementError.invalid(ValidationError(field: "RateLimitRule", reason: .outOfRange("maxItems \(rule.maxItems), window \(rule.windowMinutes)")))
        }
        try engine.perform { tx, _ -> Bool? in
            try tx.put(rule)
            try engine.audit(tx, actor: memberID, .edited, subject: "rule:\(rule.id)", detail: "rate limit \(rule.name) saved")
            return true
        }
    }

    /// Removes a keyword rule.
    public func removeRule(_ id: ID<ModerationRule>, by memberID: ID<User>) throws {
        try requireModerator(memberID)
        try engine.perform { tx, _ -> Bool? in
            try tx.delete(id)
            try engine.audit(tx, actor: memberID, .removed, subject: "rule:\(id)", detail: "keyword rule removed")
            return true
        }
    }

    /// Screens a member name (nickname) before a host saves it: masked text, or a refusal.
    ///
    /// - Throws: ``EngagementError/blocked(rule:keywords:)`` when a block or freeze rule matches.
    public func screenMemberName(_ name: String, memberKind: User.Kind) throws -> String {
        try screenText(name, kind: .memberName, memberKind: memberKind)
    }

    /// Screens a file title before it is stored (``ContentKind/fileTitle`` rules): masked text, or a refusal.
    ///
    /// - Throws: ``EngagementError/blocked(rule:keywords:)`` when a block or freeze rule matches.
    public func screenFileTitle(_ title: String, memberKind: User.Kind) throws -> String {
        try screenText(title, kind: .fileTitle, memberKind: memberKind)
    }

    private func screenText(_ text: String, kind: ContentKind, memberKind: User.Kind) throws -> String {
        let screen = try engine.rules(in: engine.store.snapshot()).screen
        let verdict = screen.verdict(for: text, kind: kind, memberKind: memberKind)
        if let action = verdict.action, action >= .block, let rule = verdict.decisiveRule {
            throw EngagementError.blocked(rule: rule, keywords: verdict.keywords)
        }
        return screen.masked(text, kind: kind, memberKind: memberKind)
    }

    // MARK: Flags and the queue

    /// Flags content the member can see, with a reason; it enters the moderation queue.
    /// A member flags a piece of content once.
    public func flag(_ subject: ContentRef, reason: String, by memberID: ID<User>) throws {
        try engine.checkText(reason, field: "Flag.Reason", max: 1_000)
        try engine.perform { tx, effects -> Bool? in
            _ = try engine.writer(memberID, in: tx)
            let author = try engine.visibleAuthor(of: subject, viewer: memberID, in: tx)
            if let open = try tx.value(ModerationCase.id(for: subject)), open.status == .open,
                open.flags.contains(where: { $0.reporterID == memberID })
            {
                return true
            }
            let now = engine.clock.now()
            try engine.enqueue(tx, effects, subject: subject, author: author, sources: [.memberFlags],
                flag: ModerationCase.Flag(reporterID: memberID, reason: reason, at: now))
            try engine.audit(tx, actor: memberID, .flagged, subject: subject.description, detail: reason)
            effects.publish(ContentFlagged(subject: subject, reporterID: memberID, reason: reason, occurredAt: now))
            return true
        }
    }

    /// The open queue, oldest first. With a site, only that site's content and content of no
    /// site (members, engine-wide posts), as ``SiteScope`` says; `nil` is the engine-wide queue.
    public func queue(viewer: ID<User>, site: String? = nil) throws -> [ModerationCase] {
        try requireModerator(viewer)
        return try engine.store.snapshot().query(Query<ModerationCase>().where("status", equals: .picklist("open")))
            .map(\.value).filter { SiteScope.includes(try ReputationEngine.site(of: $0.subject, engine), in: site) }
            .sorted { $0.openedAt != $1.openedAt ? $0.openedAt < $1.openedAt : $0.id < $1.id }
    }

    /// Approves queued content: it is published (or stays published) and the case closes. With
    /// a site, an entry of another site's content is refused as unknown (as for the other decisions).
    public func approve(_ caseID: ID<ModerationCase>, site: String? = nil, by moderatorID: ID<User>) throws {
        try decide(caseID, .approved, by: moderatorID, newBody: nil, reason: "approved", site: site)
    }

    /// Removes queued content.
    public func remove(_ caseID: ID<ModerationCase>, reason: String, site: String? = nil, by moderatorID: ID<User>) throws {
        try decide(caseID, .removed, by: moderatorID, newBody: nil, reason: reason, site: site)
    }

    /// Replaces queued content's text and publishes it; the old text goes to the history.
    public func edit(_ caseID: ID<ModerationCase>, body: String, site: String? = nil, by moderatorID: ID<User>) throws {
        let html = try engine.sanitize(body, field: "Moderation.Body")
        try decide(caseID, .edited, by: moderatorID, newBody: html, reason: "edited by moderator", site: site)
    }

    private func decide(
        _ caseID: ID<ModerationCase>, _ decision: ModerationCase.Status, by moderatorID: ID<User>, newBody: SanitizedHTML?, reason: String,
        site: String?
    ) throws {
        try requireModerator(moderatorID)
        // On a site, another site's queue entry is as unknown as a missing one.
        if let entry = try engine.store.snapshot().value(caseID), !SiteScope.includes(try ReputationEngine.site(of: entry.subject, engine), in: site) {
            throw EngagementError.conflict("no moderation case \(caseID)")
        }
        try engine.perform { tx, effects -> Bool? in
            _ = try engine.member(moderatorID, in: tx)
            guard var entry = try tx.value(caseID) else { throw EngagementError.conflict("no moderation case \(caseID)") }
            guard entry.status == .open else { throw EngagementError.conflict("moderation case \(caseID) is already \(entry.status.rawValue)") }
            let now = engine.clock.now()
            let status: PublicationStatus = decision == .removed ? .removed : .published
            try apply(status, body: newBody, to: entry.subject, moderatorID, tx, effects)
            entry.status = decision
            entry.decidedBy = moderatorID
            entry.decidedAt = now
            try tx.put(entry)
            let action: ModerationAuditEntry.Action = decision == .removed ? .removed : decision == .edited ? .edited : .approved
            try engine.audit(tx, actor: moderatorID, action, subject: entry.subject.description, detail: reason)
            effects.publish(ModerationDecided(caseID: caseID, subject: entry.subject, decision: decision, moderatorID: moderatorID, occurredAt: now))
            return true
        }
    }

    /// Sets the publication status (and maybe the text) of content, keeping counts and history.
    private func apply(
        _ status: PublicationStatus, body: SanitizedHTML?, to subject: ContentRef, _ moderatorID: ID<User>,
        _ tx: any StoreTransaction, _ effects: WriteEffects
    ) throws {
        let now = engine.clock.now()
        func revise(_ previous: String) throws {
            try tx.put(Revision(id: .generate(prefix: "rev"), subject: subject, previousBody: previous, changedBy: moderatorID, change: .moderated, at: now))
        }
        switch subject {
        case .item(let id):
            guard var item = try tx.value(id) else { throw EngagementError.notFound(subject) }
            let wasPending = item.status == .pendingReview
            if let body { try revise(item.body.html); item.body = body }
            if item.status != .deleted { item.status = status }
            try tx.put(item)
            if let q = item.questionID, var question = try tx.value(q) {
                if question.publication != .deleted { question.publication = item.status }
                if let body { question.body = body }
                try tx.put(question)
            }
            if wasPending && item.status == .published { engine.feeds.publishMentions(of: item, effects) }
        case .comment(let id):
            guard var c = try tx.value(id) else { throw EngagementError.notFound(subject) }
            let before = c.status
            if let body { try revise(c.body.html); c.body = body }
            if c.status != .deleted { c.status = status }
            try tx.put(c)
            if before != .published && c.status == .published { try engine.feeds.adjustCommentCount(c.subject, by: 1, tx) }
            if before == .published && c.status != .published { try engine.feeds.adjustCommentCount(c.subject, by: -1, tx) }
        case .answer(let id):
            guard var a = try tx.value(id) else { throw EngagementError.notFound(subject) }
            let before = a.publication
            if let body { try revise(a.body.html); a.body = body }
            if a.publication != .deleted { a.publication = status }
            try tx.put(a)
            if before != a.publication, var q = try tx.value(a.questionID) {
                if a.publication == .published { q.answerCount += 1 } else if before == .published { q.answerCount = max(0, q.answerCount - 1) }
                try tx.put(q)
            }
        case .question(let id):
            guard var q = try tx.value(id) else { throw EngagementError.notFound(subject) }
            if let body { try revise(q.body.html); q.body = body }
            if q.publication != .deleted { q.publication = status }
            try tx.put(q)
            if let itemID = q.feedItemID, var item = try tx.value(itemID) {
                if item.status != .deleted { item.status = q.publication }
                if let body { item.body = body }
                try tx.put(item)
            }
        case .idea(let id):
            guard var idea = try tx.value(id) else { throw EngagementError.notFound(subject) }
            if let body { try revise(idea.body.html); idea.body = body }
            if idea.publication != .deleted { idea.publication = status }
            try tx.put(idea)
        case .member, .group:
            break  // decisions on members go through freeze/suspend; groups through their owners
        }
    }

    // MARK: Members

    /// Freezes a member: they keep reading but cannot write until unfrozen.
    public func freeze(_ memberID: ID<User>, reason: String, by moderatorID: ID<User>) throws {
        try setStanding(memberID, frozen: true, until: nil, reason: reason, by: moderatorID)
    }

    /// Lifts a freeze (and any suspension).
    public func unfreeze(_ memberID: ID<User>, by moderatorID: ID<User>) throws {
        try setStanding(memberID, frozen: false, until: nil, reason: "reinstated", by: moderatorID)
    }

    /// Suspends a member until a time.
    public func suspend(_ memberID: ID<User>, until: Date, reason: String, by moderatorID: ID<User>) throws {
        guard until > engine.clock.now() else {
            throw EngagementError.invalid(ValidationError(field: "Suspension.Until", reason: .invalidValue("in the past")))
        }
        try setStanding(memberID, frozen: false, until: until, reason: reason, by: moderatorID)
    }

    private func setStanding(_ memberID: ID<User>, frozen: Bool, until: Date?, reason: String, by moderatorID: ID<User>) throws {
        try requireModerator(moderatorID)
        try engine.checkText(reason, field: "Standing.Reason", max: 1_000)
        try engine.perform { tx, effects -> Bool? in
            _ = try engine.member(memberID, in: tx)
            try engine.setStanding(tx, effects, member: memberID, frozen: frozen, suspendedUntil: until, by: moderatorID, reason: reason)
            return true
        }
    }

    /// A member's standing (`nil` when in good standing).
    public func standing(of memberID: ID<User>) throws -> MemberStanding? {
        try engine.store.snapshot().value(memberID.retyped(as: MemberStanding.self))
    }

    /// The audit log in `[from, to)`, oldest first.
    public func auditLog(from: Date, to: Date, viewer: ID<User>) throws -> [ModerationAuditEntry] {
        try requireModerator(viewer)
        return try engine.store.snapshot().query(
            Query<ModerationAuditEntry>().filter("at", .range(lower: .dateTime(from), upper: .dateTime(to))).ordered(by: "at"))
            .map(\.value)
    }
}
