public import CommunityModel
import Foundation

/// Posts, comments, likes, mentions, polls, following and feeds.
///
/// Every read checks what the viewer may see; every write is one transaction that publishes
/// its events after committing.
public struct Feeds: Sendable {
    let engine: Engagement

    // MARK: Posting

    /// Posts to a member's profile, a record or a group.
    ///
    /// The body is sanitised, moderation rules and rate limits apply (the post may be masked,
    /// held for review, or refused), mentions are resolved, and the post appears in the feeds
    /// of its parent, its author and its topics.
    ///
    /// - Throws: ``EngagementError`` for an unknown or frozen member, a parent the author may not
    ///   post to, invalid fields, or a moderation refusal.
    @discardableResult
    public func post(_ draft: PostDraft, by authorID: ID<User>) throws -> FeedItem {
        try post(draft, by: authorID, questionID: nil, title: nil)
    }

    func post(_ draft: PostDraft, by authorID: ID<User>, questionID: ID<Question>?, title: String?) throws -> FeedItem {
        let prepared = try prepare(draft)
        return try engine.perform { tx, effects in
            try post(prepared, draft, by: authorID, questionID: questionID, title: title, tx, effects)
        }
    }

    /// A draft's checked and sanitised parts, computed before the transaction.
    struct PreparedPost {
        var body: SanitizedHTML
        /// The body's text without markup (screening and mentions read it).
        var plainText: String
        var topics: [String]
        var poll: FeedItem.Poll?
    }

    /// Validates and sanitises a draft (no store access).
    func prepare(_ draft: PostDraft) throws -> PreparedPost {
        let config = engine.configuration
        let (body, plainText) = try engine.sanitizeWithPlainText(draft.body, field: "FeedItem.Body")
        let topics = try Self.normalisedTopics(draft.topics, max: config.maxTopics)
        var poll: FeedItem.Poll?
        switch draft.kind {
        case .text, .question:
            if draft.kind == .text, plainText.isEmpty {
                throw EngagementError.invalid(ValidationError(field: "FeedItem.Body", reason: .required))
            }
        case .link:
            guard let link = draft.link, SafeLink.isSafe(link, allowMailto: false), link.count <= 2_000 else {
                throw EngagementError.invalid(ValidationError(field: "FeedItem.Link", reason: .invalidValue("not an http(s) or relative link")))
            }
        case .poll:
            let choices = draft.pollChoices.map { $0.trimmingWhitespace() }
            guard choices.count >= 2, choices.count <= config.maxPollChoices, choices.allSatisfy({ !$0.isEmpty && $0.count <= 200 }),
                Set(choices).count == choices.count
            else {
                throw EngagementError.invalid(ValidationError(
                    field: "FeedItem.Poll", reason: .invalidValue("2 to \(config.maxPollChoices) distinct choices of 1 to 200 characters")))
            }
            poll = FeedItem.Poll(choices: choices)
        case .file:
            guard let a = draft.attachment, !a.fileID.isEmpty, a.size >= 0 else {
                throw EngagementError.invalid(ValidationError(field: "FeedItem.Attachment", reason: .required))
            }
            try engine.checkText(a.title, field: "FeedItem.Attachment.Title", max: 255)
        }
        return PreparedPost(body: body, plainText: plainText, topics: topics, poll: poll)
    }

