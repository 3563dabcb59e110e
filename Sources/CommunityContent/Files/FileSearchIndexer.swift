public import CommunityModel
import Synchronization

/// Keeps file documents (type `file`, id = file id) in a ``SearchIndex`` in step with the
/// store: uploads, new versions, shares and library changes show at once.
///
/// A file's document is visible to its owner, holders of `knowledge:all`, members of the
/// groups it is shared with, all members (for `.allMembers`), employees and partners of a
/// high enough tier (for tier shares and libraries), and customers of libraries customers
/// see. Files shared only with a record are found by their owner alone: record access is
/// decided per record by Access, outside the index.
public final class FileSearchIndexer: Sendable {
    private let store: any Store
    private let index: any SearchIndex
    private let observation = Mutex<StoreObservation?>(nil)
    private let serial = Mutex(())
    private let failures = Mutex<[String]>([])
    private let applied = Mutex<UInt64>(0)

    /// Indexes every file, then follows the store.
    public init(store: any Store, index: any SearchIndex) throws {
        self.store = store
        self.index = index
        let observation = store.observe { [weak self] changes in self?.apply(changes) }
        self.observation.withLock { $0 = observation }
        try serial.withLock { _ in
            let snapshot = store.snapshot()
            try reindex(Set(try snapshot.all(ContentFile.self).map(\.value.id)), in: snapshot)
            applied.withLock { $0 = max($0, snapshot.sequence) }
        }
    }

    /// Resumes from a search index snapshot that already holds the file documents: follows the
    /// store and applies its feed after `sequence` instead of reindexing every file.
    ///
    /// - Throws: what ``SearchFeedCatchUp/replay(_:after:completing:apply:)`` throws; the
    ///   caller then clears the index and builds it in full.
    public init(store: any Store, index: any SearchIndex, resumingAfter sequence: UInt64) throws {
        self.store = store
        self.index = index
        applied.withLock { $0 = sequence }
        let observation = store.observe { [weak self] changes in self?.apply(changes) }
        self.observation.withLock { $0 = observation }
        try SearchFeedCatchUp.replay(store, after: sequence, completing: [FileShare.self, TopicAssignment.self]) { page in
            try applyThrowing(page)
        }
    }

    /// The last store feed sequence whose changes the index reflects.
    public var appliedSequence: UInt64 { applied.withLock { $0 } }

    /// Stops following the store.
    public func stop() { observation.withLock { $0?.cancel(); $0 = nil } }

    /// Errors met while indexing in the change observer.
    public var errors: [String] { failures.withLock { $0 } }

    func apply(_ changes: [Change]) {
        do {
            try applyThrowing(changes)
        } catch {
            failures.withLock { $0.append("\(error)") }
        }
    }

    private func applyThrowing(_ changes: [Change]) throws {
        var files = Set<ID<ContentFile>>()
        var libraries = false
        for change in changes {
            switch change.entityType {
            case ContentFile.entityType: if let id = try? ID<ContentFile>(parsing: change.id) { files.insert(id) }
            case FileShare.entityType:
                if let share = change.value(as: FileShare.self) { files.insert(share.fileID) } else { libraries = true }
            case Library.entityType: libraries = true
            case TopicAssignment.entityType:
                if let a = change.value(as: TopicAssignment.self), a.target.type == .file,
                    let id = try? ID<ContentFile>(parsing: a.target.id)
                {
                    files.insert(id)
                }
            default: continue
            }
        }
        if !files.isEmpty || libraries {
            try serial.withLock { _ in
                let snapshot = store.snapshot()
                if libraries { files.formUnion(try snapshot.all(ContentFile.self).map(\.value.id)) }
                try reindex(files, in: snapshot)
            }
        }
        if let last = changes.last?.sequence { applied.withLock { $0 = max($0, last) } }
    }

    private func reindex(_ ids: Set<ID<ContentFile>>, in snapshot: any StoreSnapshot) throws {
        var upserts: [SearchDocument] = []
        var removals: [SearchDocumentKey] = []
        for id in ids.sorted() {
            guard let file = try snapshot.value(id) else {
                removals.append(SearchDocumentKey(type: .file, id: id.rawValue))
                continue
            }
            var keys = [SearchAccessKey.user(file.ownerID.rawValue), SearchAccessKey.allKnowledge]
            func tierKeys(_ tier: Account.PartnerTier) -> [String] {
                [KnowledgeChannel.internal.accessKey] + Account.PartnerTier.allCases.filter { $0 >= tier }.map { SearchAccessKey.partnerTier($0.rawValue) }
            }
            if let libraryID = file.libraryID, let library = try snapshot.value(libraryID) {
                keys.append(KnowledgeChannel.internal.accessKey)
                if let tier = library.minimumTier { keys += tierKeys(tier) }
                if library.customersSee { keys.append(KnowledgeChannel.customer.accessKey) }
            }
            for share in try snapshot.query(Query<FileShare>().where("fileID", equals: .reference(id.rawValue))) {
                switch share.value.target {
                case .allMembers: keys.append(SearchAccessKey.members)
                case .group(let g): keys.append(SearchAccessKey.group(g.rawValue))
                case .partnerTier(let tier): keys += tierKeys(tier)
                case .record: continue
                }
            }
            let topics = try TopicService.topics(of: TopicTarget(type: .file, id: id.rawValue), in: snapshot)
            upserts.append(
                SearchDocument(
                    type: .file, id: id.rawValue, locale: file.locale, title: file.title, summary: file.description,
                    topics: topics.map(\.rawValue), visibility: .anyOf(Array(Set(keys)).sorted()),
                    createdAt: file.createdAt, updatedAt: file.updatedAt, popularity: Double(file.downloads)))
        }
        try index.remove(removals)
        try index.upsert(upserts)
    }
}
