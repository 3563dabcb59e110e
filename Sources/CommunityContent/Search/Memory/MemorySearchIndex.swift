public import CommunityModel
import Foundation
import Synchronization

/// The built-in ``SearchIndex``: an in-memory inverted index with BM25F ranking, typo
/// tolerance, prefix and compound matching, phrases, facets and visibility filtering
/// inside the query.
///
/// Storage is a list of immutable segments (a small one per write, merged in tiers by
/// ``SegmentMergePolicy`` so there are O(log n) of them). A search takes the current list with
/// one brief lock and then reads without locks, so searches never wait for writers and writers
/// never wait for searches; writers are serialised among themselves.
///
/// With `mergesInBackground`, the merges a write calls for run on another thread after the write
/// has published its new segment, while the caller prepares and analyses its next write; the next
/// write (or removal) waits for them before it changes the segment list, so the segments are the
/// same as if each write had merged before returning, but a search right after a write may read
/// them before or after the merge (scores use per-segment length norms, so they can move a little
/// when it lands). ``waitForMerges()`` waits for them explicitly. Without it (the default) a write
/// merges before it returns.
public final class MemorySearchIndex: SearchIndex {
    /// The ranking parameters.
    public let options: RankingOptions
    /// Whether merges run on another thread after a write returns (see the type's description).
    public let mergesInBackground: Bool
    private let clock: any WallClock
    private let state = Mutex(IndexState())
    private let writer = Mutex(())  // held while a write changes the segment list
    private let uids = Mutex(0)  // the next segment's uid
    /// The merges the last write left running (entered when they start, left when they are published).
    private let pendingMerges = DispatchGroup()
    private let scratchPool = ScratchPool()
    /// Analysed words, reused across writes (a writer takes it out while it analyses).
    private let termCache = Mutex(IndexTermCache())

    /// Creates an empty index whose writes merge before they return.
    public convenience init(options: RankingOptions = RankingOptions(), clock: any WallClock = SystemClock()) {
        self.init(options: options, clock: clock, mergesInBackground: false)
    }

    /// Creates an empty index; `mergesInBackground` lets a write return before the merges it calls
    /// for are done (a host writing in batches gains the merge time back on a second core).
    public init(options: RankingOptions = RankingOptions(), clock: any WallClock = SystemClock(), mergesInBackground: Bool) {
        self.options = options
        self.clock = clock
        self.mergesInBackground = mergesInBackground
    }

    // MARK: Writing

    public func upsert(_ documents: [SearchDocument]) throws {
        var latest: [SearchDocumentKey: Int] = [:]
        for (i, doc) in documents.enumerated() {
            try SearchIndexError.validate(doc)
            latest[doc.key] = i
        }
        let unique = documents.indices.filter { latest[documents[$0].key] == $0 }.map { documents[$0] }
        guard !unique.isEmpty else { return }
        var cache = termCache.withLock { cache in
            defer { cache = IndexTermCache() }
            return cache
        }
        // Trimmed only between writes: the segment below reads the term shapes by the ids
        // the analysis handed out.
        cache.trim()
        let analyzed = Self.analyze(unique, cache: &cache)
        cache.settle()
        let shapes = cache
        termCache.withLock { $0 = shapes }
        // Built before taking the writer lock, so it overlaps a merge the previous write left running
        // in the background.
        let segment = IndexSegment(uid: nextUID(), documents: analyzed, shapes: shapes, options: options)
        writer.withLock { _ in
            pendingMerges.wait()
            var next = state.withLock { $0 }
            Self.markDeleted(Set(unique.map(\.key)), in: &next)
            next.segments.append(segment)
            next.deleted.append([Bool](repeating: false, count: segment.count))
            next.deletedCounts.append(0)
            next.liveCount += segment.count
            if mergesInBackground {
                publish(next)
                startMerges(from: next)
            } else {
                mergeTail(&next)
                publish(next)
            }
        }
    }

    /// A new segment uid.
    private func nextUID() -> Int {
        uids.withLock { uid in
            defer { uid += 1 }
            return uid
        }
    }

    /// Waits until the merges earlier writes left running are done and their segments published.
    /// Searches never need to (they read a consistent list of segments before and after a merge);
    /// a caller timing its writes, or about to read ``segmentCount``, does.
    public func waitForMerges() {
        pendingMerges.wait()
    }

