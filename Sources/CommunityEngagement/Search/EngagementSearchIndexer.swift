public import CommunityContent
public import CommunityModel
import Synchronization

/// Keeps questions, ideas and feed posts in a ``SearchIndex`` in step with the store by
/// following its change feed, as ``KnowledgeSearchIndexer`` does for articles: an asked,
/// edited, moderated or removed item is found (or gone) by the next search.
///
/// Documents: `question` (id = question id), `idea` (id = idea id) and `discussion` (a feed
/// post that is not a question; id = feed item id). Their topics are the ids of the live
/// ``Topic``s their topic names mean (see ``TopicNames``), plus topics assigned through
/// ``TopicService`` (targets of type `question`, `idea` and `discussion`).
///
/// Visibility, checked inside the index:
/// - published questions and posts outside groups: everyone (questions) or members (posts);
/// - in a public group: members; in a private or unlisted group: the group's members
///   (``SearchAccessKey/group(_:)`` with the group id);
/// - posts on a CRM record: their author only (record access is decided per record, outside the index);
/// - published ideas: members;
/// - held for review: the author and moderators (``SearchAccessKey/moderators``);
/// - removed, deleted or merged away: not indexed.
///
/// Content that belongs to a site (its `siteID`) also needs that site: its visibility gains the
/// clause ``SearchAccessKey/site(_:)`` or ``SearchAccessKey/anySite``, so a search on one site
/// never lists or counts another site's questions, ideas or discussions, and an engine-wide
/// search (which holds ``SearchAccessKey/anySite``) finds them all. Content without a site is
/// visible on every site, as ``SiteScope`` says.
///
/// A viewer's Engagement keys come from ``Engagement/searchKeys(for:)``.
public final class EngagementSearchIndexer: Sendable {
    private let store: any Store
    private let index: any SearchIndex
    private let locale: @Sendable (ID<User>, any StoreReader) -> String
    private let observation = Mutex<StoreObservation?>(nil)
    private let serial = Mutex(())
    private let failures = Mutex<[String]>([])
    private let applied = Mutex<UInt64>(0)

    /// Indexes every question, idea and post, then follows the store. `locale` names the
    /// language of an author's text (the author's locale by default).
    public init(
        store: any Store, index: any SearchIndex,
        locale: (@Sendable (ID<User>, any StoreReader) -> String)? = nil
    ) throws {
        self.store = store
        self.index = index
        self.locale = locale ?? { user, reader in ((try? reader.value(user)) ?? nil)?.locale ?? "en_US" }
        let observation = store.observe { [weak self] changes in self?.apply(changes) }
        self.observation.withLock { $0 = observation }
        try reindexAll()
    }

    /// Resumes from a search index snapshot that already holds the engagement documents:
    /// follows the store and applies its feed after `sequence` instead of reindexing everything.
    ///
    /// - Throws: what ``SearchFeedCatchUp/replay(_:after:completing:apply:)`` throws; the
    ///   caller then clears the index and builds it in full.
    public init(
        store: any Store, index: any SearchIndex, resumingAfter sequence: UInt64,
        locale: (@Sendable (ID<User>, any StoreReader) -> String)? = nil
    ) throws {
        self.store = store
        self.index = index
        self.locale = locale ?? { user, reader in ((try? reader.value(user)) ?? nil)?.locale ?? "en_US" }
        applied.withLock { $0 = sequence }
        let observation = store.observe { [weak self] changes in self?.apply(changes) }
        self.observation.withLock { $0 = observation }
        try SearchFeedCatchUp.replay(store, after: sequence, completing: [TopicAssignment.self]) { page in try applyThrowing(page) }
    }

    /// The last store feed sequence whose changes the index reflects.
    public var appliedSequence: UInt64 { applied.withLock { $0 } }

    /// Stops following the store.
    public func stop() { observation.withLock { $0?.cancel(); $0 = nil } }

    /// Errors met while indexing in the change observer (which cannot throw), oldest first.
    public var errors: [String] { failures.withLock { $0 } }

    /// Rebuilds every question, idea and post document.
    public func reindexAll() throws {
        try serial.withLock { _ in
            let snapshot = store.snapshot()
            var affected = Affected()
            affected.everything(in: snapshot)
            try reindex(affected, in: snapshot)
            applied.withLock { $0 = max($0, snapshot.sequence) }
        }
    }

    private struct Affected {
        var questions = Set<ID<Question>>()
        var ideas = Set<ID<Idea>>()
        var items = Set<ID<FeedItem>>()
        var all = false
        var isEmpty: Bool { !all && questions.isEmpty && ideas.isEmpty && items.isEmpty }

        mutating func everything(in reader: any StoreReader) {
            questions.formUnion(((try? reader.all(Question.self)) ?? []).map(\.value.id))
            ideas.formUnion(((try? reader.all(Idea.self)) ?? []).map(\.value.id))
            items.formUnion(((try? reader.all(FeedItem.self)) ?? []).map(\.value.id))
        }

        mutating func insert(_ target: TopicTarget) {
            switch target.type {
            case .question: if let id = try? ID<Question>(parsing: target.id) { questions.insert(id) }
            case .idea: if let id = try? ID<Idea>(parsing: target.id) { ideas.insert(id) }
            case .discussion: if let id = try? ID<FeedItem>(parsing: target.id) { items.insert(id) }
            default: break
            }
        }
    }

    func apply(_ changes: [Change]) {
        do {
            try applyThrowing(changes)
        } catch {
            failures.withLock { $0.append("\(error)") }
        }
    }

