public import CommunityModel
import Foundation

/// Idea zones, ideas, votes, statuses with history, merging of duplicates and ordering.
public struct Ideas: Sendable {
    let engine: Engagement

    /// Creates an idea zone (moderators) in a site (`nil`: an engine-wide zone every site shows).
    @discardableResult
    public func createZone(
        name: String, categories: [String], trendingHalfLifeHours: Double = 72, site: String? = nil, by memberID: ID<User>
    ) throws -> IdeaZone {
        try engine.checkText(name, field: "IdeaZone.Name", max: 80)
        guard trendingHalfLifeHours > 0 else {
            throw EngagementError.invalid(ValidationError(field: "IdeaZone.TrendingHalfLife", reason: .outOfRange("\(trendingHalfLifeHours)")))
        }
        for c in categories { try engine.checkText(c, field: "IdeaZone.Category", max: 80) }
        return try engine.perform { tx, _ in
            _ = try engine.writer(memberID, in: tx)
            guard engine.isModerator(memberID) else { throw EngagementError.notAllowed(action: "create", subject: "an idea zone") }
            let zone = IdeaZone(id: .generate(prefix: "iz"), name: name, categories: categories,
                trendingHalfLifeHours: trendingHalfLifeHours, createdAt: engine.clock.now(), siteID: site)
            try tx.put(zone, expecting: .absent)
            return zone
        }
    }

    /// Submits an idea.
    @discardableResult
    public func submit(
        to zoneID: ID<IdeaZone>, title: String, body text: String, categories: [String] = [], by authorID: ID<User>
    ) throws -> Idea {
        try engine.checkText(title, field: "Idea.Title", max: engine.configuration.maxTitleLength)
        let body = try engine.sanitize(text, field: "Idea.Body")
        return try engine.perform { tx, effects in
            let author = try engine.writer(authorID, in: tx)
            guard let zone = try tx.value(zoneID) else { throw EngagementError.unknownZone(zoneID) }
            for c in categories where !zone.categories.contains(c) {
                throw EngagementError.invalid(ValidationError(field: "Idea.Categories", reason: .notInPicklist(c, allowed: zone.categories)))
            }
            guard let screened = try engine.screen(tx, effects, author: author, kind: .idea, title: title, html: body, group: nil)
            else { return nil }
            let now = engine.clock.now()
            let idea = Idea(id: .generate(prefix: "idea"), zoneID: zoneID, authorID: authorID, title: screened.title ?? title,
                body: screened.html, categories: categories, createdAt: now, publication: screened.status, siteID: zone.siteID)
            try tx.put(idea, expecting: .absent)
            try engine.enqueue(tx, effects, subject: .idea(idea.id), author: authorID, sources: screened.sources)
            effects.publish(IdeaSubmitted(ideaID: idea.id, zoneID: zoneID, authorID: authorID, occurredAt: now))
            return idea
        }
    }

    /// Edits an idea's title and body (its author); the old text goes to the history.
    @discardableResult
    public func edit(_ id: ID<Idea>, title: String, body text: String, by editorID: ID<User>) throws -> Idea {
        try engine.checkText(title, field: "Idea.Title", max: engine.configuration.maxTitleLength)
        let body = try engine.sanitize(text, field: "Idea.Body")
        return try engine.perform { tx, effects in
            let editor = try engine.writer(editorID, in: tx)
            guard var idea = try tx.value(id), idea.publication != .deleted, idea.publication != .removed else {
                throw EngagementError.notFound(.idea(id))
            }
            guard idea.authorID == editorID else { throw EngagementError.notAllowed(action: "edit", subject: "idea \(id)") }
            guard let screened = try engine.screen(tx, effects, author: editor, kind: .idea, title: title, html: body, group: nil,
                countsTowardRate: false)
            else { return nil }
            let now = engine.clock.now()
            try tx.put(Revision(id: .generate(prefix: "rev"), subject: .idea(id), previousBody: "\(idea.title)\n\(idea.body.html)",
                changedBy: editorID, change: .edited, at: now))
            idea.title = screened.title ?? title
            idea.body = screened.html
            idea.editedAt = now
            try tx.put(idea)
            try engine.enqueue(tx, effects, subject: .idea(id), author: editorID, sources: screened.sources)
            effects.publish(ContentEdited(subject: .idea(id), editorID: editorID, occurredAt: now))
            return idea
        }
    }

    /// Comments on an idea.
    @discardableResult
    public func comment(on id: ID<Idea>, body: String, by authorID: ID<User>) throws -> Comment {
        try engine.feeds.comment(on: .idea(id), body: body, by: authorID)
    }

    /// Votes up (+1) or down (-1), or withdraws (0). One vote per member; voting again changes it.
    @discardableResult
    public func vote(_ id: ID<Idea>, value: Int, by voterID: ID<User>) throws -> Idea {
        guard value == 1 || value == -1 || value == 0 else {
            throw EngagementError.invalid(ValidationError(field: "IdeaVote.Value", reason: .outOfRange("\(value), expected -1, 0 or 1")))
        }
        return try engine.perform { tx, effects in
            _ = try engine.writer(voterID, in: tx)
            guard var idea = try tx.value(id), engine.canSee(status: idea.publication, author: idea.authorID, viewer: voterID) else {
                throw EngagementError.notFound(.idea(id))
            }
            if let target = idea.mergedInto { throw EngagementError.conflict("idea \(id) was merged into \(target)") }
            let previous = idea.votes[voterID]?.value ?? 0
            guard previous != value else { return idea }
            idea.votes[voterID] = value == 0 ? nil : Idea.Vote(value: value, at: engine.clock.now())
            try tx.put(idea)
            effects.publish(IdeaVoted(ideaID: id, voterID: voterID, value: value, previous: previous, authorID: idea.authorID,
                occurredAt: engine.clock.now()))
            return idea
        }
    }

