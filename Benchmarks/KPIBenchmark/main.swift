// KPIBenchmark: what keeping the community KPIs current costs per change.
//
//   swift run -c release KPIBenchmark [--entities N] [--changes N] [--json]
//
// Loads N entities of the kinds the KPIs read (members, posts, questions with answers, ideas,
// searches, cases with tracking, partner opportunities) into a `KPIAggregator`, then feeds it
// changes one at a time through `aggregateUpdate` (inserts, updates and deletes in the mix a
// community sees) and reports the cost per change. With `--json` the last line is one JSON
// object with `aggregate_update_us` (mean), `aggregate_update_p50_us` (median of batches of
// 1,000 changes), `aggregate_update_cpu_us` (the thread's CPU time per change, which a shared
// machine does not inflate), `changes`, `entities` and `agreement` (1 when the aggregates then
// equal a rebuild from scratch).
import CommunityEngagement
import CommunityModel
import Foundation

struct Args {
    var entities = 100_000
    var changes = 200_000
    var json = false
    init() {
        var it = CommandLine.arguments.dropFirst().makeIterator()
        while let a = it.next() {
            if a == "--json" { json = true; continue }
            guard let v = it.next().flatMap(Int.init), v > 0 else { break }
            switch a {
            case "--entities": entities = v
            case "--changes": changes = v
            default: break
            }
        }
    }
}

/// A deterministic generator (SplitMix64).
struct Rng {
    var state: UInt64 = 0x5EED
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(max(1, n))) }
}

let args = Args()
var rng = Rng()
let base = Date(timeIntervalSince1970: 1_795_000_000)
let sites: [String?] = [nil, "partners", "help"]
let members = max(10, args.entities / 10)
let body = SanitizedHTML(escaping: "text")

@MainActor func member() -> ID<User> { ID("m\(rng.below(members))") }
@MainActor func moment() -> Date { base.addingTimeInterval(Double(rng.below(90 * 86_400))) }

/// One entity of a kind chosen by `roll`, with an id among `pool` of its kind.
@MainActor func entity(_ roll: Int, pool: Int) -> any Entity {
    let n = rng.below(pool)
    switch roll % 8 {
    case 0:
        let kinds: [User.Kind] = [.internal, .partner, .customer]
        let kind = kinds[rng.below(3)]
        return User(id: ID("m\(rng.below(members))"), kind: kind, name: "M", email: "m@x.example", profileID: "p",
                    accountID: kind.isExternal ? "acme" : nil)
    case 1:
        return FeedItem(id: ID("f\(n)"), authorID: member(), kind: .text, parent: .member(member()), body: body, topics: ["T\(rng.below(20))"],
                        createdAt: moment(), likers: Set((0..<rng.below(4)).map { _ in member() }), siteID: sites[rng.below(3)])
    case 2:
        return Question(id: ID("q\(n)"), askerID: member(), title: "Q", body: body, topics: ["T\(rng.below(20))"], createdAt: moment(),
                        siteID: sites[rng.below(3)])
    case 3:
        return Answer(id: ID("a\(n)"), questionID: ID("q\(rng.below(pool))"), authorID: member(), body: body, createdAt: moment())
    case 4:
        var entry = SearchQueryLogEntry(siteID: sites[rng.below(3)], query: "query \(rng.below(200))", resultCount: rng.below(4),
                                        viewerID: member(), at: moment())
        entry.id = ID("s\(n)")
        if rng.below(3) == 0 { entry.clickedPosition = 1 + rng.below(5) }
        return entry
    case 5:
        return Case(id: ID("k\(n)"), subject: "S", createdAt: moment(), owner: .user(member()))
    case 6:
        var tracking = CaseTracking(caseID: ID("k\(n)"), raisedBy: nil, supportLevel: "standard")
        tracking.firstResponseAt = moment()
        return tracking
    default:
        let stages = ["Prospecting", "Proposal", "Negotiation", "Closed Won", "Closed Lost"]
        return Opportunity(id: ID("o\(n)"), name: "O", accountID: nil, stage: stages[rng.below(5)], amount: Decimal(rng.below(100_000)),
                           closeDate: Day(base), partnerAccountID: ID("p\(rng.below(50))"), owner: member())
    }
}

func key(_ e: any Entity) -> (EntityType, String) {
    func open<E: Entity>(_ v: E) -> (EntityType, String) { (E.entityType, v.id.rawValue) }
    return open(e)
}

