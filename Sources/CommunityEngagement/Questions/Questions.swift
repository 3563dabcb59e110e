public import CommunityModel
public import Foundation

/// Questions and answers: asking (with suggestions), answering, upvoting, best answers,
/// solving, following, escalation to support cases and drafting articles from answers.
public struct Questions: Sendable {
    let engine: Engagement

    /// Similar questions and articles for what a member is typing, best first: from Content's
    /// search when the engine has it, plus questions matched by shared words. With a site, only
    /// that site's questions and engine-wide ones are suggested.
    public func suggestions(title: String, body: String = "", viewer: ID<User>, site: String? = nil) throws -> [ContentSuggestion] {
        let limit = engine.configuration.suggestionCount
        let text = title + " " + RichTextSanitizer.plainText(body)
        var out: [ContentSuggestion] = []
        let snapshot = engine.store.snapshot()
        if let content = engine.content {
            // Questions found by Content are checked again against what the viewer may see.
            out = try content.suggestions(for: text, viewer: viewer, limit: limit).filter { s in
                guard s.kind == .question else { return true }
                guard let id = try? ID<Question>(parsing: s.id), let q = try? snapshot.value(id) else { return false }
                return engine.canSee(q, viewer: viewer) && SiteScope.includes(q.siteID, in: site)
            }
        }
        let words = Set(TextFolding.words(text).map(\.folded).filter { $0.count > 2 })
        guard !words.isEmpty else { return Array(out.prefix(limit)) }
        let known = Set(out.filter { $0.kind == .question }.map(\.id))
        var scored: [ContentSuggestion] = []
        for q in try snapshot.all(Question.self).map(\.value) where engine.canSee(q, viewer: viewer) && SiteScope.includes(q.siteID, in: site) && !known.contains(q.id.rawValue) {
            let qWords = Set(TextFolding.words(q.title).map(\.folded))
            let shared = words.intersection(qWords).count
            if shared > 0 {
                scored.append(ContentSuggestion(kind: .question, id: q.id.rawValue, title: q.title,
                    score: Double(shared) / Double(max(words.count, qWords.count)) + (q.isSolved ? 0.1 : 0)))
            }
        }
        scored.sort { $0.score != $1.score ? $0.score > $1.score : $0.id < $1.id }
        out += scored
        return Array(out.prefix(limit))
    }

    /// Asks a question, in a group or on the asker's profile, in a site (`nil`: an engine-wide
    /// question every site shows; a group's question belongs to the group's site). The asker
    /// follows it; a keyword escalation rule may turn it into a case at once.
    @discardableResult
    public func ask(
        title: String, body: String, topics: [String] = [], in group: ID<CommunityGroup>? = nil, site: String? = nil,
        by askerID: ID<User>
    ) throws -> Question {
        let config = engine.configuration
        try engine.checkText(title, field: "Question.Title", max: config.maxTitleLength)
        let normalisedTopics = try Feeds.normalisedTopics(topics, max: config.maxTopics)
        let questionID: ID<Question> = .generate(prefix: "q")
        let parent: FeedParent = group.map { .group($0) } ?? .member(askerID)
        let draft = PostDraft(kind: .question, parent: parent, body: body, topics: normalisedTopics, site: site)
        let prepared = try engine.feeds.prepare(draft)
        // The feed item and the question are written in one transaction.
        let question = try engine.perform { tx, effects -> Question? in
            guard let item = try engine.feeds.post(prepared, draft, by: askerID, questionID: questionID, title: title, tx, effects)
            else { return nil }
            let now = engine.clock.now()
            let maskedTitle = try engine.rules(in: tx).screen.masked(title, kind: .question, memberKind: try engine.member(askerID, in: tx).kind)
            var q = Question(
                id: questionID, askerID: askerID, title: maskedTitle, body: item.body, topics: normalisedTopics, groupID: group,
                createdAt: now, publication: item.status, feedItemID: item.id, siteID: item.siteID)
            try tx.put(q, expecting: .absent)
            let followID: ID<Follow> = StableID.make(prefix: "fw", askerID.rawValue, FeedKey.question(questionID).description)
            try tx.put(Follow(id: followID, followerID: askerID, target: .question(questionID), since: now))
            effects.publish(QuestionAsked(questionID: questionID, askerID: askerID, topics: normalisedTopics, occurredAt: now))
            // Keyword escalation.
            let text = title + "\n" + RichTextSanitizer.plainText(item.body.html)
            for rule in config.escalationRules where !rule.keywords.isEmpty && rule.covers(normalisedTopics) {
                if let match = KeywordMatcher(rule.keywords).matches(in: text).first {
                    try escalate(&q, reason: .keyword(match.keyword.text), tx, effects)
                    break
                }
            }
            return q
        }
        let locale = (try? engine.store.snapshot().value(askerID)?.locale) ?? nil
        try? engine.content?.indexQuestion(question, locale: locale ?? "en_US")
        return question
    }

