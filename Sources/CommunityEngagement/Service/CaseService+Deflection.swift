public import CommunityModel
public import Foundation

extension CaseService {
    /// Opens the "new case" form for a member: asks Content for articles matching the draft
    /// and records the visit so a deflection can be counted.
    public func startDeflection(_ draft: CaseDraft, by member: ID<User>) throws -> DeflectionSession {
        guard try environment.store.snapshot().value(member) != nil else { throw CaseError.unknownUser(member) }
        let text = [draft.subject, draft.description].joined(separator: " ")
        let suggestions = try suggester?.suggestions(for: text, viewer: member, limit: configuration.suggestionLimit) ?? []
        let session = DeflectionSession(
            id: .generate(prefix: "dfl"), userID: member, suggestions: Array(suggestions.prefix(configuration.suggestionLimit)),
            viewedArticleIDs: [], outcome: .open, caseID: nil, startedAt: now, endedAt: nil, siteID: draft.site)
        _ = try environment.store.write { tx in try tx.put(session, expecting: .absent) }
        return session
    }

    /// The member opened one of the suggested articles.
    public func recordArticleViewed(_ articleID: String, in sessionID: ID<DeflectionSession>, by member: ID<User>)
        throws
    {
        try environment.store.write { tx in
            var session = try openSession(sessionID, of: member, in: tx)
            guard session.suggestions.contains(where: { $0.articleID == articleID }) else {
                throw CaseError.invalid(
                    ValidationError(field: "articleID", reason: .unknownReference(String(articleID.prefix(80)))))
            }
            if !session.viewedArticleIDs.contains(articleID) { session.viewedArticleIDs.append(articleID) }
            try tx.put(session)
        }
    }

    /// The member left the form without saving a case: a deflection if they read a
    /// suggested article, otherwise an abandoned visit.
    @discardableResult
    public func leaveWithoutCase(_ sessionID: ID<DeflectionSession>, by member: ID<User>) throws -> DeflectionSession {
        try environment.store.write { tx in
            var session = try openSession(sessionID, of: member, in: tx)
            session.outcome = session.viewedArticleIDs.isEmpty ? .abandoned : .deflected
            session.endedAt = now
            try tx.put(session)
            return session
        }
    }

    func endSession(_ id: ID<DeflectionSession>, of member: ID<User>, caseID: ID<Case>, in tx: any StoreTransaction)
        throws
    {
        var session = try openSession(id, of: member, in: tx)
        session.outcome = .caseCreated
        session.caseID = caseID
        session.endedAt = now
        try tx.put(session)
    }

    private func openSession(_ id: ID<DeflectionSession>, of member: ID<User>, in tx: any StoreTransaction) throws
        -> DeflectionSession
    {
        guard let session = try tx.value(id), session.userID == member else {
            throw CaseError.unknownSession(id.rawValue)
        }
        guard session.outcome == .open else { throw CaseError.sessionEnded(id.rawValue) }
        return session
    }

    /// Deflection figures for visits started in `start..<end`.
    public func deflectionStatistics(from start: Date, to end: Date) throws -> DeflectionStatistics {
        let sessions = try environment.store.snapshot().query(
            Query<DeflectionSession>().filter("startedAt", .range(lower: .dateTime(start), upper: .dateTime(end))))
            .map(\.value).filter { !$0.suggestions.isEmpty && $0.outcome != .open }
        return DeflectionStatistics(
            sessions: sessions.count, deflected: sessions.count { $0.outcome == .deflected },
            casesCreated: sessions.count { $0.outcome == .caseCreated },
            abandoned: sessions.count { $0.outcome == .abandoned })
    }
}