    /// Changes an idea's status with the product team's comment (moderators).
    @discardableResult
    public func setStatus(_ id: ID<Idea>, to status: IdeaStatus, comment: String, by memberID: ID<User>) throws -> Idea {
        try engine.checkText(comment, field: "Idea.StatusComment", max: 4_000, required: false)
        return try engine.perform { tx, effects in
            _ = try engine.writer(memberID, in: tx)
            guard engine.isModerator(memberID) else { throw EngagementError.notAllowed(action: "change the status of", subject: "idea \(id)") }
            guard var idea = try tx.value(id) else { throw EngagementError.notFound(.idea(id)) }
            guard idea.status != status else { return idea }
            let now = engine.clock.now()
            idea.statusHistory.append(Idea.StatusChange(from: idea.status, to: status, by: memberID, comment: comment, at: now))
            let from = idea.status
            idea.status = status
            try tx.put(idea)
            effects.publish(IdeaStatusChanged(ideaID: id, from: from, to: status, changedBy: memberID, comment: comment,
                authorID: idea.authorID, occurredAt: now))
            return idea
        }
    }

    /// Merges a duplicate into another idea (moderators): votes combine with each member counted
    /// once (a member who voted on both keeps their vote on the target), comments move over,
    /// and the duplicate closes with a link to the target.
    @discardableResult
    public func merge(_ sourceID: ID<Idea>, into targetID: ID<Idea>, by memberID: ID<User>) throws -> Idea {
        guard sourceID != targetID else { throw EngagementError.conflict("an idea cannot be merged into itself") }
        return try engine.perform { tx, effects in
            _ = try engine.writer(memberID, in: tx)
            guard engine.isModerator(memberID) else { throw EngagementError.notAllowed(action: "merge", subject: "idea \(sourceID)") }
            guard var source = try tx.value(sourceID) else { throw EngagementError.notFound(.idea(sourceID)) }
            guard var target = try tx.value(targetID) else { throw EngagementError.notFound(.idea(targetID)) }
            if source.mergedInto != nil { throw EngagementError.conflict("idea \(sourceID) is already merged") }
            if target.mergedInto != nil { throw EngagementError.conflict("idea \(targetID) is itself merged") }
            for (voter, vote) in source.votes where target.votes[voter] == nil { target.votes[voter] = vote }
            let comments = try tx.query(Query<Comment>().where("subject", equals: .reference(ContentRef.idea(sourceID).description)))
            for var c in comments.map(\.value) {
                c.subject = .idea(targetID)
                try tx.put(c)
                if c.status == .published { target.commentCount += 1 }
            }
            target.mergedIdeaIDs.append(sourceID)
            target.mergedIdeaIDs.append(contentsOf: source.mergedIdeaIDs)
            source.mergedInto = targetID
            source.commentCount = 0
            source.votes = [:]
            try tx.put(source)
            try tx.put(target)
            effects.publish(IdeasMerged(sourceID: sourceID, targetID: targetID, mergedBy: memberID, occurredAt: engine.clock.now()))
            return target
        }
    }

    /// One idea (merged duplicates still resolve, with ``Idea/mergedInto`` set); another site's
    /// idea is not found in `site`.
    public func idea(_ id: ID<Idea>, viewer: ID<User>, site: String? = nil) throws -> Idea {
        guard let idea = try engine.store.snapshot().value(id), engine.canSee(status: idea.publication, author: idea.authorID, viewer: viewer),
              SiteScope.includes(idea.siteID, in: site)
        else { throw EngagementError.notFound(.idea(id)) }
        return idea
    }

    /// The idea zones a site shows (its own and engine-wide ones), by name; every zone for `nil`.
    public func zones(site: String? = nil) throws -> [IdeaZone] {
        try engine.store.snapshot().all(IdeaZone.self).map(\.value).filter { SiteScope.includes($0.siteID, in: site) }
            .sorted { $0.name != $1.name ? $0.name < $1.name : $0.id < $1.id }
    }

    /// A zone's open ideas (merged duplicates left out) in the given order.
    public func list(
        _ zoneID: ID<IdeaZone>, order: IdeaOrder = .top, category: String? = nil, viewer: ID<User>, limit: Int = 50
    ) throws -> [Idea] {
        let snapshot = engine.store.snapshot()
        guard let zone = try snapshot.value(zoneID) else { throw EngagementError.unknownZone(zoneID) }
        var ideas = try snapshot.query(Query<Idea>().where("zoneID", equals: .reference(zoneID.rawValue))).map(\.value).filter {
            $0.mergedInto == nil && engine.canSee(status: $0.publication, author: $0.authorID, viewer: viewer)
                && (category == nil || $0.categories.contains { $0 == category })
        }
        let now = engine.clock.now()
        func newer(_ a: Idea, _ b: Idea) -> Bool { a.createdAt != b.createdAt ? a.createdAt > b.createdAt : a.id < b.id }
        switch order {
        case .top:
            ideas.sort { $0.score != $1.score ? $0.score > $1.score : newer($0, $1) }
        case .trending:
            let scored = ideas.map { ($0, $0.trendingScore(at: now, halfLifeHours: zone.trendingHalfLifeHours)) }
            ideas = scored.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : newer($0.0, $1.0) }.map(\.0)
        case .recent:
            ideas.sort(by: newer)
        case .status(let status):
            ideas = ideas.filter { $0.status == status }
            ideas.sort {
                let a = $0.statusHistory.last?.at ?? $0.createdAt, b = $1.statusHistory.last?.at ?? $1.createdAt
                return a != b ? a > b : $0.id < $1.id
            }
        }
        return Array(ideas.prefix(max(0, limit)))
    }
}
