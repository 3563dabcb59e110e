import CommunityModel

extension Engagement {
    /// Whether `viewer` may see content posted under `parent`.
    func canSee(parent: FeedParent, viewer: ID<User>) -> Bool {
        switch parent {
        case .member: return true
        case .record(let record): return access.canRead(record, user: viewer)
        case .group(let group): return canSeeFeed(of: group, viewer: viewer)
        }
    }

    /// Whether `viewer` may see a group's feed: public groups to everyone, others to members.
    func canSeeFeed(of group: ID<CommunityGroup>, viewer: ID<User>) -> Bool {
        guard let audience = index.audience(group) else { return false }
        return audience.visibility == .public || audience.members.contains(viewer)
    }

    /// Whether `viewer` may see content with this status by this author.
    func canSee(status: PublicationStatus, author: ID<User>, viewer: ID<User>) -> Bool {
        switch status {
        case .published: true
        case .pendingReview: author == viewer || isModerator(viewer)
        case .removed, .deleted: false
        }
    }

    /// Whether `viewer` may see a feed item.
    func canSee(_ item: FeedItem, viewer: ID<User>) -> Bool {
        canSee(status: item.status, author: item.authorID, viewer: viewer) && canSee(parent: item.parent, viewer: viewer)
    }

    /// Whether `viewer` may see a question (through the group it was asked in).
    func canSee(_ question: Question, viewer: ID<User>) -> Bool {
        canSee(status: question.publication, author: question.askerID, viewer: viewer)
            && (question.groupID.map { canSeeFeed(of: $0, viewer: viewer) } ?? true)
    }

    /// The question behind a visible question id, or `notFound`.
    func visibleQuestion(_ id: ID<Question>, viewer: ID<User>, in reader: any StoreReader) throws -> Question {
        guard let q = try reader.value(id), canSee(q, viewer: viewer) else { throw EngagementError.notFound(.question(id)) }
        return q
    }

    /// Whether `viewer` may see a piece of content, and who wrote it.
    func visibleAuthor(of subject: ContentRef, viewer: ID<User>, in reader: any StoreReader) throws -> ID<User> {
        switch subject {
        case .item(let id):
            guard let item = try reader.value(id), canSee(item, viewer: viewer) else { break }
            return item.authorID
        case .comment(let id):
            guard let c = try reader.value(id), canSee(status: c.status, author: c.authorID, viewer: viewer),
                (try? visibleAuthor(of: c.subject, viewer: viewer, in: reader)) != nil
            else { break }
            return c.authorID
        case .question(let id):
            guard let q = try reader.value(id), canSee(q, viewer: viewer) else { break }
            return q.askerID
        case .answer(let id):
            guard let a = try reader.value(id), canSee(status: a.publication, author: a.authorID, viewer: viewer),
                let q = try reader.value(a.questionID), canSee(q, viewer: viewer)
            else { break }
            return a.authorID
        case .idea(let id):
            guard let idea = try reader.value(id), canSee(status: idea.publication, author: idea.authorID, viewer: viewer)
            else { break }
            return idea.authorID
        case .member(let id):
            if try reader.value(id) != nil { return id }
        case .group(let id):
            if let g = try reader.value(id), g.visibility != .unlisted || index.isMember(viewer, of: id) { return g.ownerID }
        }
        throw EngagementError.notFound(subject)
    }
}
