// EngagementBenchmark: feeds and Q&A at community scale.
//
//   swift run -c release EngagementBenchmark [--members N] [--items N] [--samples N] [--posts N]
//
// Loads N members and N feed items (bulk, in transactions of 10,000), each member following
// 20 members and 2 topics; then measures home-feed pages of 20, question-with-answers
// pages, and posting through `Feeds.post` (one transaction per post, reputation included).
import CommunityEngagement
import CommunityModel
import Foundation

struct Args {
    var members = 100_000
    var items = 1_000_000
    var samples = 2_000
    var posts = 2_000
    init() {
        var it = CommandLine.arguments.dropFirst().makeIterator()
        while let a = it.next() {
            guard let v = it.next().flatMap(Int.init) else { break }
            switch a {
            case "--members": members = v
            case "--items": items = v
            case "--samples": samples = v
            case "--posts": posts = v
            default: break
            }
        }
    }
}

/// Records on even-numbered accounts are readable by members with an even number.
struct BenchAccess: EngagementAccessPolicy {
    func canRead(_ record: RecordRef, user: ID<User>) -> Bool {
        (record.id.utf8.last.map { Int($0) } ?? 0) % 2 == (user.rawValue.utf8.last.map { Int($0) } ?? 0) % 2
    }
    func canModerate(_ user: ID<User>) -> Bool { false }
}