    /// Writes a prepared post inside `tx`; `nil` when moderation refused it (see ``WriteEffects``).
    func post(
        _ prepared: PreparedPost, _ draft: PostDraft, by authorID: ID<User>, questionID: ID<Question>?, title: String?,
        _ tx: any StoreTransaction, _ effects: WriteEffects
    ) throws -> FeedItem? {
        let body = prepared.body, topics = prepared.topics, poll = prepared.poll
        do {
            let author = try engine.writer(authorID, in: tx)
            try checkCanPost(to: draft.parent, author: author, in: tx)
            var group: ID<CommunityGroup>?
            var site = draft.site
            if case .group(let g) = draft.parent {
                group = g
                // A group's posts belong to the group's site; another site cannot post into it.
                let groupSite = try tx.value(g)?.siteID
                guard SiteScope.includes(groupSite, in: draft.site) else { throw EngagementError.unknownGroup(g) }
                site = groupSite ?? draft.site
            }
            let kind: ContentKind = draft.kind == .question ? .question : .post
            guard let screened = try engine.screen(tx, effects, author: author, kind: kind, title: title, html: body,
                plainText: prepared.plainText, group: group)
            else { return nil }
            var attachment = draft.attachment
            if let a = attachment {
                // File titles are screened on their own (kind .fileTitle).
                guard let t = try engine.screen(tx, effects, author: author, kind: .fileTitle, title: a.title,
                    html: SanitizedHTML(escaping: ""), group: nil, countsTowardRate: false)
                else { return nil }
                attachment?.title = t.title ?? a.title
            }
            // Masking changes the text; otherwise the prepared plain text is the screened one's.
            let mentions = try resolveMentions(
                inPlainText: screened.html == body ? prepared.plainText : RichTextSanitizer.plainText(screened.html.html), tx: tx)
            let now = engine.clock.now()
            let item = FeedItem(
                id: CompactID.make(prefix: "fi"), authorID: author.id, kind: draft.kind, parent: draft.parent, body: screened.html,
                topics: topics, mentionedMembers: mentions.members, mentionedGroups: mentions.groups,
                link: draft.kind == .link ? draft.link : nil, poll: poll, attachment: attachment, questionID: questionID,
                createdAt: now, status: screened.status, siteID: site)
            try tx.put(item, expecting: .absent)
            try engine.enqueue(tx, effects, subject: .item(item.id), author: author.id, sources: screened.sources)
            effects.publish(FeedItemPosted(
                itemID: item.id, authorID: author.id, kind: item.kind, parent: item.parent, topics: topics,
                status: item.status, occurredAt: now))
            if item.status == .published {
                // Points for posting are part of the post's own transaction.
                try ReputationEngine.award(engine, author.id, draft.kind == .question ? .question : .post, topics: topics, once: nil,
                    site: site, rules: engine.configuration.reputation, in: tx, effects)
                publishMentions(of: item, effects)
            }
            return item
        }
    }

    func publishMentions(of item: FeedItem, _ effects: WriteEffects) {
        let now = engine.clock.now()
        for m in item.mentionedMembers where m != item.authorID {
            effects.publish(MemberMentioned(subject: .item(item.id), memberID: m, mentionedBy: item.authorID, viaGroup: nil, occurredAt: now))
        }
        for g in item.mentionedGroups {
            for m in engine.index.audience(g)?.members ?? [] where m != item.authorID && !item.mentionedMembers.contains(m) {
                effects.publish(MemberMentioned(subject: .item(item.id), memberID: m, mentionedBy: item.authorID, viaGroup: g, occurredAt: now))
            }
        }
    }

    /// Checks the author may post under `parent`: a record they can read, a group they belong
    /// to (not archived), any member's profile.
    func checkCanPost(to parent: FeedParent, author: User, in reader: any StoreReader) throws {
        switch parent {
        case .member(let owner):
            if owner != author.id { _ = try engine.member(owner, in: reader) }  // the author is known to be active
        case .record(let record):
            guard engine.access.canRead(record, user: author.id) else {
                throw EngagementError.notAllowed(action: "post on", subject: record.description)
            }
        case .group(let g):
            guard let group = try reader.value(g), group.visibility != .unlisted || engine.index.isMember(author.id, of: g) else {
                throw EngagementError.unknownGroup(g)
            }
            if group.isArchived { throw EngagementError.groupArchived(g) }
            guard engine.index.isMember(author.id, of: g) else {
                throw EngagementError.notAllowed(action: "post in", subject: "group \(g) (join it first)")
            }
        }
    }

    static func normalisedTopics(_ topics: [String], max: Int) throws -> [String] {
        var seen = Set<String>()
        var out: [String] = []
        for t in topics {
            let n = Topics.normalise(t)
            guard !n.isEmpty else { continue }
            guard n.count <= 80, !n.contains(where: { $0 == "<" || $0 == ">" }) else {
                throw EngagementError.invalid(ValidationError(field: "Topics", reason: .invalidValue("topic \(t.prefix(80).debugDescription)")))
            }
            if seen.insert(n).inserted { out.append(n) }
        }
        if out.count > max {
            throw EngagementError.invalid(ValidationError(field: "Topics", reason: .outOfRange("\(out.count) topics, at most \(max)")))
        }
        return out
    }

