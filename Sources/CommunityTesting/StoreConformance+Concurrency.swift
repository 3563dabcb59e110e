import CommunityModel
import Foundation

extension StoreConformance {
    /// How long the reader-never-waits check lets a writer wait for the reader before it
    /// gives up; only reached when a reader blocks (then the law fails, it does not hang).
    static let deadlockBreaker: DispatchTimeInterval = .seconds(30)

    static func readersNeverWait(_ store: any Store, _ check: LawCheck) throws {
        try store.write { tx in try tx.put(item("seed", "red", rank: 1)) }
        let writerInside = DispatchSemaphore(value: 0)
        let readerDone = DispatchSemaphore(value: 0)
        let writerFinished = DispatchSemaphore(value: 0)
        let outcome = Locked<String?>(nil)

        Thread {
            do {
                try store.write { tx in
                    try tx.put(item("late", "red", rank: 2))
                    writerInside.signal()
                    // Stay inside the write until the reader has read everything.
                    if readerDone.wait(timeout: .now() + deadlockBreaker) == .timedOut {
                        outcome.withLock { $0 = "a reader could not read while a writer was inside a write" }
                    }
                }
            } catch {
                outcome.withLock { $0 = "the long write failed: \(error)" }
            }
            writerFinished.signal()
        }.start()

        guard writerInside.wait(timeout: .now() + deadlockBreaker) == .success else {
            throw check.fail("the writer never started its transaction")
        }
        let read = readOnAnotherThread(store)
        readerDone.signal()
        writerFinished.wait()
        if let problem = outcome.value { throw check.fail(problem) }
        try check.equal(read, "seed:1|count:1|query:seed|late:absent", "what a reader saw during a long write")
        try check.that(try store.snapshot().get(ID<Item>("late")) != nil, "the long write did not commit")
    }

    static func concurrentWriters(_ store: any Store, _ check: LawCheck) throws {
        let counterID = ID<Counter>("counter")
        try store.write { tx in try tx.put(Counter(id: counterID, value: 0), expecting: .absent) }
        let start = store.snapshot().sequence
        let threads = 8
        let increments = 40
        let problems = Locked<[String]>([])
        let delivered = Locked<[UInt64]>([])
        let observation = store.observe { changes in delivered.withLock { $0 += changes.map(\.sequence) } }
        defer { observation.cancel() }

        runThreads(threads) { thread in
            var done = 0
            var attempts = 0
            while done < increments, attempts < increments * 1_000 {
                attempts += 1
                do {
                    if thread % 2 == 0 {
                        // Optimistic: read a snapshot, write expecting the version read.
                        guard let current = try store.snapshot().get(counterID) else {
                            problems.withLock { $0.append("counter missing") }
                            return
                        }
                        try store.write { tx in
                            try tx.put(Counter(id: counterID, value: current.value.value + 1), expecting: .exactly(current.version))
                        }
                    } else {
                        // Read-modify-write inside one serialised transaction.
                        try store.write { tx in
                            guard let current = try tx.get(counterID) else { throw AbortTransaction() }
                            try tx.put(Counter(id: counterID, value: current.value.value + 1), expecting: .exactly(current.version))
                        }
                    }
                    done += 1
                } catch let error as StoreError {
                    guard case .conflict = error else {
                        problems.withLock { $0.append("\(error)") }
                        return
                    }
                } catch {
                    problems.withLock { $0.append("\(error)") }
                    return
                }
            }
            if done < increments { problems.withLock { $0.append("thread \(thread) gave up after \(attempts) attempts") } }
        }
        if let problem = problems.value.first { throw check.fail(problem) }
        let total = threads * increments
        let final = try store.snapshot().get(counterID)
        try check.equal(final?.value.value, total, "counter after \(threads) threads × \(increments) increments")
        try check.equal(final?.version, total + 1, "counter version after \(total) increments")

        let feed = try store.changes(after: start, limit: total + 10)
        try check.equal(feed.map(\.sequence), Array(start + 1...start + UInt64(total)), "feed sequences under concurrent writers")
        try check.equal(feed.map(\.version), Array(2...total + 1), "feed versions under concurrent writers")
        try check.equal(delivered.value, feed.map(\.sequence), "sequences observers saw under concurrent writers")
        try check.equal(Set(feed.map(\.transaction)).count, total, "distinct transactions under concurrent writers")
    }
}

extension StoreConformance {
    /// Reads from a fresh snapshot on another thread and describes what it saw.
    private static func readOnAnotherThread(_ store: any Store) -> String {
        let result = Locked("reader did not run")
        runThreads(1) { _ in
            do {
                let snapshot = store.snapshot()
                let seed = try snapshot.get(ID<Item>("seed"))?.version ?? 0
                let count = try snapshot.count(Item.self)
                let query = try snapshot.query(Query<Item>().where("group", equals: .picklist("red")))
                let late = try snapshot.get(ID<Item>("late")) == nil ? "absent" : "present"
                let text = "seed:\(seed)|count:\(count)|query:\(query.map(\.value.id.rawValue).joined(separator: ","))|late:\(late)"
                result.withLock { $0 = text }
            } catch {
                result.withLock { $0 = "reader failed: \(error)" }
            }
        }
        return result.value
    }
}
