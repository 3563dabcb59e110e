import CommunityContent
import CommunityModel
import Foundation
import Synchronization

/// Writes a community's search index snapshot to its configured file, one writer at a time,
/// and remembers the last one written (or loaded at start).
final class SearchSnapshotKeeper: Sendable {
    let file: URL?
    private let last = Mutex<SearchIndexSnapshotRecord?>(nil)
    private let writing = Mutex<Void>(())

    init(file: URL?, loaded: SearchIndexSnapshotRecord?) {
        self.file = file
        last.withLock { $0 = loaded }
    }

    var lastWritten: SearchIndexSnapshotRecord? { last.withLock { $0 } }

    func write(_ index: any SearchIndex, sequence: UInt64, clock: any WallClock) throws(SearchIndexSnapshotError) -> SearchIndexSnapshotRecord? {
        guard let file else { return nil }
        guard let memory = index as? MemorySearchIndex else { throw .unsupportedIndex(String(describing: type(of: index))) }
        return try writing.withLock { _ throws(SearchIndexSnapshotError) -> SearchIndexSnapshotRecord in
            let now = clock.now()
            let snapshot = memory.snapshot(sequence: sequence, writtenAt: now)
            let bytes = try snapshot.write(to: file)
            let record = SearchIndexSnapshotRecord(sequence: sequence, documents: snapshot.documentCount, bytes: bytes, written: now)
            last.withLock { $0 = record }
            return record
        }
    }
}