    /// Runs on another thread the merges ``SegmentMergePolicy`` asks for after `published`, and then
    /// publishes the merged list. Called with the writer lock held; until the merges are published
    /// every writer waits for them (``pendingMerges``) before it changes the list, so nothing
    /// changes `published`'s segments or deletions meanwhile and the merged list replaces it whole.
    private func startMerges(from published: IndexState) {
        let live = published.segments.indices.map { published.segments[$0].count - published.deletedCounts[$0] }
        guard SegmentMergePolicy.tailMergeCount(live: live) != nil else { return }
        pendingMerges.enter()
        // A thread of its own rather than a dispatch worker: a caller blocked in a write or in
        // `waitForMerges()` on a pool thread must not be what keeps the merge from running.
        let merging = Thread { [self] in
            var next = published
            mergeTail(&next)
            publish(next)
            pendingMerges.leave()
        }
        merging.start()
    }

    /// Makes `next` the state searches read. The state it replaces is let go outside the lock and on
    /// another thread: when it held the last reference to segments a merge replaced, freeing them
    /// (every posting list) neither holds up searches waiting for the lock nor the writer.
    private func publish(_ next: IndexState) {
        let replaced = state.withLock { current in
            let old = current
            current = next
            return old
        }
        DispatchQueue.global(qos: .utility).async { withExtendedLifetime(replaced) {} }
    }

    /// Documents per part when a write's analysis is spread over the cores.
    static let analysisPart = 500

    /// Analyses documents with `cache`, spread over the cores when there are enough of them:
    /// each part starts from a copy of the cache, and the terms the parts add are then taken
    /// into `cache`, their documents' term ids renumbered to match. The same analysis as one
    /// document after the other.
    static func analyze(_ documents: [SearchDocument], cache: inout IndexTermCache) -> [AnalyzedDocument] {
        let parts = min(ProcessInfo.processInfo.activeProcessorCount, documents.count / analysisPart)
        guard parts > 1 else { return documents.map { AnalyzedDocument($0, cache: &cache) } }
        let base = cache
        let size = (documents.count + parts - 1) / parts
        let results = Mutex<[Int: ([AnalyzedDocument], IndexTermCache)]>([:])
        DispatchQueue.concurrentPerform(iterations: parts) { part in
            var local = base
            let range = min(documents.count, part * size)..<min(documents.count, (part + 1) * size)
            var out: [AnalyzedDocument] = []
            out.reserveCapacity(range.count)
            for document in documents[range] { out.append(AnalyzedDocument(document, cache: &local)) }
            let finished = (out, local)
            results.withLock { $0[part] = finished }
        }
        let done = results.withLock { $0 }
        guard done.count == parts else { return documents.map { AnalyzedDocument($0, cache: &cache) } }
        let known = base.terms.count
        var analyzed: [AnalyzedDocument] = []
        analyzed.reserveCapacity(documents.count)
        for part in 0..<parts {
            var (documents, local) = done[part] ?? ([], base)
            if part == 0 {
                cache = local
            } else {
                let renumber = cache.adopt(local, from: known)
                for d in documents.indices {
                    documents[d].termRefs = documents[d].termRefs.map { $0 < known ? $0 : renumber[Int($0) - known] }
                }
            }
            analyzed.append(contentsOf: documents)
        }
        return analyzed
    }

    public func remove(_ keys: [SearchDocumentKey]) throws {
        guard !keys.isEmpty else { return }
        writer.withLock { _ in
            pendingMerges.wait()
            var next = state.withLock { $0 }
            Self.markDeleted(Set(keys), in: &next)
            let published = next
            state.withLock { $0 = published }
        }
    }

    public func document(_ key: SearchDocumentKey) throws -> SearchDocument? {
        let current = state.withLock { $0 }
        for (s, segment) in current.segments.enumerated().reversed() {
            if let d = segment.keyIndex[key], !current.deleted[s][Int(d)] { return segment.documents[Int(d)] }
        }
        return nil
    }

    public func count() throws -> Int { state.withLock { $0.liveCount } }

    /// Removes every document (a full rebuild starts from here).
    public func removeAll() { replaceAll(with: []) }

    /// The state searches read now.
    func currentState() -> IndexState { state.withLock { $0 } }