    /// The members and groups mentioned in text (unknown handles and ids are ignored).
    func resolveMentions(in html: String, tx: any StoreReader) throws -> (members: [ID<User>], groups: [ID<CommunityGroup>]) {
        try resolveMentions(inPlainText: RichTextSanitizer.plainText(html), tx: tx)
    }

    /// The members and groups mentioned in text without markup.
    func resolveMentions(inPlainText text: String, tx: any StoreReader) throws -> (members: [ID<User>], groups: [ID<CommunityGroup>]) {
        var members: [ID<User>] = []
        var groups: [ID<CommunityGroup>] = []
        for token in MentionParser.parse(text) {
            switch token {
            case .member(let raw):
                if let id = try? ID<User>(parsing: raw), let u = try tx.value(id), u.isActive, !members.contains(id) { members.append(id) }
            case .group(let raw):
                if let id = try? ID<CommunityGroup>(parsing: raw), try tx.value(id) != nil, !groups.contains(id) { groups.append(id) }
            case .handle(let h):
                if let id = engine.index.member(handle: h), !members.contains(id) {
                    members.append(id)
                } else if let g = engine.index.group(handle: h), !groups.contains(g) {
                    groups.append(g)
                }
            }
        }
        return (members, groups)
    }

    // MARK: Editing and deleting

    /// Replaces a post's text (its author only); the old text goes to the history.
    @discardableResult
    public func edit(_ id: ID<FeedItem>, body newBody: String, by editorID: ID<User>) throws -> FeedItem {
        let body = try engine.sanitize(newBody, field: "FeedItem.Body")
        return try engine.perform { tx, effects in
            let editor = try engine.writer(editorID, in: tx)
            guard var item = try tx.value(id), engine.canSee(item, viewer: editorID) else { throw EngagementError.notFound(.item(id)) }
            guard item.authorID == editorID else { throw EngagementError.notAllowed(action: "edit", subject: "item \(id)") }
            var group: ID<CommunityGroup>?
            if case .group(let g) = item.parent { group = g }
            guard let screened = try engine.screen(tx, effects, author: editor, kind: item.kind == .question ? .question : .post,
                title: nil, html: body, group: group, countsTowardRate: false)
            else { return nil }
            let now = engine.clock.now()
            try tx.put(Revision(id: .generate(prefix: "rev"), subject: .item(id), previousBody: item.body.html, changedBy: editorID, change: .edited, at: now))
            item.body = screened.html
            item.editedAt = now
            if screened.status == .pendingReview { item.status = .pendingReview }
            let mentions = try resolveMentions(in: screened.html.html, tx: tx)
            let newMentions = mentions.members.filter { !item.mentionedMembers.contains($0) }
            item.mentionedMembers = mentions.members
            item.mentionedGroups = mentions.groups
            try tx.put(item)
            try engine.enqueue(tx, effects, subject: .item(id), author: item.authorID, sources: screened.sources)
            effects.publish(ContentEdited(subject: .item(id), editorID: editorID, occurredAt: now))
            if item.status == .published {
                for m in newMentions where m != editorID {
                    effects.publish(MemberMentioned(subject: .item(id), memberID: m, mentionedBy: editorID, viaGroup: nil, occurredAt: now))
                }
            }
            return item
        }
    }

    /// Deletes a post (its author, or a moderator); the text is kept in the history.
    public func delete(_ id: ID<FeedItem>, by memberID: ID<User>) throws {
        try engine.perform { tx, effects -> Bool? in
            _ = try engine.member(memberID, in: tx)
            guard var item = try tx.value(id), engine.canSee(item, viewer: memberID) || engine.isModerator(memberID) else {
                throw EngagementError.notFound(.item(id))
            }
            guard item.authorID == memberID || engine.isModerator(memberID) else {
                throw EngagementError.notAllowed(action: "delete", subject: "item \(id)")
            }
            guard item.status != .deleted else { return true }
            let now = engine.clock.now()
            try tx.put(Revision(id: .generate(prefix: "rev"), subject: .item(id), previousBody: item.body.html, changedBy: memberID, change: .deleted, at: now))
            item.status = .deleted
            try tx.put(item)
            if item.authorID != memberID {
                try engine.audit(tx, actor: memberID, .removed, subject: ContentRef.item(id).description, detail: "deleted by moderator")
            }
            effects.publish(ContentDeleted(subject: .item(id), deletedBy: memberID, occurredAt: now))
            return true
        }
    }

