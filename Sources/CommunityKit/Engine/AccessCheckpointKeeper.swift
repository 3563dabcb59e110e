import CommunityAccess
import CommunityModel
import Foundation
import Synchronization

/// Writes a community's access checkpoint to its configured file, one writer at a time, and
/// remembers the last one written.
final class AccessCheckpointKeeper: Sendable {
    let file: URL?
    private let last = Mutex<AccessCheckpointRecord?>(nil)
    private let writing = Mutex<Void>(())

    init(file: URL?) { self.file = file }

    var lastWritten: AccessCheckpointRecord? { last.withLock { $0 } }

    func write(_ engine: AccessEngine, clock: any WallClock) throws(AccessCheckpointError) -> AccessCheckpointRecord? {
        guard let file else { return nil }
        return try writing.withLock { _ throws(AccessCheckpointError) -> AccessCheckpointRecord in
            let checkpoint = engine.checkpoint()
            let bytes = try checkpoint.encoded()
            do {
                try Data(bytes).write(to: file, options: .atomic)
            } catch {
                throw .io("cannot write \(file.path): \(error)")
            }
            let record = AccessCheckpointRecord(
                sequence: checkpoint.sequence, entityCount: checkpoint.entityCount, bytes: bytes.count, written: clock.now())
            last.withLock { $0 = record }
            return record
        }
    }
}
