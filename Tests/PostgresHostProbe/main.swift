// A CommunityKit host process for the PostgreSQL reliability tests: it opens a
// PostgresStore, builds an AccessEngine that follows the shared feed, writes, and reports
// on standard output one line per event. The tests start several of these at once.
//
//   PostgresHostProbe <mode> <url> <schema> <host> <transactions> <seed>
//
// Modes:
//   mixed    random lead inserts, owner changes (`.exactly`, so conflicts happen) and shares;
//            then "writes-done", then on a "digest <head>" line from standard input, waits
//            until its access engine reached <head> and prints "digest <answers>" and
//            "feed <first> <last> <count> <ok|problem>".
//   batches  each transaction inserts lead-<host>-<k> and share-<host>-<k> together and
//            prints "ack <k>" once it committed (for the SIGKILL test).
//   latency  writes one lead every 20 ms and prints "commit <sequence> <nanoseconds>";
//            every change other hosts commit prints "seen <sequence> <nanoseconds>".
//
// Errors while the server is away are retried; an acknowledged write is one that printed.
import CommunityAccess
import CommunityModel
import CommunityPostgres
import CommunityTesting
import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The users every probe and test shares (the test seeds them).
let userIDs = (0..<6).map { ID<User>(sanitizing: "u\($0)") }

/// Where every line also goes when `PROBE_TRACE` names a folder (for debugging the tests).
let trace: FileHandle? = ProcessInfo.processInfo.environment["PROBE_TRACE"].flatMap { folder in
    let path = folder + "/probe-\(ProcessInfo.processInfo.processIdentifier).log"
    _ = FileManager.default.createFile(atPath: path, contents: nil)
    return FileHandle(forWritingAtPath: path)
}

func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
    trace?.write(Data((line + "\n").utf8))
}

func now() -> UInt64 {
    var time = timespec()
    clock_gettime(CLOCK_REALTIME, &time)
    return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
}

/// Runs `body` until it succeeds or conflicts; server errors are retried after a pause.
/// Returns whether it committed.
func persist(_ body: () throws -> Void) -> Bool {
    var delay = 0.02
    while true {
        do {
            try body()
            return true
        } catch StoreError.conflict {
            say("conflict")
            return false
        } catch {
            say("retry \(error)")
            Thread.sleep(forTimeInterval: delay)
            delay = min(delay * 2, 0.5)
        }
    }
}

/// Observes the feed and checks it arrives without gap or duplicate.
final class FeedCheck: Sendable {
    struct State {
        var first: UInt64?
        var last: UInt64 = 0
        var count = 0
        var problem: String?
    }
    let state = Mutex(State())

    func record(_ changes: [Change]) {
        state.withLock { s in
            for change in changes {
                if s.first == nil {
                    s.first = change.sequence
                } else if change.sequence != s.last + 1, s.problem == nil {
                    s.problem = "after \(s.last) came \(change.sequence)"
                }
                s.last = change.sequence
                s.count += 1
            }
        }
    }
}

let arguments = CommandLine.arguments
guard arguments.count == 7, let transactions = Int(arguments[5]), let seed = UInt64(arguments[6]) else {
    say("usage: PostgresHostProbe mixed|batches|latency <url> <schema> <host> <transactions> <seed>")
    exit(2)
}
let (mode, url, schema, host) = (arguments[1], arguments[2], arguments[3], arguments[4])
let store: PostgresStore
do {
    store = try PostgresStore(
        configuration: PostgresConfiguration(
            url: url, schema: schema, entityTypes: [Lead.self, RecordShare.self, User.self, Profile.self, OrgWideDefault.self],
            pollInterval: .milliseconds(100)))
} catch {
    say("failed \(error)")
    exit(1)
}
var random = SeededRandom(seed: seed)