    /// The edit history of content the viewer may see (its author and moderators see deleted
    /// content's history too), oldest first.
    public func history(of subject: ContentRef, viewer: ID<User>) throws -> [Revision] {
        let snapshot = engine.store.snapshot()
        let allowed: Bool
        if engine.isModerator(viewer) {
            allowed = true
        } else if (try? engine.visibleAuthor(of: subject, viewer: viewer, in: snapshot)) != nil {
            allowed = true
        } else {
            allowed = try author(of: subject, in: snapshot) == viewer
        }
        guard allowed else { throw EngagementError.notFound(subject) }
        return try snapshot.query(Query<Revision>().where("subject", equals: .reference(subject.description)))
            .map(\.value).sorted { $0.at != $1.at ? $0.at < $1.at : $0.id < $1.id }
    }

    func author(of subject: ContentRef, in reader: any StoreReader) throws -> ID<User>? {
        switch subject {
        case .item(let id): try reader.value(id)?.authorID
        case .comment(let id): try reader.value(id)?.authorID
        case .question(let id): try reader.value(id)?.askerID
        case .answer(let id): try reader.value(id)?.authorID
        case .idea(let id): try reader.value(id)?.authorID
        case .member(let id): id
        case .group(let id): try reader.value(id)?.ownerID
        }
    }

    // MARK: Comments

    /// Comments on a post, an answer or an idea the author may see.
    @discardableResult
    public func comment(on subject: ContentRef, body text: String, by authorID: ID<User>) throws -> Comment {
        switch subject {
        case .item, .answer, .idea: break
        default: throw EngagementError.notAllowed(action: "comment on", subject: subject.description)
        }
        let body = try engine.sanitize(text, field: "Comment.Body")
        guard !RichTextSanitizer.plainText(body.html).isEmpty else {
            throw EngagementError.invalid(ValidationError(field: "Comment.Body", reason: .required))
        }
        return try engine.perform { tx, effects in
            let author = try engine.writer(authorID, in: tx)
            let subjectAuthor = try engine.visibleAuthor(of: subject, viewer: authorID, in: tx)
            var group: ID<CommunityGroup>?
            if case .item(let id) = subject, let item = try tx.value(id) {
                if case .group(let g) = item.parent {
                    group = g
                    if try tx.value(g)?.isArchived == true { throw EngagementError.groupArchived(g) }
                }
                guard item.status == .published else { throw EngagementError.notAllowed(action: "comment on", subject: "an unpublished item") }
            }
            guard let screened = try engine.screen(tx, effects, author: author, kind: .comment, title: nil, html: body, group: group)
            else { return nil }
            let mentions = try resolveMentions(in: screened.html.html, tx: tx)
            let now = engine.clock.now()
            let comment = Comment(
                id: .generate(prefix: "cm"), subject: subject, authorID: authorID, body: screened.html,
                mentionedMembers: mentions.members, createdAt: now, status: screened.status)
            try tx.put(comment, expecting: .absent)
            if screened.status == .published { try adjustCommentCount(subject, by: 1, tx) }
            try engine.enqueue(tx, effects, subject: .comment(comment.id), author: authorID, sources: screened.sources)
            effects.publish(CommentPosted(
                commentID: comment.id, subject: subject, authorID: authorID, subjectAuthorID: subjectAuthor,
                status: comment.status, occurredAt: now))
            if comment.status == .published {
                for m in mentions.members where m != authorID {
                    effects.publish(MemberMentioned(subject: .comment(comment.id), memberID: m, mentionedBy: authorID, viaGroup: nil, occurredAt: now))
                }
            }
            return comment
        }
    }

    func adjustCommentCount(_ subject: ContentRef, by delta: Int, _ tx: any StoreTransaction) throws {
        switch subject {
        case .item(let id):
            if var item = try tx.value(id) {
                item.commentCount = max(0, item.commentCount + delta)
                try tx.put(item)
            }
        case .idea(let id):
            if var idea = try tx.value(id) {
                idea.commentCount = max(0, idea.commentCount + delta)
                try tx.put(idea)
            }
        default: break
        }
    }

