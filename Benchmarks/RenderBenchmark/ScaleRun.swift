import CommunityKit
import Foundation
import SharingWorkload

// swift run -c release RenderBenchmark --scale small|medium|large [--users N] [--repeats N] [--seed N]
//
// Every built-in component that reads data, each on a page of its own, rendered through
// `site.handle(request)` for a sample of users of each kind (internal, partner, customer) over
// the sharing benchmark's generated org (large: 100,000 users, 1,000,000 opportunities and
// cases). For each component and kind it reports p50, p99 and the maximum per render, over
// `repeats` timed renders per user after one untimed first render (whose time is reported
// separately as "first": it includes gathering the viewer's listing candidates and a cold
// summary, which later renders of the same snapshot reuse).

/// One component placed alone on a page, and how to reach it for a user.
struct ScalePage {
    let name: String
    let page: Page
    /// The request path for a user; `nil` skips the user (nothing to show them).
    let path: @Sendable (ID<User>) -> String?
}

/// Latency samples of one component for one user kind.
struct ScaleSamples {
    var warm: [Double] = []
    var first: [Double] = []
}

enum ScaleRun {
    static func run(arguments: [String]) throws {
        func option(_ name: String) -> String? {
            arguments.firstIndex(of: name).flatMap { $0 + 1 < arguments.count ? arguments[$0 + 1] : nil }
        }
        let scaleName = option("--scale") ?? "large"
        guard let scale = WorkloadScale.named(scaleName) else {
            print("unknown scale \(scaleName); use tiny, small, medium or large")
            exit(2)
        }
        let usersPerKind = option("--users").flatMap(Int.init) ?? 100
        let repeats = max(1, option("--repeats").flatMap(Int.init) ?? 5)
        let seed = option("--seed").flatMap(Int.init) ?? 1

        let clock = ContinuousClock()
        var started = clock.now
        let workload = WorkloadGenerator.generate(scale, seed: seed)
        let store = MemoryStore(feedCapacity: 1024)
        try WorkloadStore.fill(store, with: workload)
        print(String(format: "org: %d users, %d records, written in %.1f s", workload.users.count, workload.records.count,
                     seconds(clock.now - started)))
        started = clock.now
        let community = try Community(CommunityConfiguration(
            store: store, clock: ManualClock(), csrfSecret: Array("render-benchmark-secret-0123".utf8)))
        print(String(format: "community built in %.1f s", seconds(clock.now - started)))

        var site = try Site(
            id: "scale", name: "Scale", urlPrefix: "/s", status: .published,
            memberProfileIDs: workload.profiles.compactMap { try? ID<Profile>(parsing: $0.id) })
        site.menus = [NavigationMenu(id: "main", items: [.init("Home", .page("home"))])]
        try site.addPage(Page(id: "home", title: "Home", slug: ""))
        site.homePageID = "home"
        let pages = try scalePages(community: community)
        for entry in pages { try site.addPage(entry.page) }
        let responder = try community.addSite(site)

        let byKind = Dictionary(grouping: workload.users, by: \.kind)
        print("component                      kind      users  p50 µs   p99 µs   max µs  first p50 µs  first p99 µs  first max µs")
        var worst: (name: String, kind: String, p99: Double) = ("", "", 0)
        var worstFirst: (name: String, kind: String, p99: Double) = ("", "", 0)
        for entry in pages {
            for kind in UserKind.allCases {
                let users = sample(byKind[kind] ?? [], count: usersPerKind)
                var samples = ScaleSamples()
                var measured = 0
                for user in users {
                    guard let id = try? ID<User>(parsing: user.id), let path = entry.path(id) else { continue }
                    let request = SiteRequest(.get, path, viewer: community.viewer(id, sessionID: "bench"))
                    var start = clock.now
                    let first = responder.handle(request)
                    samples.first.append(micros(clock.now - start))
                    guard first.status == 200 else {
                        print("  \(entry.name) for \(user.id): status \(first.status)")
                        continue
                    }
                    measured += 1
                    for _ in 0..<repeats {
                        start = clock.now
                        _ = responder.handle(request)
                        samples.warm.append(micros(clock.now - start))
                    }
                }
                guard !samples.warm.isEmpty else { continue }
                let warm = samples.warm.sorted(), first = samples.first.sorted()
                let p99 = percentile(warm, 0.99)
                if p99 > worst.p99 { worst = (entry.name, kind.rawValue, p99) }
                if percentile(first, 0.99) > worstFirst.p99 { worstFirst = (entry.name, kind.rawValue, percentile(first, 0.99)) }
                print(entry.name.padding(toLength: 30, withPad: " ", startingAt: 0) + " "
                      + kind.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0)
                      + String(format: " %5d %7.0f %8.0f %8.0f %13.0f %13.0f %13.0f", measured, percentile(warm, 0.5), p99,
                               warm.last ?? 0, percentile(first, 0.5), percentile(first, 0.99), first.last ?? 0))
            }
        }
        print(String(format: "slowest p99: %@ for %@ users, %.0f µs (target < 2000 µs)", worst.name, worst.kind, worst.p99))
        print(String(format: "slowest first render (p99): %@ for %@ users, %.0f µs", worstFirst.name, worstFirst.kind, worstFirst.p99))
    }

    /// Every data-reading built-in, each alone on a page.
    static func scalePages(community: Community) throws -> [ScalePage] {
        @Sendable func slug(_ name: String) -> String { "c-" + name.lowercased().replacingOccurrences(of: ".", with: "-") }
        func page(_ name: String, _ type: ComponentType, _ properties: JSONValue = [:]) -> Page {
            Page(id: slug(name), title: name, slug: slug(name), layout: PageLayout {
                Region("main") { Row { Column(12) { ComponentInstance(id: slug(name), type: type, properties: properties) } } }
            })
        }
        func fixed(_ name: String, _ type: ComponentType, _ properties: JSONValue = [:]) -> ScalePage {
            ScalePage(name: name, page: page(name, type, properties)) { _ in "/s/" + slug(name) }
        }
        let reader = RecordReader(engine: community.access)
        let detail = Page(
            id: "c-recordDetail", title: "Deal", slug: "deal", parameter: "id", objectType: "Opportunity",
            layout: PageLayout {
                Region("main") { Row { Column(12) { ComponentInstance(id: "detail", type: "community.recordDetail") } } }
            })
        return [
            fixed("header", "community.header"),
            fixed("footer", "community.footer"),
            fixed("searchBox", "community.searchBox"),
            fixed("articleList", "community.articleList"),
            fixed("topicCatalog", "community.topicCatalog"),
            fixed("questionList", "community.questionList"),
            fixed("ideaList", "community.ideaList"),
            fixed("feed", "community.feed"),
            fixed("groupList", "community.groupList"),
            fixed("leaderboard", "community.leaderboard"),
            fixed("memberDirectory", "community.memberDirectory"),
            fixed("recordList.Opportunity", "community.recordList",
                  ["object": "Opportunity", "fields": ["Name", "StageName", "Amount", "CloseDate"], "limit": 20]),
            fixed("recordList.Case", "community.recordList", ["object": "Case", "fields": ["Subject", "Status"], "limit": 20]),
            fixed("dealPipeline", "community.dealPipeline"),
            fixed("dashboard.Opportunity", "community.dashboard",
                  ["object": "Opportunity", "groupBy": "StageName", "measure": "Amount"]),
            fixed("dashboard.Case", "community.dashboard", ["object": "Case", "groupBy": "Status"]),
            fixed("caseForm", "community.caseForm"),
            fixed("leadForm", "community.leadForm"),
            ScalePage(name: "recordDetail", page: detail) { user in
                let viewer = Viewer(user: community.access.snapshot.user(user))
                guard let first = reader.records(of: "Opportunity", viewer: viewer, fields: ["Name"], limit: 1).first else { return nil }
                return "/s/deal/\(first.id)"
            },
        ]
    }

    /// Up to `count` users spread evenly over the list (deterministic).
    static func sample(_ users: [WorkloadUser], count: Int) -> [WorkloadUser] {
        guard users.count > count, count > 0 else { return users }
        return (0..<count).map { users[$0 * users.count / count] }
    }

    static func seconds(_ d: Duration) -> Double {
        Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }

    static func micros(_ d: Duration) -> Double { seconds(d) * 1e6 }
}