switch mode {
case "batches":
    for k in 0..<transactions {
        let owner = userIDs[Int(random.next() % UInt64(userIDs.count))]
        let reader = userIDs[Int(random.next() % UInt64(userIDs.count))]
        let committed = persist {
            try store.write { tx in
                let lead = Lead(id: ID(sanitizing: "lead-\(host)-\(k)"), lastName: "Batch \(k)", company: host, owner: .user(owner))
                try tx.put(lead, expecting: .any)
                try tx.put(
                    RecordShare(
                        id: ID(sanitizing: "share-\(host)-\(k)"), object: Lead.entityType, recordID: lead.id.rawValue,
                        sharedWith: .user(reader), accessLevel: .read),
                    expecting: .any)
            }
        }
        if committed { say("ack \(k)") }
    }
    say("writes-done")

case "latency":
    let observation = store.observe { changes in
        let time = now()
        for change in changes where change.entityType == Lead.entityType && !change.id.hasPrefix("lead-\(host)-") {
            say("seen \(change.sequence) \(time)")
        }
    }
    say("ready")
    // Wait for the test's "go", so every host listens before anyone writes.
    _ = readLine()
    for k in 0..<transactions {
        var sequence: UInt64 = 0
        let committed = persist {
            try store.write { tx in
                try tx.put(Lead(id: ID(sanitizing: "lead-\(host)-\(k)"), lastName: "Probe", company: host, owner: .user(userIDs[0])))
            }
            sequence = store.snapshot().sequence
        }
        if committed { say("commit \(sequence) \(now())") }
        Thread.sleep(forTimeInterval: 0.02)
    }
    say("writes-done")
    _ = readLine()
    observation.cancel()

default:
    let check = FeedCheck()
    let observation = store.observe { check.record($0) }
    let engine: AccessEngine
    do {
        engine = try AccessEngine(store: store)
    } catch {
        say("failed \(error)")
        exit(1)
    }
    say("ready")
    var mine: [String] = []
    for k in 0..<transactions {
        let choice = random.next() % 4
        let owner = userIDs[Int(random.next() % UInt64(userIDs.count))]
        if choice < 2 || mine.isEmpty {
            let id = "lead-\(host)-\(k)"
            if persist({
                _ = try store.write { tx in
                    try tx.put(Lead(id: ID(sanitizing: id), lastName: "Lead \(k)", company: host, owner: .user(owner)), expecting: .absent)
                }
            }) {
                mine.append(id)
            }
        } else if choice == 2 {
            // Change the owner of a lead, maybe another host's, expecting the version read.
            let other = random.next() % 2 == 0 ? host : (host == "a" ? "b" : "a")
            let target = "lead-\(other)-\(Int(random.next() % UInt64(max(1, k))))"
            _ = persist {
                guard let current = try store.snapshot().get(ID<Lead>(sanitizing: target)) else { return }
                var lead = current.value
                lead.owner = .user(owner)
                try store.write { tx in try tx.put(lead, expecting: .exactly(current.version)) }
            }
        } else {
            let lead = mine[Int(random.next() % UInt64(mine.count))]
            _ = persist {
                _ = try store.write { tx in
                    try tx.put(
                        RecordShare(
                            id: ID(sanitizing: "share-\(host)-\(k)"), object: Lead.entityType, recordID: lead,
                            sharedWith: .user(owner), accessLevel: random.next() % 2 == 0 ? .read : .edit))
                }
            }
        }
        if random.next() % 3 == 0 { Thread.sleep(forTimeInterval: Double(random.next() % 3) / 1_000) }
    }
    say("writes-done")
    guard let line = readLine(), line.hasPrefix("digest "), let head = UInt64(line.dropFirst("digest ".count)) else {
        say("failed: expected a digest request")
        exit(1)
    }
    let deadline = Date().addingTimeInterval(60)
    while engine.snapshot.sequence < head || check.state.withLock({ $0.last }) < head, Date() < deadline {
        Thread.sleep(forTimeInterval: 0.01)
    }
    let access = engine.snapshot
    let leads = access.count(of: Lead.entityType)
    var answers: [String] = ["sequence=\(access.sequence)", "leads=\(leads)"]
    for user in userIDs {
        for id in (try? store.snapshot().all(Lead.self).map(\.value.id.rawValue)) ?? [] {
            answers.append("\(user.rawValue):\(id):\(access.access(user, to: Lead.entityType, id: id))")
        }
    }
    say("digest " + answers.joined(separator: ","))
    let feed = check.state.withLock { $0 }
    say("feed \(feed.first ?? 0) \(feed.last) \(feed.count) \(feed.problem ?? "ok")")
    observation.cancel()
}