    /// Answers a question the author may see; with a site, another site's question is not found.
    @discardableResult
    public func answer(_ questionID: ID<Question>, body text: String, site: String? = nil, by authorID: ID<User>) throws -> Answer {
        let body = try engine.sanitize(text, field: "Answer.Body")
        guard !RichTextSanitizer.plainText(body.html).isEmpty else {
            throw EngagementError.invalid(ValidationError(field: "Answer.Body", reason: .required))
        }
        return try engine.perform { tx, effects in
            let author = try engine.writer(authorID, in: tx)
            var q = try engine.visibleQuestion(questionID, viewer: authorID, in: tx)
            guard SiteScope.includes(q.siteID, in: site) else { throw EngagementError.notFound(.question(questionID)) }
            guard q.publication == .published else { throw EngagementError.notAllowed(action: "answer", subject: "a question under review") }
            if let g = q.groupID, try tx.value(g)?.isArchived == true { throw EngagementError.groupArchived(g) }
            guard let screened = try engine.screen(tx, effects, author: author, kind: .answer, title: nil, html: body, group: q.groupID)
            else { return nil }
            let now = engine.clock.now()
            let answer = Answer(id: .generate(prefix: "ans"), questionID: questionID, authorID: authorID, body: screened.html,
                createdAt: now, publication: screened.status)
            try tx.put(answer, expecting: .absent)
            if answer.publication == .published {
                q.answerCount += 1
                try tx.put(q)
            }
            try engine.enqueue(tx, effects, subject: .answer(answer.id), author: authorID, sources: screened.sources)
            effects.publish(QuestionAnswered(questionID: questionID, answerID: answer.id, authorID: authorID, askerID: q.askerID,
                status: answer.publication, occurredAt: now))
            return answer
        }
    }

    /// Edits an answer (its author); the old text goes to the history.
    @discardableResult
    public func editAnswer(_ id: ID<Answer>, body text: String, by editorID: ID<User>) throws -> Answer {
        let body = try engine.sanitize(text, field: "Answer.Body")
        return try engine.perform { tx, effects in
            let editor = try engine.writer(editorID, in: tx)
            guard var answer = try tx.value(id), answer.publication != .deleted, answer.publication != .removed else {
                throw EngagementError.notFound(.answer(id))
            }
            guard answer.authorID == editorID else { throw EngagementError.notAllowed(action: "edit", subject: "answer \(id)") }
            guard let screened = try engine.screen(tx, effects, author: editor, kind: .answer, title: nil, html: body, group: nil,
                countsTowardRate: false)
            else { return nil }
            let now = engine.clock.now()
            try tx.put(Revision(id: .generate(prefix: "rev"), subject: .answer(id), previousBody: answer.body.html, changedBy: editorID, change: .edited, at: now))
            answer.body = screened.html
            answer.editedAt = now
            try tx.put(answer)
            try engine.enqueue(tx, effects, subject: .answer(id), author: editorID, sources: screened.sources)
            effects.publish(ContentEdited(subject: .answer(id), editorID: editorID, occurredAt: now))
            return answer
        }
    }

    /// Upvotes an answer (once per member).
    public func upvote(answer id: ID<Answer>, by memberID: ID<User>) throws { try engine.feeds.like(.answer(id), by: memberID) }

    /// Takes back an answer upvote.
    public func removeUpvote(answer id: ID<Answer>, by memberID: ID<User>) throws { try engine.feeds.unlike(.answer(id), by: memberID) }

