import CommunityKit
import Foundation

// swift run -c release RenderBenchmark [--iterations N] [--breakdown]
// swift run -c release RenderBenchmark --scale large   (see ScaleRun.swift)
//
// Renders a typical Partner Central page of ten components (header, banner, search box,
// article list, lead table, deal pipeline, SVG dashboard, question list, leaderboard, footer)
// for a partner user, through `site.handle(request)`, with all data in memory, and reports
// p50/p90/p99 per page view.

struct BenchKnowledge: KnowledgeProvider {
    let articles: [ArticleCard] = (0..<50).map { i in
        ArticleCard(id: "ka\(i)", slug: "article-\(i)", title: "How to configure feature \(i)", summary: "Steps for feature \(i) & friends", locale: "en_US", topics: ["Setup"])
    }
    func search(_ query: String, locale: String, viewer: Viewer, limit: Int) throws -> [ArticleCard] { Array(articles.prefix(limit)) }
    func articles(topic: String?, locale: String, viewer: Viewer, limit: Int) throws -> [ArticleCard] { Array(articles.prefix(limit)) }
    func article(slug: String, locale: String, viewer: Viewer) throws -> ArticleDisplay? { nil }
    func topics(viewer: Viewer) throws -> [TopicSummary] { [TopicSummary(name: "Setup", itemCount: 50)] }
    func vote(articleID: String, helpful: Bool, viewer: Viewer) throws {}
}

func seed() throws -> MemoryStore {
    let store = MemoryStore()
    var entities: [any Entity] = [
        Profile(id: "channel", name: "Channel", permissions: PermissionGrants(objects: ["Lead": .crud, "Opportunity": .crud, "Account": .crud])),
        Profile(id: "partner", name: "Partner", permissions: PermissionGrants(objects: ["Lead": [.read, .create, .edit], "Opportunity": [.read]])),
        OrgWideDefault(object: "Lead", internalAccess: .private, externalAccess: .private),
        OrgWideDefault(object: "Opportunity", internalAccess: .private, externalAccess: .private),
        OrgWideDefault(object: "Account", internalAccess: .private, externalAccess: .private),
        Role(id: "cm", name: "Channel Manager"),
        User(id: "cara", kind: .internal, name: "Cara", email: "cara@x.example", profileID: "channel", roleID: "cm"),
    ]
    let close = try Day(year: 2027, month: 1, day: 31)
    let stages = ["Prospecting", "Qualification", "Proposal", "Negotiation", "Closed Won"]
    for a in 0..<20 {
        let account = ID<Account>("acct\(a)")
        entities.append(Account(id: account, name: "Partner \(a)", owner: "cara", isPartner: true, partnerTier: .gold))
        entities.append(Role(id: ID("r\(a)-mgr"), name: "P\(a) Manager", kind: .partner, accountID: account, externalLevel: .manager))
        entities.append(Role(id: ID("r\(a)-user"), name: "P\(a) User", parentID: ID("r\(a)-mgr"), kind: .partner, accountID: account, externalLevel: .user))
        for u in 0..<5 {
            let user = ID<User>("u\(a)-\(u)")
            entities.append(User(id: user, kind: .partner, name: "User \(a)-\(u)", email: "u\(a)\(u)@p.example", profileID: "partner", roleID: ID(u == 0 ? "r\(a)-mgr" : "r\(a)-user"), accountID: account))
            for l in 0..<10 {
                entities.append(Lead(id: ID("lead-\(a)-\(u)-\(l)"), lastName: "Contact \(l)", company: "Customer \(a)-\(u)-\(l) <GmbH>", status: .new, partnerAccountID: account, owner: .user(user)))
            }
            for o in 0..<4 {
                entities.append(Opportunity(id: ID("opp-\(a)-\(u)-\(o)"), name: "Deal \(a)-\(u)-\(o)", accountID: account, stage: stages[(u + o) % stages.count],
                                            amount: Decimal(10_000 * (o + 1)), closeDate: close, partnerAccountID: account, owner: user))
            }
        }
    }
    try store.write { tx in
        for entity in entities {
            func put<E: Entity>(_ e: E) throws { try tx.put(e) }
            try put(entity)
        }
    }
    return store
}

func percentile(_ sorted: [Double], _ p: Double) -> Double { sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))] }

let arguments = CommandLine.arguments
if arguments.contains("--scale") {
    try ScaleRun.run(arguments: arguments)
    exit(0)
}
let iterations = arguments.firstIndex(of: "--iterations").flatMap { Int(arguments[$0 + 1]) } ?? 5000

