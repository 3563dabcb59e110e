public import CommunityContent
import CommunityEngagement
public import CommunityModel
public import Foundation

extension Community {
    /// The snapshot file of ``CommunityConfiguration/searchIndexSnapshot``, if configured.
    public var searchIndexSnapshotFile: URL? { searchSnapshots.file }

    /// The last search index snapshot written since this community started, or the one it
    /// started from.
    public var lastSearchIndexSnapshot: SearchIndexSnapshotRecord? { searchSnapshots.lastWritten }

    /// The last store change every search indexer has applied: what a snapshot taken now covers.
    public var searchIndexSequence: UInt64 {
        min(indexer.appliedSequence, engagementIndexer.appliedSequence, fileIndexer.appliedSequence)
    }

    /// Writes the search index to ``CommunityConfiguration/searchIndexSnapshot`` crash-safely,
    /// labelled with the store change it covers, so that the next start loads it and follows
    /// the feed from there instead of reindexing everything; `nil` when no snapshot file is
    /// configured. Call it periodically and on shutdown.
    ///
    /// - Throws: ``SearchIndexSnapshotError/io(_:)`` when the file cannot be written,
    ///   ``SearchIndexSnapshotError/unsupportedIndex(_:)`` when the configured index is not a
    ///   ``MemorySearchIndex``.
    @discardableResult
    public func writeSearchIndexSnapshot() throws(SearchIndexSnapshotError) -> SearchIndexSnapshotRecord? {
        let record = try searchSnapshots.write(searchIndex, sequence: searchIndexSequence, clock: clock)
        if let record {
            logger.log(
                .info, .searchSnapshotWritten, "Wrote the search index snapshot.",
                metadata: ["sequence": .integer(record.sequence), "documents": .integer(record.documents), "bytes": .integer(record.bytes)])
        }
        return record
    }

    /// How ``searchIndexStart`` reads in a sentence.
    public var searchIndexStartDescription: String {
        switch searchIndexStart {
        case .snapshot(let sequence, let documents, _, let caughtUp):
            "from the snapshot at change \(sequence) (\(documents) documents), then \(caughtUp) changes from the feed"
        case .fullBuild(nil): "by indexing the whole store (no snapshot)"
        case .fullBuild(let error?): "by indexing the whole store (snapshot not used: \(error))"
        }
    }

    typealias SearchIndexers = (
        knowledge: KnowledgeSearchIndexer, engagement: EngagementSearchIndexer, files: FileSearchIndexer,
        start: SearchIndexStart, loaded: SearchIndexSnapshotRecord?
    )

    /// Starts the search indexers: from the snapshot file when it exists and can be used (the
    /// index loads it, then every indexer follows the feed after its sequence), otherwise by
    /// indexing the whole store. An unusable snapshot is logged and the index cleared first.
    static func startSearch(
        _ store: any Store, index: any SearchIndex, snapshot url: URL?, logger: any CommunityLogger
    ) throws -> SearchIndexers {
        func fullBuild(_ fallback: SearchIndexSnapshotError?) throws -> SearchIndexers {
            if let fallback {
                logger.log(
                    .warning, .searchSnapshotUnusable, "The search index snapshot could not be used; indexed the whole store.",
                    metadata: ["reason": .text(fallback.description)])
            }
            return (
                try KnowledgeSearchIndexer(store: store, index: index), try EngagementSearchIndexer(store: store, index: index),
                try FileSearchIndexer(store: store, index: index), .fullBuild(fallback: fallback), nil
            )
        }
        guard let url, FileManager.default.fileExists(atPath: url.path) else { return try fullBuild(nil) }
        guard let memory = index as? MemorySearchIndex else {
            return try fullBuild(.unsupportedIndex(String(describing: type(of: index))))
        }
        do {
            let snapshot = try memory.loadSnapshot(from: url)
            let knowledge = try KnowledgeSearchIndexer(
                store: store, index: index, resumingAfter: snapshot.sequence, indexedKeys: snapshot.keys)
            let engagement = try EngagementSearchIndexer(store: store, index: index, resumingAfter: snapshot.sequence)
            let files = try FileSearchIndexer(store: store, index: index, resumingAfter: snapshot.sequence)
            let start = SearchIndexStart.snapshot(
                sequence: snapshot.sequence, documents: snapshot.documentCount, writtenAt: snapshot.writtenAt,
                caughtUp: knowledge.caughtUp)
            let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
            let loaded = SearchIndexSnapshotRecord(
                sequence: snapshot.sequence, documents: snapshot.documentCount, bytes: size, written: snapshot.writtenAt)
            return (knowledge, engagement, files, start, loaded)
        } catch {
            memory.removeAll()
            return try fullBuild(error as? SearchIndexSnapshotError ?? .catchUpFailed("\(error)"))
        }
    }
}

extension LogEventName {
    /// The search index snapshot was written. Metadata: `sequence`, `documents`, `bytes`.
    public static let searchSnapshotWritten: LogEventName = "search.snapshotWritten"
    /// The configured search index snapshot could not be used (damaged, of another format or
    /// analysis, or the feed no longer reaches it); the whole store was indexed. Metadata: `reason`.
    public static let searchSnapshotUnusable: LogEventName = "search.snapshotUnusable"
}
