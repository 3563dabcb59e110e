import CommunityModel
import Foundation

/// Content after moderation screening, ready to store.
struct ScreenedContent {
    var html: SanitizedHTML
    var title: String?
    var status: PublicationStatus
    var sources: [ModerationCase.Source]
}

extension Engagement {
    /// Applies rate limits, keyword rules and group pre-moderation to new or edited content.
    ///
    /// Returns `nil` when the content is refused; then the refusal is in `effects` and its side
    /// effects (audit entries, a freeze) are written to `tx`, so they commit while the content
    /// does not.
    func screen(
        _ tx: any StoreTransaction, _ effects: WriteEffects, author: User, kind: ContentKind, title: String?,
        html: SanitizedHTML, plainText: String? = nil, group: ID<CommunityGroup>?, countsTowardRate: Bool = true
    ) throws -> ScreenedContent? {
        let now = clock.now()
        let (screen, rates) = try rules(in: tx)
        var out = ScreenedContent(html: html, title: title, status: .published, sources: [])
        if countsTowardRate {
            for rule in rates.sorted(by: { $0.id < $1.id })
            where rule.contentKinds.contains(kind) && (rule.memberKinds.isEmpty || rule.memberKinds.contains(author.kind)) {
                let since = now.addingTimeInterval(-rule.windowMinutes * 60)
                let count = index.recentActivity(of: author.id, since: since, kinds: rule.contentKinds)
                guard count >= rule.maxItems else { continue }
                effects.publish(RateLimitExceeded(memberID: author.id, ruleID: rule.id, action: rule.action, occurredAt: now))
                try audit(tx, actor: nil, .rateLimited, subject: "member:\(author.id)",
                    detail: "\(rule.name): \(count + 1) items in \(rule.windowMinutes) minutes (limit \(rule.maxItems))")
                switch rule.action {
                case .freeze:
                    try setStanding(tx, effects, member: author.id, frozen: true, suspendedUntil: nil, by: nil,
                        reason: "rate limit \(rule.name)")
                    effects.refusal = .memberFrozen(author.id)
                    return nil
                case .notify:
                    out.sources.append(.rateLimit(rule.id))
                }
            }
        }
        // Without keyword rules there is nothing to match (the common case on the write path).
        let text = screen.isEmpty ? "" : [title ?? "", plainText ?? RichTextSanitizer.plainText(html.html)].joined(separator: "\n")
        let verdict = screen.isEmpty ? .clean : screen.verdict(for: text, kind: kind, memberKind: author.kind)
        if let action = verdict.action, let rule = verdict.decisiveRule {
            switch action {
            case .block, .freeze:
                effects.publish(ContentBlocked(authorID: author.id, kind: kind, ruleID: rule, keywords: verdict.keywords, occurredAt: now))
                try audit(tx, actor: nil, .blocked, subject: "member:\(author.id)",
                    detail: "\(kind.rawValue) blocked by \(rule): \(verdict.keywords.joined(separator: ", "))")
                if action == .freeze {
                    try setStanding(tx, effects, member: author.id, frozen: true, suspendedUntil: nil, by: nil,
                        reason: "keyword rule \(rule)")
                    effects.refusal = .memberFrozen(author.id)
                } else {
                    effects.refusal = .blocked(rule: rule, keywords: verdict.keywords)
                }
                return nil
            case .flag:
                out.status = .pendingReview
                out.sources.append(.keywordRule(rule))
            case .mask:
                break
            }
        }
        if !screen.isEmpty, screen.hasMaskMatch(text, kind: kind, memberKind: author.kind) {
            out.html = screen.masked(html, kind: kind, memberKind: author.kind)
            out.title = title.map { screen.masked($0, kind: kind, memberKind: author.kind) }
            try audit(tx, actor: nil, .masked, subject: "member:\(author.id)", detail: "\(kind.rawValue) masked")
        }
        if let group, let g = try tx.value(group), g.requiresPostApproval {
            let role = try tx.value(GroupMembership.id(group: group, member: author.id))?.role
            if (role ?? .member) < .manager && !isModerator(author.id) {
                out.status = .pendingReview
                out.sources.append(.preModeration(group))
            }
        }
        return out
    }

    /// Puts content in the moderation queue (or adds sources to its open case).
    func enqueue(
        _ tx: any StoreTransaction, _ effects: WriteEffects, subject: ContentRef, author: ID<User>,
        sources: [ModerationCase.Source], flag: ModerationCase.Flag? = nil
    ) throws {
        guard !sources.isEmpty || flag != nil else { return }
        let now = clock.now()
        let id = ModerationCase.id(for: subject)
        var entry = try tx.value(id) ?? ModerationCase(subject: subject, authorID: author, sources: [], openedAt: now)
        let reopened = entry.status != .open
        if reopened {
            entry.status = .open
            entry.openedAt = now
            entry.decidedBy = nil
            entry.decidedAt = nil
        }
        for s in sources where !entry.sources.contains(s) { entry.sources.append(s) }
        if let flag { entry.flags.append(flag) }
        try tx.put(entry)
        try audit(tx, actor: nil, .queued, subject: subject.description,
            detail: sources.map { "\($0)" }.joined(separator: ", ") + (flag.map { " flag: \($0.reason)" } ?? ""))
        effects.publish(ContentQueued(caseID: id, subject: subject, authorID: author, occurredAt: now))
    }

    /// Writes one audit log line.
    func audit(
        _ tx: any StoreTransaction, actor: ID<User>?, _ action: ModerationAuditEntry.Action, subject: String, detail: String
    ) throws {
        try tx.put(ModerationAuditEntry(actorID: actor, action: action, subject: subject, detail: detail, at: clock.now()), expecting: .absent)
    }

    /// Freezes, unfreezes or suspends a member, with its audit entry and event.
    func setStanding(
        _ tx: any StoreTransaction, _ effects: WriteEffects, member: ID<User>, frozen: Bool, suspendedUntil: Date?,
        by actor: ID<User>?, reason: String
    ) throws {
        var standing = try tx.value(member.retyped(as: MemberStanding.self)) ?? MemberStanding(memberID: member)
        let action: ModerationAuditEntry.Action =
            frozen != standing.isFrozen ? (frozen ? .frozen : .unfrozen) : (suspendedUntil != nil ? .suspended : .unsuspended)
        standing.isFrozen = frozen
        standing.suspendedUntil = suspendedUntil
        standing.reason = reason
        try tx.put(standing)
        try audit(tx, actor: actor, action, subject: "member:\(member)", detail: reason)
        effects.publish(
            MemberStandingChanged(memberID: member, isFrozen: frozen, suspendedUntil: suspendedUntil, changedBy: actor,
                reason: reason, occurredAt: clock.now()))
    }
}