    /// Publishes one segment holding exactly `documents`.
    func replaceAll(with documents: [AnalyzedDocument]) {
        writer.withLock { _ in
            pendingMerges.wait()
            var next = IndexState()
            if !documents.isEmpty {
                let segment = IndexSegment(uid: nextUID(), documents: documents, options: options)
                next.segments = [segment]
                next.deleted = [[Bool](repeating: false, count: segment.count)]
                next.deletedCounts = [0]
                next.liveCount = segment.count
            }
            let published = next
            state.withLock { $0 = published }
        }
    }

    /// How many segments the index holds once the merges in progress are done (for diagnostics
    /// and tests of merging).
    public var segmentCount: Int {
        waitForMerges()
        return state.withLock { $0.segments.count }
    }

    private static func markDeleted(_ keys: Set<SearchDocumentKey>, in state: inout IndexState) {
        for s in state.segments.indices {
            let segment = state.segments[s]
            for key in keys {
                if let d = segment.keyIndex[key], !state.deleted[s][Int(d)] {
                    state.deleted[s][Int(d)] = true
                    state.deletedCounts[s] += 1
                    state.liveCount -= 1
                }
            }
        }
    }

    /// Merges the newest segments while ``SegmentMergePolicy`` asks for it: several segments of about
    /// the same size at once, so sizes grow geometrically and a document is copied once per level.
    private func mergeTail(_ state: inout IndexState) {
        func live(_ s: Int) -> Int { state.segments[s].count - state.deletedCounts[s] }
        while let count = SegmentMergePolicy.tailMergeCount(live: state.segments.indices.map(live)) {
            let tail = (state.segments.count - count)..<state.segments.count
            let parts = tail.map { (segment: state.segments[$0], keeping: state.deleted[$0].map { !$0 }) }
            guard let merged = IndexSegment.merging(uid: nextUID(), parts, options: options) else { break }
            state.segments.removeSubrange(tail)
            state.deleted.removeSubrange(tail)
            state.deletedCounts.removeSubrange(tail)
            state.segments.append(merged)
            state.deleted.append([Bool](repeating: false, count: merged.count))
            state.deletedCounts.append(0)
        }
    }

    // MARK: Searching

    public func search(_ query: SearchQuery, as viewer: SearchViewer) throws -> SearchResults {
        search(query, as: viewer, pruning: true).results
    }

    /// Searches with or without skipping documents that cannot enter the top hits; `pruning: false`
    /// scores every match (the reference the pruned path is tested against). Both give the same results;
    /// `fullyScored` tells how many documents got a complete score.
    func search(_ query: SearchQuery, as viewer: SearchViewer, pruning: Bool) -> (results: SearchResults, fullyScored: Int) {
        let current = state.withLock { $0 }
        var scratch = scratchPool.take()
        scratch.fullyScored = 0
        defer { scratchPool.give(scratch) }
        var execution = QueryExecution(
            query: query, viewer: viewer, state: current, options: options, now: clock.now().timeIntervalSince1970)
        execution.allowsPruning = pruning
        let results = execution.run(scratch: &scratch)
        return (results, scratch.fullyScored)
    }
}

/// Why a document was refused by the index.
public enum SearchIndexError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The document's id is empty.
    case emptyID(type: String)
    /// A field is larger than the index accepts (characters).
    case fieldTooLarge(key: String, field: String, limit: Int, actual: Int)

    /// The largest body the index accepts, in characters.
    public static let maxBodyCharacters = 1_000_000
    /// The largest title or summary the index accepts, in characters.
    public static let maxShortFieldCharacters = 10_000

    static func validate(_ doc: SearchDocument) throws {
        if doc.id.isEmpty { throw SearchIndexError.emptyID(type: doc.type.name) }
        for (field, text, limit) in [
            ("title", doc.title, maxShortFieldCharacters), ("summary", doc.summary, maxShortFieldCharacters),
            ("body", doc.body, maxBodyCharacters),
        ] where text.utf8.count > limit {
            let count = text.count
            if count > limit {
                throw SearchIndexError.fieldTooLarge(key: doc.key.description, field: field, limit: limit, actual: count)
            }
        }
    }

    public var description: String {
        switch self {
        case .emptyID(let type): "a \(type) document needs an id"
        case .fieldTooLarge(let key, let field, let limit, let actual):
            "\(key): \(field) has \(actual) characters, at most \(limit) allowed"
        }
    }
}
