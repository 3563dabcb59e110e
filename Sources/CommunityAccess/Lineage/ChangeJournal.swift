import Synchronization

/// The record changes of an engine's recent published steps, by generation: what
/// ``AccessSnapshot/carriedAnswer(_:as:maximumChanges:)`` patches a kept answer with.
///
/// Every snapshot the engine publishes has a generation one above the previous one, and the
/// step that produced it is appended here under that generation before the snapshot is
/// published. Entries are never changed, only dropped from the old end (past
/// ``maximumSteps`` steps or ``maximumRecords`` record changes), so the changes between two
/// generations read here are the same whenever they are read, or not known at all.
final class ChangeJournal: Sendable {
    struct Entry: Sendable {
        var generation: UInt64
        var step: ChangeStep
    }

    private struct Log {
        var entries: [Entry] = []
        var first = 0
        var records = 0
        var latest: UInt64 = 0
    }

    static let maximumSteps = 4_096
    static let maximumRecords = 65_536
    private let log = Mutex(Log())

    /// Appends the step that produces the next snapshot and returns that snapshot's generation.
    func append(_ step: ChangeStep) -> UInt64 {
        log.withLock { log in
            log.latest += 1
            log.entries.append(Entry(generation: log.latest, step: step))
            log.records += step.records.count
            while log.entries.count - log.first > Self.maximumSteps || (log.records > Self.maximumRecords && log.entries.count - log.first > 1) {
                log.records -= log.entries[log.first].step.records.count
                log.first += 1
            }
            if log.first > 1_024, log.first * 2 > log.entries.count {
                log.entries.removeFirst(log.first)
                log.first = 0
            }
            return log.latest
        }
    }

    /// The changes after generation `from` up to and including `to`, merged per record; `nil`
    /// when a step in between is no longer kept or did not list its records, or when more than
    /// `limit` records changed.
    func changes(after from: UInt64, through to: UInt64, limit: Int) -> SnapshotChanges? {
        guard from <= to else { return nil }
        if from == to { return SnapshotChanges.none }
        let steps: [ChangeStep]? = log.withLock { log in
            guard log.first < log.entries.count else { return nil }
            let oldest = log.entries[log.first].generation
            guard from + 1 >= oldest, to <= log.latest else { return nil }
            let start = log.first + Int(from + 1 - oldest)
            let end = log.first + Int(to - oldest)
            guard start <= end, end < log.entries.count else { return nil }
            var total = 0
            var out: [ChangeStep] = []
            for k in start...end {
                let step = log.entries[k].step
                total += step.records.count
                guard step.complete, total <= limit else { return nil }
                out.append(step)
            }
            return out
        }
        guard let steps else { return nil }
        var neutral = true
        var merged: [RecordHandle: RecordChange] = [:]
        for step in steps {
            neutral = neutral && step.sharingNeutral
            for change in step.records {
                if let earlier = merged[change.handle] {
                    merged[change.handle] = RecordChange(object: change.object, handle: change.handle, before: earlier.before, after: change.after)
                } else {
                    merged[change.handle] = change
                }
            }
        }
        return SnapshotChanges(records: merged.values.sorted { $0.handle < $1.handle }, sharingNeutral: neutral)
    }
}