    private func applyThrowing(_ changes: [Change]) throws {
        var affected = Affected()
        for change in changes {
            switch change.entityType {
            case Question.entityType: if let id = try? ID<Question>(parsing: change.id) { affected.questions.insert(id) }
            case Idea.entityType: if let id = try? ID<Idea>(parsing: change.id) { affected.ideas.insert(id) }
            case FeedItem.entityType: if let id = try? ID<FeedItem>(parsing: change.id) { affected.items.insert(id) }
            case TopicAssignment.entityType:
                if let a = change.value(as: TopicAssignment.self) { affected.insert(a.target) } else { affected.all = true }
            // A topic created, renamed or merged changes which topic a name means; a group's
            // visibility changes who sees what was posted in it.
            case Topic.entityType, CommunityGroup.entityType: affected.all = true
            default: continue
            }
        }
        if !affected.isEmpty {
            try serial.withLock { _ in
                let snapshot = store.snapshot()
                if affected.all { affected.everything(in: snapshot) }
                try reindex(affected, in: snapshot)
            }
        }
        if let last = changes.last?.sequence { applied.withLock { $0 = max($0, last) } }
    }

    private func reindex(_ affected: Affected, in snapshot: any StoreSnapshot) throws {
        let names = try TopicNames(in: snapshot)
        var upserts: [SearchDocument] = []
        var removals: [SearchDocumentKey] = []
        func topics(_ own: [String], _ target: TopicTarget) throws -> [String] {
            let assigned = try TopicService.topics(of: target, in: snapshot)
            var seen = Set<ID<Topic>>()
            return (names.topics(named: own) + assigned).filter { seen.insert($0).inserted }.map(\.rawValue)
        }
        for id in affected.questions.sorted() {
            let key = SearchDocumentKey(type: .question, id: id.rawValue)
            guard let q = try snapshot.value(id), let visibility = try Self.visibility(
                status: q.publication, author: q.askerID, parent: q.groupID.map { .group($0) }, question: true,
                site: q.siteID, in: snapshot)
            else { removals.append(key); continue }
            upserts.append(SearchDocument(
                type: .question, id: id.rawValue, locale: locale(q.askerID, snapshot), title: q.title,
                body: Self.text(q.body), topics: try topics(q.topics, TopicTarget(type: .question, id: id.rawValue)),
                visibility: visibility, createdAt: q.createdAt, updatedAt: q.editedAt ?? q.createdAt,
                popularity: Double(q.upvoters.count + q.answerCount)))
        }
        for id in affected.ideas.sorted() {
            let key = SearchDocumentKey(type: .idea, id: id.rawValue)
            guard let idea = try snapshot.value(id), idea.mergedInto == nil,
                let visibility = try Self.visibility(
                    status: idea.publication, author: idea.authorID, parent: nil, question: false, site: idea.siteID, in: snapshot)
            else { removals.append(key); continue }
            upserts.append(SearchDocument(
                type: .idea, id: id.rawValue, locale: locale(idea.authorID, snapshot), title: idea.title,
                body: Self.text(idea.body), categories: idea.categories,
                topics: try topics([], TopicTarget(type: .idea, id: id.rawValue)), visibility: visibility,
                createdAt: idea.createdAt, updatedAt: idea.editedAt ?? idea.createdAt, popularity: Double(max(0, idea.score))))
        }
        for id in affected.items.sorted() {
            let key = SearchDocumentKey(type: .discussion, id: id.rawValue)
            guard let item = try snapshot.value(id), item.kind != .question, let visibility = try Self.visibility(
                status: item.status, author: item.authorID, parent: item.parent, question: false, site: item.siteID, in: snapshot)
            else { removals.append(key); continue }
            let text = Self.text(item.body)
            let title = item.attachment?.title ?? String(text.prefix(80))
            upserts.append(SearchDocument(
                type: .discussion, id: id.rawValue, locale: locale(item.authorID, snapshot), title: title, body: text,
                topics: try topics(item.topics, TopicTarget(type: .discussion, id: id.rawValue)), visibility: visibility,
                createdAt: item.createdAt, updatedAt: item.editedAt ?? item.createdAt,
                popularity: Double(item.likers.count + item.commentCount)))
        }
        try index.remove(removals)
        try index.upsert(upserts)
    }

    /// Rich text as the plain text a search result shows: no markup, character references decoded.
    static func text(_ html: SanitizedHTML) -> String {
        CharacterReferences.decode(RichTextSanitizer.plainText(html.html), inAttribute: false)
    }

    /// Who may find an item of `site` (`nil`: every site), or `nil` when nobody may (removed, deleted).
    static func visibility(
        status: PublicationStatus, author: ID<User>, parent: FeedParent?, question: Bool, site: String?, in reader: any StoreReader
    ) throws -> SearchVisibility? {
        guard let audience = try audience(status: status, author: author, parent: parent, question: question, in: reader) else { return nil }
        guard let site else { return audience }
        return audience.and(.anyOf([SearchAccessKey.site(site), SearchAccessKey.anySite]))
    }

    /// Who may find an item on whichever site shows it, or `nil` when nobody may.
    private static func audience(
        status: PublicationStatus, author: ID<User>, parent: FeedParent?, question: Bool, in reader: any StoreReader
    ) throws -> SearchVisibility? {
        switch status {
        case .removed, .deleted: return nil
        case .pendingReview: return .anyOf([SearchAccessKey.user(author.rawValue), SearchAccessKey.moderators])
        case .published: break
        }
        switch parent {
        case nil: return question ? .everyone : .anyOf([SearchAccessKey.members])
        case .member: return .anyOf([SearchAccessKey.members])
        case .record: return .anyOf([SearchAccessKey.user(author.rawValue)])
        case .group(let g):
            guard let group = try reader.value(g) else { return nil }
            return group.visibility == .public ? .anyOf([SearchAccessKey.members]) : .anyOf([SearchAccessKey.group(g.rawValue)])
        }
    }
}