    /// Replaces a comment's text (its author only); the old text goes to the history.
    @discardableResult
    public func editComment(_ id: ID<Comment>, body text: String, by editorID: ID<User>) throws -> Comment {
        let body = try engine.sanitize(text, field: "Comment.Body")
        return try engine.perform { tx, effects in
            let editor = try engine.writer(editorID, in: tx)
            guard var comment = try tx.value(id), comment.status != .deleted, comment.status != .removed else {
                throw EngagementError.notFound(.comment(id))
            }
            guard comment.authorID == editorID else { throw EngagementError.notAllowed(action: "edit", subject: "comment \(id)") }
            guard let screened = try engine.screen(tx, effects, author: editor, kind: .comment, title: nil, html: body, group: nil,
                countsTowardRate: false)
            else { return nil }
            let now = engine.clock.now()
            try tx.put(Revision(id: .generate(prefix: "rev"), subject: .comment(id), previousBody: comment.body.html, changedBy: editorID, change: .edited, at: now))
            comment.body = screened.html
            comment.editedAt = now
            if screened.status == .pendingReview { comment.status = .pendingReview }
            try tx.put(comment)
            try engine.enqueue(tx, effects, subject: .comment(id), author: editorID, sources: screened.sources)
            effects.publish(ContentEdited(subject: .comment(id), editorID: editorID, occurredAt: now))
            return comment
        }
    }

    /// Deletes a comment (its author, or a moderator).
    public func deleteComment(_ id: ID<Comment>, by memberID: ID<User>) throws {
        try engine.perform { tx, effects -> Bool? in
            _ = try engine.member(memberID, in: tx)
            guard var comment = try tx.value(id), comment.status != .deleted else { throw EngagementError.notFound(.comment(id)) }
            guard comment.authorID == memberID || engine.isModerator(memberID) else {
                throw EngagementError.notAllowed(action: "delete", subject: "comment \(id)")
            }
            let now = engine.clock.now()
            try tx.put(Revision(id: .generate(prefix: "rev"), subject: .comment(id), previousBody: comment.body.html, changedBy: memberID, change: .deleted, at: now))
            if comment.status == .published { try adjustCommentCount(comment.subject, by: -1, tx) }
            comment.status = .deleted
            try tx.put(comment)
            effects.publish(ContentDeleted(subject: .comment(id), deletedBy: memberID, occurredAt: now))
            return true
        }
    }

    /// The comments on content the viewer may see, oldest first.
    public func comments(on subject: ContentRef, viewer: ID<User>) throws -> [Comment] {
        let snapshot = engine.store.snapshot()
        _ = try engine.visibleAuthor(of: subject, viewer: viewer, in: snapshot)
        return try snapshot.query(Query<Comment>().where("subject", equals: .reference(subject.description)))
            .map(\.value)
            .filter { engine.canSee(status: $0.status, author: $0.authorID, viewer: viewer) }
            .sorted { $0.createdAt != $1.createdAt ? $0.createdAt < $1.createdAt : $0.id < $1.id }
    }

    // MARK: Likes and polls

    /// Likes a post, comment or answer (once per member; liking again changes nothing).
    /// Members may like their own content, but earn no points for it.
    public func like(_ subject: ContentRef, by memberID: ID<User>) throws {
        try setLike(subject, memberID, liked: true)
    }

    /// Takes back a like.
    public func unlike(_ subject: ContentRef, by memberID: ID<User>) throws {
        try setLike(subject, memberID, liked: false)
    }

    private func setLike(_ subject: ContentRef, _ memberID: ID<User>, liked: Bool) throws {
        try engine.perform { tx, effects -> Bool? in
            _ = try engine.writer(memberID, in: tx)
            let author = try engine.visibleAuthor(of: subject, viewer: memberID, in: tx)
            var changed = false
            switch subject {
            case .item(let id):
                guard var item = try tx.value(id) else { break }
                changed = liked ? item.likers.insert(memberID).inserted : item.likers.remove(memberID) != nil
                if changed { try tx.put(item) }
            case .comment(let id):
                guard var c = try tx.value(id) else { break }
                changed = liked ? c.likers.insert(memberID).inserted : c.likers.remove(memberID) != nil
                if changed { try tx.put(c) }
            case .answer(let id):
                guard var a = try tx.value(id) else { break }
                changed = liked ? a.upvoters.insert(memberID).inserted : a.upvoters.remove(memberID) != nil
                if changed { try tx.put(a) }
            default:
                throw EngagementError.notAllowed(action: "like", subject: subject.description)
            }
            if changed {
                let now = engine.clock.now()
                effects.publish(liked
                    ? ContentLiked(subject: subject, likerID: memberID, authorID: author, occurredAt: now) as any DomainEvent
                    : ContentUnliked(subject: subject, likerID: memberID, authorID: author, occurredAt: now))
            }
            return true
        }
    }

