import CommunityModel
import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Delivers the shared change feed to this process's observers, exactly once each and in
/// sequence order, whichever host committed it.
///
/// - A local commit delivers its own changes on the committing thread at once (writers see
///   their own writes); any earlier changes not yet delivered (other hosts' commits, or a
///   local writer that committed just before) are read from `ck_changes` first.
/// - A follower thread, started by the first observer, holds a connection that `LISTEN`s on
///   the store's channel. Every commit sends `NOTIFY` in its transaction, so the follower
///   wakes when another host commits and reads the changes after the last delivered one.
///   If no notification arrives within the poll interval it reads anyway (a lost
///   notification, or the follower's reconnect after a server restart, costs at most one
///   interval, never a change).
/// - Delivery holds one lock, and only ever moves `delivered` forward over whole
///   transactions read in order, so there is no gap and no duplicate.
final class PostgresFeed: Sendable {
    private let reader: PostgresFeedReader
    private let channel: String
    private let pollInterval: Duration
    /// The last sequence delivered to observers (or skipped while none listened).
    private let delivered: Mutex<UInt64>
    private let observers = Mutex<[UInt64: @Sendable ([Change]) -> Void]>([:])
    private let nextObserver = Atomic<UInt64>(1)
    private let following = Atomic<Bool>(false)
    private let stopped = Atomic<Bool>(false)

    init(reader: PostgresFeedReader, channel: String, pollInterval: Duration, head: UInt64) {
        self.reader = reader
        self.channel = channel
        self.pollInterval = pollInterval
        delivered = Mutex(head)
    }

    /// Stops the follower thread (it exits within one poll interval).
    func stop() { stopped.store(true, ordering: .releasing) }

    /// Registers an observer; the first one starts the follower.
    func observe(_ observer: @escaping @Sendable ([Change]) -> Void) -> StoreObservation {
        let token = nextObserver.add(1, ordering: .relaxed).oldValue
        let first = observers.withLock { table -> Bool in
            table[token] = observer
            return table.count == 1
        }
        if first {
            // Nothing was followed while nobody listened: start from the committed head.
            delivered.withLock { last in
                if let head = try? reader.head() { last = max(last, head) }
            }
        }
        if !following.exchange(true, ordering: .acquiringAndReleasing) { startFollower() }
        return StoreObservation { [weak self] in
            _ = self?.observers.withLock { $0.removeValue(forKey: token) }
        }
    }

    /// Delivers a local commit's changes (after any undelivered earlier ones).
    func published(_ changes: [Change]) {
        guard let first = changes.first?.sequence, let last = changes.last?.sequence else { return }
        delivered.withLock { delivered in
            guard last > delivered else { return }  // the follower delivered it already
            let targets = observers.withLock { $0.sorted { $0.key < $1.key }.map(\.value) }
            guard !targets.isEmpty else {
                delivered = last
                return
            }
            if first > delivered + 1 {
                // Earlier commits (another host's, or a local writer's just before) come first.
                // If they cannot be read now, the follower delivers them and these later.
                guard let earlier = try? reader.transactions(after: delivered, limit: Int(clamping: first - 1 - delivered)),
                    earlier.last?.sequence == first - 1
                else { return }
                deliver(earlier, to: targets, advancing: &delivered)
            }
            for observer in targets { observer(changes) }
            delivered = last
        }
    }

    /// Reads and delivers every committed change after the last delivered one.
    func catchUp() {
        delivered.withLock { delivered in
            while !stopped.load(ordering: .acquiring) {
                let targets = observers.withLock { $0.sorted { $0.key < $1.key }.map(\.value) }
                let batch: [Change]
                do {
                    batch = try reader.transactions(after: delivered, limit: 1_000)
                } catch StoreError.feedTruncated(_, let oldest) {
                    // Pruned before this host read them: nothing left to deliver below `oldest`.
                    delivered = oldest - 1
                    continue
                } catch {
                    return  // the database is unreachable: the follower retries
                }
                guard !batch.isEmpty else { return }
                deliver(batch, to: targets, advancing: &delivered)
            }
        }
    }

    /// Delivers changes transaction by transaction.
    private func deliver(_ changes: [Change], to targets: [@Sendable ([Change]) -> Void], advancing delivered: inout UInt64) {
        var start = changes.startIndex
        while start < changes.endIndex {
            let transaction = changes[start].transaction
            var end = start
            while end < changes.endIndex, changes[end].transaction == transaction { end += 1 }
            let group = Array(changes[start..<end])
            for observer in targets { observer(group) }
            delivered = group.last?.sequence ?? delivered
            start = end
        }
    }

    private func startFollower() {
        let thread = Thread { [self] in follow() }
        thread.name = "CommunityPostgres feed follower"
        thread.start()
    }

    /// The follower loop: LISTEN, wait for a notification or the poll interval, catch up;
    /// reconnect (with a short back-off) whenever the connection is lost.
    private func follow() {
        var connection: PostgresConnection?
        var backoff = 0.05
        let interval = min(max(pollInterval, .milliseconds(10)), .seconds(60)).components
        let timeout = Int32(clamping: interval.seconds * 1_000 + interval.attoseconds / 1_000_000_000_000_000)
        while !stopped.load(ordering: .acquiring) {
            if connection == nil {
                do {
                    let fresh = try reader.pool.connect()
                    try fresh.execute("LISTEN \"\(channel)\"")  // the channel is built from the checked schema name
                    connection = fresh
                    backoff = 0.05
                } catch {
                    Thread.sleep(forTimeInterval: backoff)
                    backoff = min(backoff * 2, 1)
                    continue
                }
                catchUp()  // whatever was committed while not listening
            }
            guard let listening = connection else { continue }
            var descriptor = pollfd(fd: listening.socket, events: Int16(POLLIN), revents: 0)
            _ = poll(&descriptor, 1, timeout)
            if stopped.load(ordering: .acquiring) { break }
            do {
                _ = try listening.notifications()
            } catch {
                connection = nil
                continue
            }
            catchUp()
        }
    }
}
