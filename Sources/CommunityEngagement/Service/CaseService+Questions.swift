public import CommunityModel
import Foundation

extension CaseService {
    /// Subscribes to ``QuestionEscalated`` so every escalated question becomes a case.
    /// Keep the subscription; failures (for example a case that already exists) are skipped.
    public func connectQuestionEscalations() -> EventSubscription {
        environment.bus.subscribe(QuestionEscalated.self) { [self] event in
            _ = try? openCase(for: event)
        }
    }

    /// Subscribes to ``QuestionSolved`` so a case made from a question closes when the
    /// question is solved by an answer (when ``CaseServiceConfiguration/closeWhenQuestionSolved``).
    public func connectQuestionSolutions() -> EventSubscription {
        environment.bus.subscribe(QuestionSolved.self) { [self] event in
            _ = try? closeCase(forSolved: event)
        }
    }

    /// Closes the open case linked to a solved question; returns the case closed, if any.
    @discardableResult
    public func closeCase(forSolved event: QuestionSolved) throws -> ID<Case>? {
        guard configuration.closeWhenQuestionSolved else { return nil }
        let reader = environment.store.snapshot()
        let linked = try reader.query(
            Query<CaseTracking>().where("questionID", equals: .reference(event.questionID.rawValue)))
        for tracking in linked.map(\.value) {
            guard let record = try reader.value(tracking.caseID), !configuration.lifecycle.isClosed(record.status)
            else { continue }
            if try closeSolved(tracking.caseID, answer: event.answerID?.rawValue) { return tracking.caseID }
        }
        return nil
    }

    /// Creates the case for an escalated question, with the id the event reserved, the
    /// question's text, the asker's contact and account, and a link back to the question.
    /// Returns `nil` when the case already exists (events may be delivered twice).
    @discardableResult
    public func openCase(for event: QuestionEscalated) throws -> Case? {
        let created = try environment.store.write { tx -> Case? in
            if try tx.value(event.caseID) != nil { return nil }
            let asker = try tx.value(event.askerID)
            let subject = String(event.title.prefix(255))
            // The case belongs to the site the question was asked in.
            let site = try tx.value(event.questionID)?.siteID
            let record = Case(
                id: event.caseID, subject: subject.isEmpty ? "Question \(event.questionID)" : subject,
                description: String(event.body.prefix(32_000)), accountID: asker?.accountID,
                contactID: asker?.contactID, status: configuration.lifecycle.initialStatus, priority: .medium,
                origin: .question, createdAt: now, owner: configuration.defaultOwner ?? .user(event.askerID), siteID: site)
            do { try record.validate() } catch let error as ValidationError { throw CaseError.invalid(error) }
            var tracking = CaseTracking(caseID: event.caseID, raisedBy: asker?.id, supportLevel: "")
            tracking.questionID = event.questionID.rawValue
            return try open(record, tracking: tracking, actor: asker?.id, in: tx)
        }
        if let created { publishOpened(created) }
        return created
    }

    /// Closes open cases whose question has been solved by an answer (when configured):
    /// run it on the clock or after Q&A changes. Returns the cases closed.
    @discardableResult
    public func closeCasesForSolvedQuestions() throws -> [ID<Case>] {
        guard configuration.closeWhenQuestionSolved else { return [] }
        let reader = environment.store.snapshot()
        let solved = try reader.query(Query<Question>().where("isSolved", equals: .checkbox(true))).map(\.value)
        var closed: [ID<Case>] = []
        for question in solved {
            guard let caseID = question.escalation?.caseID, let record = try reader.value(caseID),
                !configuration.lifecycle.isClosed(record.status)
            else { continue }
            if try closeSolved(caseID, answer: question.bestAnswerID?.rawValue) { closed.append(caseID) }
        }
        return closed
    }

    /// Closes one case because its question was solved by `answer`; `false` if the lifecycle
    /// has no allowed move to a closed status from where the case is.
    func closeSolved(_ id: ID<Case>, answer: String?) throws -> Bool {
        let result = try environment.store.write { tx -> (from: String, to: String)? in
            guard var record = try tx.value(id) else { throw CaseError.unknownCase(id) }
            guard
                let target = configuration.lifecycle.closedStatuses.sorted().first(where: {
                    configuration.lifecycle.allows(from: record.status, to: $0)
                })
            else { return nil }
            let from = record.status
            try move(&record, to: target, actor: nil, reason: "question solved", in: tx)
            if var tracking = try tx.value(CaseTracking.id(for: id)) {
                tracking.solvedByAnswerID = answer
                try tx.put(tracking)
            }
            return (from, target)
        }
        guard let result else { return false }
        environment.bus.publish(CaseStatusChanged(caseID: id, from: result.from, to: result.to, actor: nil, occurredAt: now))
        return true
    }
}