struct Rng {
    var s: UInt64
    mutating func next() -> UInt64 {
        s &+= 0x9E37_79B9_7F4A_7C15
        var z = s
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
}

func ms(_ d: Duration) -> Double { Double(d.components.seconds) * 1e3 + Double(d.components.attoseconds) / 1e15 }

func percentiles(_ xs: [Double]) -> (p50: Double, p90: Double, p99: Double) {
    let s = xs.sorted()
    func at(_ q: Double) -> Double { s[min(s.count - 1, Int(Double(s.count) * q))] }
    return (at(0.5), at(0.9), at(0.99))
}

let args = Args()
let clock = ContinuousClock()
let wall = ManualClock()
let store = MemoryStore(feedCapacity: 10_000)
var rng = Rng(s: 42)
let member = (0..<args.members).map { ID<User>("m\($0)") }
let topics = (0..<200).map { "topic\($0)" }

print("EngagementBenchmark: \(args.members) members, \(args.items) feed items")
let loadStart = clock.now
try store.write { tx in
    for m in member {
        try tx.put(User(id: m, kind: .customer, name: m.rawValue, email: "\(m.rawValue)@example.com", profileID: "p", accountID: "acc"))
    }
}
let engagement = try Engagement(store: store, clock: wall, access: BenchAccess())
// Follows: 20 members and 2 topics each.
var follows: [Follow] = []
for (i, m) in member.enumerated() {
    var targets = Set<FeedKey>()
    while targets.count < 20 { let o = member[rng.below(member.count)]; if o != m { targets.insert(.member(o)) } }
    targets.insert(.topic(topics[rng.below(topics.count)]))
    targets.insert(.topic(topics[rng.below(topics.count)]))
    for t in targets { follows.append(Follow(id: ID("f\(i)_\(follows.count)"), followerID: m, target: t, since: wall.now())) }
    if follows.count >= 50_000 {
        let batch = follows
        try store.write { tx in for f in batch { try tx.put(f) } }
        follows.removeAll(keepingCapacity: true)
    }
}
try store.write { tx in for f in follows { try tx.put(f) } }
// Feed items in batches.
var batch: [FeedItem] = []
for n in 0..<args.items {
    let author = member[rng.below(member.count)]
    let roll = rng.below(10)
    let parent: FeedParent = roll == 0 ? .record(RecordRef(EntityType("Account"), "acc\(rng.below(1_000))")) : .member(author)
    let t = rng.below(10) < 3 ? [topics[rng.below(topics.count)]] : []
    batch.append(FeedItem(id: ID("fi\(n)"), authorID: author, kind: .text, parent: parent,
        body: try RichTextSanitizer().sanitize("post number \(n)"), topics: t, createdAt: wall.now().addingTimeInterval(Double(n))))
    if batch.count == 10_000 {
        let b = batch
        try store.write { tx in for i in b { try tx.put(i) } }
        batch.removeAll(keepingCapacity: true)
    }
}
if !batch.isEmpty { let b = batch; try store.write { tx in for i in b { try tx.put(i) } } }
// Questions with answers.
let questionCount = 10_000
try store.write { tx in
    for q in 0..<questionCount {
        let qid = ID<Question>("q\(q)")
        try tx.put(Question(id: qid, askerID: member[q % member.count], title: "Question \(q)",
            body: SanitizedHTML(escaping: "body \(q)"), createdAt: wall.now(), answerCount: 5))
        for a in 0..<5 {
            try tx.put(Answer(id: ID("a\(q)_\(a)"), questionID: qid, authorID: member[(q + a + 1) % member.count],
                body: SanitizedHTML(escaping: "answer \(a)"), createdAt: wall.now().addingTimeInterval(Double(a)),
                upvoters: Set((0..<a).map { member[$0] })))
        }
    }
}
print(String(format: "loaded in %.1f s", ms(clock.now - loadStart) / 1000))

// Home feed pages.
var home: [Double] = []
var nextPages: [Double] = []
var itemsSeen = 0
for _ in 0..<args.samples {
    let viewer = member[rng.below(member.count)]
    let t0 = clock.now
    let page = try engagement.feeds.home(viewer: viewer, limit: 20)
    home.append(ms(clock.now - t0))
    itemsSeen += page.items.count
    if let next = page.next {
        let t1 = clock.now
        _ = try engagement.feeds.home(viewer: viewer, after: next, limit: 20)
        nextPages.append(ms(clock.now - t1))
    }
}
let h = percentiles(home), hn = percentiles(nextPages)
print(String(format: "home feed, page of 20:   p50 %.3f ms  p90 %.3f ms  p99 %.3f ms  (avg %.1f items/page)", h.p50, h.p90, h.p99,
    Double(itemsSeen) / Double(args.samples)))
print(String(format: "home feed, second page:  p50 %.3f ms  p90 %.3f ms  p99 %.3f ms", hn.p50, hn.p90, hn.p99))

// Question pages.
var qa: [Double] = []
for _ in 0..<args.samples {
    let q = ID<Question>("q\(rng.below(questionCount))")
    let t0 = clock.now
    let page = try engagement.questions.page(q, viewer: member[rng.below(member.count)])
    qa.append(ms(clock.now - t0))
    precondition(page.answers.count == 5)
}
let qp = percentiles(qa)
print(String(format: "question + 5 answers:    p50 %.3f ms  p90 %.3f ms  p99 %.3f ms", qp.p50, qp.p90, qp.p99))

// Posting through the full write path (sanitise, screen, one transaction, index, events, reputation).
func measurePosts(_ engagement: Engagement, _ count: Int, label: String) throws {
    var r = Rng(s: 7)
    let t0 = clock.now
    for i in 0..<count {
        let author = member[r.below(member.count)]
        try engagement.feeds.post(.text("<p>new post \(i) with <b>bold</b></p>", on: .member(author), topics: [topics[r.below(topics.count)]]), by: author)
    }
    let secs = ms(clock.now - t0) / 1000
    print(String(format: "%@ %d posts in %.2f s = %.0f posts/s", label, count, secs, Double(count) / secs))
}
try measurePosts(engagement, args.posts, label: "posting (store at scale):")

// The same write path on a store holding only the members (shows the store's per-write cost).
let small = MemoryStore(feedCapacity: 10_000)
try small.write { tx in
    for m in member { try tx.put(User(id: m, kind: .customer, name: m.rawValue, email: "\(m.rawValue)@example.com", profileID: "p", accountID: "acc")) }
}
try measurePosts(try Engagement(store: small, clock: wall, access: BenchAccess()), args.posts, label: "posting (members only):  ")