    /// Chooses a poll choice (changeable: voting again replaces the vote).
    @discardableResult
    public func vote(inPoll id: ID<FeedItem>, choice: Int, by memberID: ID<User>) throws -> FeedItem.Poll {
        try engine.perform { tx, effects in
            _ = try engine.writer(memberID, in: tx)
            guard var item = try tx.value(id), engine.canSee(item, viewer: memberID), var poll = item.poll else {
                throw EngagementError.notFound(.item(id))
            }
            guard choice >= 0, choice < poll.choices.count else {
                throw EngagementError.invalid(ValidationError(field: "Poll.Choice", reason: .outOfRange("\(choice) of \(poll.choices.count)")))
            }
            poll.votes[memberID] = choice
            item.poll = poll
            try tx.put(item)
            effects.publish(PollVoted(itemID: id, voterID: memberID, choice: choice, occurredAt: engine.clock.now()))
            return poll
        }
    }

    // MARK: Following

    /// Follows a member, record, topic, group or question (following twice changes nothing).
    public func follow(_ target: FeedKey, by memberID: ID<User>) throws {
        try engine.perform { tx, effects -> Bool? in
            _ = try engine.member(memberID, in: tx)
            try checkCanFollow(target, memberID, tx)
            let id: ID<Follow> = StableID.make(prefix: "fw", memberID.rawValue, target.description)
            guard try tx.get(id) == nil else { return true }
            try tx.put(Follow(id: id, followerID: memberID, target: target, since: engine.clock.now()), expecting: .absent)
            effects.publish(FollowChanged(memberID: memberID, target: target, isFollowing: true, occurredAt: engine.clock.now()))
            return true
        }
    }

    /// Stops following.
    public func unfollow(_ target: FeedKey, by memberID: ID<User>) throws {
        try engine.perform { tx, effects -> Bool? in
            let id: ID<Follow> = StableID.make(prefix: "fw", memberID.rawValue, target.description)
            guard try tx.get(id) != nil else { return true }
            try tx.delete(id)
            effects.publish(FollowChanged(memberID: memberID, target: target, isFollowing: false, occurredAt: engine.clock.now()))
            return true
        }
    }

    private func checkCanFollow(_ target: FeedKey, _ memberID: ID<User>, _ reader: any StoreReader) throws {
        switch target {
        case .member(let other): _ = try engine.member(other, in: reader)
        case .record(let r):
            guard engine.access.canRead(r, user: memberID) else { throw EngagementError.notAllowed(action: "follow", subject: r.description) }
        case .topic(let t):
            guard !t.isEmpty, t == Topics.normalise(t) else {
                throw EngagementError.invalid(ValidationError(field: "Topic", reason: .invalidValue("use FeedKey.topicKey(_:)")))
            }
        case .group(let g):
            guard try reader.value(g) != nil, engine.canSeeFeed(of: g, viewer: memberID) else { throw EngagementError.unknownGroup(g) }
        case .question(let q):
            _ = try engine.visibleQuestion(q, viewer: memberID, in: reader)
        }
    }

    /// What a member follows.
    public func following(_ memberID: ID<User>) -> Set<FeedKey> { engine.index.followed(by: memberID) }

    /// Who follows a feed.
    public func followers(of target: FeedKey) -> Set<ID<User>> { engine.index.followers(of: target) }

    // MARK: Reading

    /// One item, if the viewer may see it (and, with a site, it belongs there or engine-wide).
    public func item(_ id: ID<FeedItem>, viewer: ID<User>, site: String? = nil) throws -> FeedItem {
        guard let item = try engine.store.snapshot().value(id), engine.canSee(item, viewer: viewer),
              SiteScope.includes(item.siteID, in: site) else {
            throw EngagementError.notFound(.item(id))
        }
        return item
    }

    /// The viewer's home feed: everything they follow plus their own posts, newest first; with a
    /// site, only that site's items and engine-wide ones (see ``SiteScope``).
    public func home(viewer: ID<User>, after cursor: FeedCursor? = nil, limit: Int = 20, site: String? = nil) throws -> FeedPage {
        var keys = engine.index.followed(by: viewer)
        keys.insert(.member(viewer))
        return try page(keys: keys, viewer: viewer, after: cursor, limit: limit, site: site)
    }

