import CSQLite
import CommunityModel
import Foundation
import Synchronization

/// Single-row write transactions per second: `writers` threads, each putting a new account
/// in its own `write` for `seconds`.
enum WriteThroughput {
    static func measure(_ store: any Store, writers: Int, seconds: Double, tag: String) throws -> Double {
        let done = Atomic<Int>(0)
        let failure = Mutex<(any Error)?>(nil)
        let group = DispatchGroup()
        let start = DispatchTime.now().uptimeNanoseconds
        let deadline = start + UInt64(seconds * 1e9)
        for w in 0..<writers {
            group.enter()
            Thread.detachNewThread {
                var n = 0
                while DispatchTime.now().uptimeNanoseconds < deadline {
                    do {
                        try store.write { tx in try tx.put(BenchmarkOrg.account("\(tag)-\(w)-\(n)", owner: w % 8)) }
                    } catch {
                        failure.withLock { $0 = error }
                        break
                    }
                    n += 1
                }
                done.add(n, ordering: .relaxed)
                group.leave()
            }
        }
        group.wait()
        if let error = failure.withLock({ $0 }) { throw error }
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        return Double(done.load(ordering: .relaxed)) / elapsed
    }

    /// `count` single-row write transactions by one writer (for instruction counts, which do
    /// not depend on the machine's load: `--single-writes N FILE`).
    static func singleWrites(_ store: any Store, count: Int) throws {
        for n in 0..<count {
            try store.write { tx in try tx.put(BenchmarkOrg.account("w1-0-\(n)", owner: 0)) }
        }
    }

    /// The baseline: plain SQLite inserts of the same JSON the account encodes to, one row per
    /// transaction, with the store's own settings (WAL, `synchronous=NORMAL`, prepared statements).
    static func plainSQLite(path: String, seconds: Double, count: Int = .max) throws -> Double {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        var db: OpaquePointer?
        guard sqlite3_open(path, &db) == SQLITE_OK, let db else { throw BenchmarkError("cannot open \(path)") }
        defer { sqlite3_close(db) }
        for sql in [
            "PRAGMA journal_mode = WAL", "PRAGMA synchronous = NORMAL",
            "CREATE TABLE plain(id TEXT PRIMARY KEY, body BLOB NOT NULL) WITHOUT ROWID",
        ] {
            guard sqlite3_exec(db, sql, nil, nil, nil) == SQLITE_OK else { throw BenchmarkError("\(sql) failed") }
        }
        func prepare(_ sql: String) throws -> OpaquePointer {
            var statement: OpaquePointer?
            guard sqlite3_prepare_v2(db, sql, -1, &statement, nil) == SQLITE_OK, let statement else { throw BenchmarkError("prepare \(sql)") }
            return statement
        }
        let begin = try prepare("BEGIN IMMEDIATE")
        let insert = try prepare("INSERT INTO plain(id, body) VALUES (?, ?)")
        let commit = try prepare("COMMIT")
        defer { for s in [begin, insert, commit] { sqlite3_finalize(s) } }
        let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)  // trap-safe: SQLite's documented SQLITE_TRANSIENT constant
        let encoder = JSONEncoder()
        let start = DispatchTime.now().uptimeNanoseconds
        let deadline = start + UInt64(seconds * 1e9)
        var n = 0
        while n < count, count < .max || DispatchTime.now().uptimeNanoseconds < deadline {
            let id = "plain-\(n)"
            let body = [UInt8](try encoder.encode(BenchmarkOrg.account(id, owner: n % 8)))
            guard sqlite3_step(begin) == SQLITE_DONE else { throw BenchmarkError("BEGIN failed") }
            sqlite3_reset(begin)
            sqlite3_bind_text(insert, 1, id, -1, transient)
            body.withUnsafeBytes { _ = sqlite3_bind_blob(insert, 2, $0.baseAddress, Int32(body.count), transient) }
            guard sqlite3_step(insert) == SQLITE_DONE else { throw BenchmarkError("INSERT failed") }
            sqlite3_reset(insert)
            guard sqlite3_step(commit) == SQLITE_DONE else { throw BenchmarkError("COMMIT failed") }
            sqlite3_reset(commit)
            n += 1
        }
        return Double(n) / (Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
}

/// A benchmark step that failed.
struct BenchmarkError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