// Load.
let store = MemoryStore()
let pool = max(1, args.entities / 7)
var loaded = 0
while loaded < args.entities {
    let batch = (0..<min(10_000, args.entities - loaded)).map { entity(loaded + $0, pool: pool) }
    try store.write { tx in
        for e in batch {
            func put<E: Entity>(_ e: E) throws { try tx.put(e) }
            try put(e)
        }
    }
    loaded += batch.count
}
let aggregator = KPIAggregator(clock: SystemClock())
let loadStart = ContinuousClock.now
try aggregator.load(store.snapshot())
let loadTime = ContinuousClock.now - loadStart

// Changes, made ahead so only the upkeep is timed.
var sequence = store.snapshot().sequence
var changes: [Change] = []
changes.reserveCapacity(args.changes)
for _ in 0..<args.changes {
    sequence += 1
    let e = entity(rng.below(8), pool: pool)
    let (type, id) = key(e)
    let kind: Change.Kind = rng.below(10) == 0 ? .deleted : (rng.below(3) == 0 ? .inserted : .updated)
    changes.append(Change(sequence: sequence, transaction: sequence, entityType: type, id: id, kind: kind, version: 1,
                          entity: kind == .deleted ? nil : e))
}

/// This thread's CPU time in microseconds (the machine may be shared: wall time then also
/// counts the time other processes had the core).
func threadCPUMicros() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
    return Double(ts.tv_sec) * 1e6 + Double(ts.tv_nsec) / 1e3
}

var batches: [Double] = []
let cpuStart = threadCPUMicros()
let start = ContinuousClock.now
var index = 0
while index < changes.count {
    let end = min(changes.count, index + 1_000)
    let batchStart = ContinuousClock.now
    for change in changes[index..<end] { aggregator.aggregateUpdate([change]) }
    let elapsed = ContinuousClock.now - batchStart
    batches.append(Double(elapsed.components.attoseconds) / 1e12 + Double(elapsed.components.seconds) * 1e6)
    batches[batches.count - 1] /= Double(end - index)
    index = end
}
let total = ContinuousClock.now - start
let cpuMean = (threadCPUMicros() - cpuStart) / Double(max(1, changes.count))
let totalMicros = Double(total.components.seconds) * 1e6 + Double(total.components.attoseconds) / 1e12
let mean = totalMicros / Double(max(1, changes.count))
let p50 = batches.sorted()[batches.count / 2]

// Agreement: the same changes (members aside, whose "new member" day is the wall clock's)
// applied to a store the aggregator follows, against a rebuild from scratch.
let check = MemoryStore()
let checked = try KPIAggregator.following(check, clock: SystemClock())
for change in changes.prefix(20_000) where change.entityType != User.entityType {
    try check.write { tx in
        func apply<E: Entity>(_ e: E) throws { _ = try tx.put(e) }
        if let e = change.entity {
            try apply(e)
        } else {
            try deleteIfPresent(change, in: tx)
        }
    }
}
func deleteIfPresent(_ change: Change, in tx: any StoreTransaction) throws {
    func delete<E: Entity>(_ type: E.Type) throws {
        guard let id = try? ID<E>(parsing: change.id), try tx.value(id) != nil else { return }
        try tx.delete(id)
    }
    switch change.entityType {
    case FeedItem.entityType: try delete(FeedItem.self)
    case Question.entityType: try delete(Question.self)
    case Answer.entityType: try delete(Answer.self)
    case SearchQueryLogEntry.entityType: try delete(SearchQueryLogEntry.self)
    case Case.entityType: try delete(Case.self)
    case CaseTracking.entityType: try delete(CaseTracking.self)
    default: try delete(Opportunity.self)
    }
}
let agreement = try checked.aggregates == KPIAggregator.reference(from: check.snapshot(), events: []) ? 1 : 0

print("entities \(args.entities), changes \(changes.count), initial load \(loadTime)")
print(String(format: "aggregate update: %.3f µs per change (mean), %.3f µs (p50 of batches of 1,000), %.3f µs of CPU time", mean, p50, cpuMean))
print("agreement with a rebuild from scratch after 20,000 changes: \(agreement == 1 ? "100%" : "NO")")
if args.json {
    print(String(format: "{\"aggregate_update_us\": %.3f, \"aggregate_update_p50_us\": %.3f, \"aggregate_update_cpu_us\": %.3f, \"changes\": %d, \"entities\": %d, \"agreement\": %d}",
                 mean, p50, cpuMean, changes.count, args.entities, agreement))
}