    /// Upvotes a question (once per member).
    public func upvote(question id: ID<Question>, by memberID: ID<User>) throws {
        try engine.perform { tx, effects -> Bool? in
            _ = try engine.writer(memberID, in: tx)
            var q = try engine.visibleQuestion(id, viewer: memberID, in: tx)
            if q.upvoters.insert(memberID).inserted {
                try tx.put(q)
                effects.publish(ContentLiked(subject: .question(id), likerID: memberID, authorID: q.askerID, occurredAt: engine.clock.now()))
            }
            return true
        }
    }

    /// Chooses the best answer (the asker or a moderator); this also marks the question solved.
    /// With a site, an answer to another site's question is not found.
    public func chooseBestAnswer(_ answerID: ID<Answer>, site: String? = nil, by memberID: ID<User>) throws {
        try engine.perform { tx, effects -> Bool? in
            _ = try engine.writer(memberID, in: tx)
            guard var answer = try tx.value(answerID), answer.publication == .published else { throw EngagementError.notFound(.answer(answerID)) }
            var q = try engine.visibleQuestion(answer.questionID, viewer: memberID, in: tx)
            guard SiteScope.includes(q.siteID, in: site) else { throw EngagementError.notFound(.question(q.id)) }
            guard q.askerID == memberID || engine.isModerator(memberID) else {
                throw EngagementError.notAllowed(action: "choose the best answer of", subject: "question \(q.id)")
            }
            if q.bestAnswerID == answerID { return true }
            if let old = q.bestAnswerID, var previous = try tx.value(old) {
                previous.isBest = false
                try tx.put(previous)
            }
            answer.isBest = true
            try tx.put(answer)
            q.bestAnswerID = answerID
            q.isSolved = true
            try tx.put(q)
            let now = engine.clock.now()
            effects.publish(BestAnswerChosen(questionID: q.id, answerID: answerID, answerAuthorID: answer.authorID, chosenBy: memberID,
                askerID: q.askerID, occurredAt: now))
            effects.publish(QuestionSolved(questionID: q.id, answerID: answerID, solvedBy: memberID, occurredAt: now))
            return true
        }
    }

    /// Marks a question solved without a best answer (the asker or a moderator).
    public func markSolved(_ id: ID<Question>, by memberID: ID<User>) throws {
        try engine.perform { tx, effects -> Bool? in
            _ = try engine.writer(memberID, in: tx)
            var q = try engine.visibleQuestion(id, viewer: memberID, in: tx)
            guard q.askerID == memberID || engine.isModerator(memberID) else {
                throw EngagementError.notAllowed(action: "mark solved", subject: "question \(id)")
            }
            guard !q.isSolved else { return true }
            q.isSolved = true
            try tx.put(q)
            effects.publish(QuestionSolved(questionID: id, answerID: q.bestAnswerID, solvedBy: memberID, occurredAt: engine.clock.now()))
            return true
        }
    }

    /// Follows a question's activity.
    public func follow(_ id: ID<Question>, by memberID: ID<User>) throws { try engine.feeds.follow(.question(id), by: memberID) }

    /// The questions of a site the viewer may see (access decides, as for every read: held
    /// questions only to their asker and moderators, group questions only to the group's
    /// audience), newest first, optionally of one topic. `site: nil` lists every site's.
    public func list(site: String?, topic: String? = nil, viewer: ID<User>, limit: Int = 50) throws -> [Question] {
        let topic = topic.map(Topics.normalise)
        return try scoped(site: site, topic: topic, limit: limit) { engine.canSee($0, viewer: viewer) }
    }

    /// The questions of a site the public (the site's guest) may open: published, outside any
    /// group, newest first, optionally of one topic; each opens with ``publicPage(_:site:)``.
    public func publicList(site: String?, topic: String? = nil, limit: Int = 50) throws -> [Question] {
        let topic = topic.map(Topics.normalise)
        return try scoped(site: site, topic: topic, limit: limit) { $0.publication == .published && $0.groupID == nil }
    }