    /// One feed (a member's, record's, topic's, group's or question's), newest first; with a
    /// site, only that site's items and engine-wide ones.
    public func feed(
        _ key: FeedKey, viewer: ID<User>, after cursor: FeedCursor? = nil, limit: Int = 20, site: String? = nil
    ) throws -> FeedPage {
        switch key {
        case .record(let r):
            guard engine.access.canRead(r, user: viewer) else { throw EngagementError.notAllowed(action: "read the feed of", subject: r.description) }
        case .group(let g):
            guard engine.canSeeFeed(of: g, viewer: viewer) else { throw EngagementError.unknownGroup(g) }
        default: break
        }
        return try page(keys: [key], viewer: viewer, after: cursor, limit: limit, site: site)
    }

    /// Merges feed logs newest first with a heap, skipping duplicates and what the viewer may
    /// not see. At most `limit * 50` candidates are examined per page; the cursor then points
    /// past them, so a page may hold fewer items without being the end.
    func page(keys: Set<FeedKey>, viewer: ID<User>, after cursor: FeedCursor?, limit: Int, site: String? = nil) throws -> FeedPage {
        let limit = min(max(limit, 1), 200)
        let logs = engine.index.logs(keys).map { $0.view() }
        let positions = engine.index.items.view()
        let snapshot = engine.store.snapshot()
        guard try snapshot.value(viewer)?.isActive == true else { throw EngagementError.unknownMember(viewer) }
        var heap = MaxHeap()
        for (n, log) in logs.enumerated() {
            var hi = log.count
            if let cursor { hi = Self.lowerBound(log, cursor.position) }
            if hi > 0 { heap.push(HeapEntry(position: log[hi - 1], log: n, index: hi - 1)) }
        }
        var items: [FeedItem] = []
        var last: Int32 = -1
        var examined = 0
        let budget = limit * 50
        while let top = heap.pop() {
            if top.index > 0 { heap.push(HeapEntry(position: logs[top.log][top.index - 1], log: top.log, index: top.index - 1)) }
            if top.position == last { continue }
            last = top.position
            examined += 1
            if let item = try snapshot.value(positions[Int(top.position)]), engine.canSee(item, viewer: viewer),
               SiteScope.includes(item.siteID, in: site) {
                items.append(item)
                if items.count == limit { break }
            }
            if examined >= budget { break }
        }
        while let top = heap.peek, top.position == last {
            _ = heap.pop()
            if top.index > 0 { heap.push(HeapEntry(position: logs[top.log][top.index - 1], log: top.log, index: top.index - 1)) }
        }
        let more = !heap.isEmpty
        return FeedPage(items: items, next: more && last >= 0 ? FeedCursor(position: last) : nil)
    }

    /// The number of entries below `position` in an ascending log.
    static func lowerBound(_ log: AppendLog<Int32>.View, _ position: Int32) -> Int {
        var lo = 0, hi = log.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if log[mid] < position { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }
}

/// A position in one feed log, for merging.
struct HeapEntry {
    var position: Int32
    var log: Int
    var index: Int
}

/// A small binary max-heap of feed log heads, by position.
struct MaxHeap {
    private var storage: [HeapEntry] = []

    var isEmpty: Bool { storage.isEmpty }
    var peek: HeapEntry? { storage.first }

    mutating func push(_ e: HeapEntry) {
        storage.append(e)
        var i = storage.count - 1
        while i > 0 {
            let p = (i - 1) / 2
            guard storage[p].position < storage[i].position else { break }
            storage.swapAt(p, i)
            i = p
        }
    }

    mutating func pop() -> HeapEntry? {
        guard !storage.isEmpty else { return nil }
        let top = storage[0]
        let last = storage.removeLast()
        if !storage.isEmpty {
            storage[0] = last
            var i = 0
            while true {
                let l = 2 * i + 1, r = l + 1
                var m = i
                if l < storage.count, storage[l].position > storage[m].position { m = l }
                if r < storage.count, storage[r].position > storage[m].position { m = r }
                if m == i { break }
                storage.swapAt(i, m)
                i = m
            }
        }
        return top
    }
}