let community = try Community(CommunityConfiguration(store: try seed(), clock: ManualClock(), csrfSecret: Array("benchmark-secret-0123456789".utf8), knowledge: BenchKnowledge()))
var site = try Site(id: "partners", name: "Partner Central", urlPrefix: "/partners", status: .published, memberProfileIDs: ["partner", "channel"])
site.menus = [NavigationMenu(id: "main", items: [.init("Home", .page("home")), .init("Leads", .page("home"))])]
func c(_ id: String, _ type: ComponentType, _ properties: JSONValue = [:]) -> ComponentInstance { ComponentInstance(id: id, type: type, properties: properties) }
try site.addPage(Page(id: "home", title: "Home", slug: "", layout: PageLayout {
    Region("header") { Row { Column(12) { c("header", "community.header") } } }
    Region("main") {
        Row { Column(12) { c("banner", "community.banner", ["heading": "Welcome, partners", "text": "Register deals & grow."]) } }
        Row {
            Column(8) {
                c("leads", "community.recordList", ["object": "Lead", "fields": ["Company", "LastName", "Status"], "limit": 20])
                c("pipeline", "community.dealPipeline")
                c("chart", "community.dashboard", ["object": "Opportunity", "groupBy": "StageName", "measure": "Amount"])
            }
            Column(4) {
                c("search", "community.searchBox")
                c("articles", "community.articleList", ["title": "Guides", "limit": 5])
                c("questions", "community.questionList", ["title": "Questions", "limit": 5])
                c("leaders", "community.leaderboard", ["limit": 5])
            }
        }
    }
    Region("footer") { Row { Column(12) { c("footer", "community.footer", ["text": "© Northwind"]) } } }
}))
site.homePageID = "home"
// One page per component (and an empty one) for the per-component breakdown.
let homeLayout = site.page("home")!.layout
try site.addPage(Page(id: "solo-empty", title: "Empty", slug: "solo-empty"))
for placed in homeLayout.placedComponents {
    try site.addPage(Page(id: "solo-\(placed.instance.id)", title: placed.instance.id, slug: "solo-\(placed.instance.id)", layout: PageLayout {
        Region("main") { Row { Column(12) { placed.instance } } }
    }))
}
let responder = try community.addSite(site)
let viewer = community.viewer("u3-0", sessionID: "bench")
let request = SiteRequest(.get, "/partners/", viewer: viewer)

let sample = responder.handle(request)
precondition(sample.status == 200, "page failed: \(sample.status)")
precondition(sample.body.contains("Customer 3-"), "the partner manager should see their account's leads")
precondition(!sample.body.contains("Customer 4-"), "and not another partner's")
let components = sample.body.components(separatedBy: "class=\"ck-component\"").count - 1

for _ in 0..<min(500, iterations) { _ = responder.handle(request) }
var samples: [Double] = []
samples.reserveCapacity(iterations)
let clock = ContinuousClock()
var bytes = 0
for _ in 0..<iterations {
    let start = clock.now
    let response = responder.handle(request)
    let elapsed = clock.now - start
    bytes = response.body.utf8.count
    samples.append(Double(elapsed.components.attoseconds) / 1e12 + Double(elapsed.components.seconds) * 1e6)
}
samples.sort()
let p50 = percentile(samples, 0.5), p90 = percentile(samples, 0.9), p99 = percentile(samples, 0.99)
print(String(format: "RenderBenchmark: %d components, %d bytes, %d iterations", components, bytes, iterations))
print(String(format: "page view (site.handle): p50 %.1f µs  p90 %.1f µs  p99 %.1f µs  (target p50 < 1000 µs)", p50, p90, p99))
if arguments.contains("--breakdown") {
    func median(_ path: String, _ n: Int = 1000) -> Double {
        let request = SiteRequest(.get, path, viewer: viewer)
        for _ in 0..<100 { _ = responder.handle(request) }
        var times: [Double] = []
        for _ in 0..<n {
            let start = clock.now
            _ = responder.handle(request)
            let elapsed = clock.now - start
            times.append(Double(elapsed.components.attoseconds) / 1e12 + Double(elapsed.components.seconds) * 1e6)
        }
        times.sort()
        return times[times.count / 2]
    }
    let empty = median("/partners/solo-empty")
    print(String(format: "  empty page (document, head, CSRF token, stylesheet): p50 %.1f µs", empty))
    for placed in homeLayout.placedComponents {
        let p50 = median("/partners/solo-\(placed.instance.id)")
        let name = placed.instance.type.rawValue.padding(toLength: 28, withPad: " ", startingAt: 0)
        print("  " + name + String(format: " p50 %.1f µs (minus empty page: %.1f µs)", p50, p50 - empty))
    }
}
print(String(format: "{\"components\":%d,\"bytes\":%d,\"iterations\":%d,\"p50_us\":%.1f,\"p90_us\":%.1f,\"p99_us\":%.1f}", components, bytes, iterations, p50, p90, p99))