    private func scoped(site: String?, topic: String?, limit: Int, _ visible: (Question) -> Bool) throws -> [Question] {
        guard limit > 0 else { return [] }
        var out: [Question] = []
        for entry in try engine.store.snapshot().all(Question.self) {
            let q = entry.value
            guard SiteScope.includes(q.siteID, in: site) else { continue }
            if let topic, !q.topics.contains(topic) { continue }
            if visible(q) { out.append(q) }
        }
        out.sort { a, b in a.createdAt != b.createdAt ? a.createdAt > b.createdAt : a.id < b.id }
        return Array(out.prefix(limit))
    }

    /// The question and the answers the viewer may see; with a site, another site's question is
    /// not found.
    public func page(_ id: ID<Question>, viewer: ID<User>, site: String? = nil) throws -> QuestionPage {
        let snapshot = engine.store.snapshot()
        let q = try engine.visibleQuestion(id, viewer: viewer, in: snapshot)
        guard SiteScope.includes(q.siteID, in: site) else { throw EngagementError.notFound(.question(id)) }
        var answers = try snapshot.query(Query<Answer>().where("questionID", equals: .reference(id.rawValue))).map(\.value)
            .filter { engine.canSee(status: $0.publication, author: $0.authorID, viewer: viewer) }
        answers.sort { a, b in
            if a.isBest != b.isBest { return a.isBest }
            if a.upvoters.count != b.upvoters.count { return a.upvoters.count > b.upvoters.count }
            return a.createdAt != b.createdAt ? a.createdAt < b.createdAt : a.id < b.id
        }
        return QuestionPage(question: q, answers: answers)
    }

    /// A question as the public (a site's guest) sees it: only a published question outside any
    /// group, with its published answers, best answer first; `nil` for anything else, so a guest
    /// learns nothing about held, removed or group questions. With a site, another site's
    /// question is `nil` too.
    public func publicPage(_ id: ID<Question>, site: String? = nil) throws -> QuestionPage? {
        let snapshot = engine.store.snapshot()
        guard let q = try snapshot.value(id), q.publication == .published, q.groupID == nil, SiteScope.includes(q.siteID, in: site)
        else { return nil }
        var answers = try snapshot.query(Query<Answer>().where("questionID", equals: .reference(id.rawValue))).map(\.value)
            .filter { $0.publication == .published }
        answers.sort { a, b in
            if a.isBest != b.isBest { return a.isBest }
            if a.upvoters.count != b.upvoters.count { return a.upvoters.count > b.upvoters.count }
            return a.createdAt != b.createdAt ? a.createdAt < b.createdAt : a.id < b.id
        }
        return QuestionPage(question: q, answers: answers)
    }

    // MARK: Views

    /// Counts a view of a question the viewer may open in `site` (for a guest, pass the site's
    /// guest user: a published question outside groups): once per viewer and day. Returns
    /// whether this view counted; a question the viewer may not open is `notFound`.
    @discardableResult
    public func recordView(_ id: ID<Question>, viewer: ID<User>, site: String? = nil) throws -> Bool {
        let snapshot = engine.store.snapshot()
        guard let viewerUser = try snapshot.value(viewer), viewerUser.isActive else { throw EngagementError.unknownMember(viewer) }
        guard let q = try snapshot.value(id), SiteScope.includes(q.siteID, in: site) else { throw EngagementError.notFound(.question(id)) }
        let opens = viewerUser.kind == .guest ? (q.publication == .published && q.groupID == nil) : engine.canSee(q, viewer: viewer)
        guard opens else { throw EngagementError.notFound(.question(id)) }
        let now = engine.clock.now()
        return try engine.store.write { tx -> Bool in
            let record = QuestionViewRecord(questionID: id, viewerID: viewer, day: ReputationEngine.dayKey(now), at: now)
            guard try tx.get(record.id) == nil else { return false }
            var stats = try tx.value(id.retyped(as: QuestionStats.self)) ?? QuestionStats(questionID: id)
            stats.views += 1
            try tx.put(record, expecting: .absent)
            try tx.put(stats)
            return true
        }
    }

    /// How many views a question has had (once per viewer and day).
    public func views(of id: ID<Question>) throws -> Int {
        try engine.store.snapshot().value(id.retyped(as: QuestionStats.self))?.views ?? 0
    }

    // MARK: Escalation

    /// Applies the time-based escalation rules: every published, unsolved, unanswered,
    /// unescalated question older than a rule's hours becomes a case. Hosts call this from a
    /// scheduler; it is idempotent. Returns the questions escalated now.
    @discardableResult
    public func runEscalations() throws -> [ID<Question>] {
        try runEscalations(at: engine.clock.now())
    }

    /// Escalates unanswered questions as of `now` (a scheduler's time), as ``runEscalations()``.
    /// Each question escalates once, also when runs overlap.
    @discardableResult
    public func runEscalations(at now: Date) throws -> [ID<Question>] {
        let rules = engine.configuration.escalationRules.filter { $0.unansweredAfterHours != nil }
        guard !rules.isEmpty else { return [] }
        let candidates = try engine.store.snapshot().query(Query<Question>().where("isSolved", equals: .checkbox(false)))
            .map(\.value).filter { $0.escalation == nil && $0.answerCount == 0 && $0.publication == .published }
        var escalated: [ID<Question>] = []
        for candidate in candidates {
            guard let rule = rules.first(where: {
                $0.covers(candidate.topics) && now.timeIntervalSince(candidate.createdAt) >= ($0.unansweredAfterHours ?? .infinity) * 3600
            }) else { continue }
            let done = try engine.perform { tx, effects -> Bool? in
                // Re-read inside the transaction: an answer may have arrived meanwhile.
                guard var q = try tx.value(candidate.id), q.escalation == nil, q.answerCount == 0, !q.isSolved else { return false }
                try escalate(&q, reason: .unansweredFor(hours: rule.unansweredAfterHours ?? 0), tx, effects)
                return true
            }
            if done { escalated.append(candidate.id) }
        }
        return escalated
    }

    /// Escalates a question by hand (the asker or a moderator).
    @discardableResult
    public func escalate(_ id: ID<Question>, by memberID: ID<User>) throws -> ID<Case> {
        try engine.perform { tx, effects in
            _ = try engine.writer(memberID, in: tx)
            var q = try engine.visibleQuestion(id, viewer: memberID, in: tx)
            guard q.askerID == memberID || engine.isModerator(memberID) else {
                throw EngagementError.notAllowed(action: "escalate", subject: "question \(id)")
            }
            if let existing = q.escalation { return existing.caseID }
            try escalate(&q, reason: .manual(by: memberID), tx, effects)
            return q.escalation?.caseID
        }
    }

    private func escalate(
        _ q: inout Question, reason: QuestionEscalated.Reason, _ tx: any StoreTransaction, _ effects: WriteEffects
    ) throws {
        let now = engine.clock.now()
        let caseID: ID<Case> = .generate(prefix: "case")
        q.escalation = Question.Escalation(caseID: caseID, reason: reason, at: now)
        try tx.put(q)
        effects.publish(QuestionEscalated(
            questionID: q.id, title: q.title, body: RichTextSanitizer.plainText(q.body.html), askerID: q.askerID, caseID: caseID,
            reason: reason, occurredAt: now))
    }

    // MARK: Knowledge

    /// Turns an answer into a draft knowledge article linked back to the question (moderators).
    @discardableResult
    public func draftArticle(from answerID: ID<Answer>, by memberID: ID<User>) throws -> String {
        guard let content = engine.content else {
            throw EngagementError.notAllowed(action: "draft articles", subject: "without CommunityContent")
        }
        let snapshot = engine.store.snapshot()
        _ = try engine.writer(memberID, in: snapshot)
        guard engine.isModerator(memberID) else { throw EngagementError.notAllowed(action: "draft an article from", subject: "answer \(answerID)") }
        guard let answer = try snapshot.value(answerID), answer.publication == .published else { throw EngagementError.notFound(.answer(answerID)) }
        let q = try engine.visibleQuestion(answer.questionID, viewer: memberID, in: snapshot)
        let articleID = try content.draftArticle(title: q.title, body: answer.body, author: memberID, question: q.id)
        return try engine.perform { tx, effects in
            guard var fresh = try tx.value(q.id) else { throw EngagementError.notFound(.question(q.id)) }
            if !fresh.articleIDs.contains(articleID) { fresh.articleIDs.append(articleID) }
            try tx.put(fresh)
            effects.publish(ArticleDrafted(questionID: q.id, answerID: answerID, articleID: articleID, draftedBy: memberID, occurredAt: engine.clock.now()))
            return articleID
        }
    }
}
