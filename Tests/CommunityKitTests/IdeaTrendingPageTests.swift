import CommunityKit
import Foundation
import Testing

/// The idea list orders by the stored trending ranking when a page asks for `order: trending`:
/// ideas with recent votes come first, ideas posted since the last refresh after the ranked ones.
@Suite struct IdeaTrendingPageTests {
    static func community(_ clock: ManualClock, order: String) throws -> Community {
        let configuration = CommunityConfiguration(
            store: try KitFixture.store(), clock: clock, csrfSecret: KitFixture.secret, defaultCaseOwner: .user("cara"))
        let community = try Community(configuration)
        var site = try KitFixture.partnerSite()
        var ideas = try #require(site.page("ideas"))
        ideas.layout = PageLayout(regions: [Region(name: "main", rows: [Row(columns: [Column(components: [
            ComponentInstance(id: "il", type: IdeaListComponent.type, properties: ["title": "Ideas", "order": .string(order)]),
        ])])])])
        try site.updatePage(ideas)
        try community.addSite(site)
        return community
    }

    /// The idea titles in the order the page lists them.
    static func titles(_ community: Community, in candidates: [String]) -> [String] {
        let body = community.handle(SiteRequest(.get, "/partners/ideas", viewer: community.viewer("pat", sessionID: "s-pat"))).body
        return candidates.compactMap { title in body.range(of: "<strong class=\"ck-idea-title\">\(title)</strong>").map { (title, $0.lowerBound) } }
            .sorted { $0.1 < $1.1 }.map(\.0)
    }

    static func seed(_ community: Community, _ clock: ManualClock) throws {
        let zone = try community.engagement.ideas.createZone(name: "Portal", categories: [], site: "partners", by: "cara")
        let old = try community.engagement.ideas.submit(to: zone.id, title: "Old favourite", body: "<p>a</p>", by: "pat")
        for voter: ID<User> in ["mia", "bo", "cara"] { _ = try community.engagement.ideas.vote(old.id, value: 1, by: voter) }
        clock.advance(by: 30 * 86_400)
        let fresh = try community.engagement.ideas.submit(to: zone.id, title: "Fresh idea", body: "<p>b</p>", by: "pat")
        _ = try community.engagement.ideas.vote(fresh.id, value: 1, by: "mia")
        try community.engagement.ideas.refreshTrending(at: clock.now())
        clock.advance(by: 3_600)
        _ = try community.engagement.ideas.submit(to: zone.id, title: "Unranked yet", body: "<p>c</p>", by: "mia")
    }

    static let all = ["Old favourite", "Fresh idea", "Unranked yet"]

    @Test func trendingReadsTheStoredRanking() throws {
        let clock = ManualClock()
        let community = try Self.community(clock, order: "trending")
        try Self.seed(community, clock)
        #expect(Self.titles(community, in: Self.all) == ["Fresh idea", "Old favourite", "Unranked yet"])
        // Another refresh ranks the new idea too (no votes: below the voted ones, above nothing).
        try community.engagement.ideas.refreshTrending(at: clock.now())
        #expect(Self.titles(community, in: Self.all) == ["Fresh idea", "Old favourite", "Unranked yet"])
    }

    @Test func topAndRecentKeepTheirOrders() throws {
        let clock = ManualClock()
        let top = try Self.community(clock, order: "top")
        try Self.seed(top, clock)
        #expect(Self.titles(top, in: Self.all) == ["Old favourite", "Fresh idea", "Unranked yet"])

        let recentClock = ManualClock()
        let recent = try Self.community(recentClock, order: "recent")
        try Self.seed(recent, recentClock)
        #expect(Self.titles(recent, in: Self.all) == ["Unranked yet", "Fresh idea", "Old favourite"])
    }

    @Test func anUnknownOrderIsRejectedWhenTheSiteIsAdded() throws {
        #expect(throws: (any Error).self) { try Self.community(ManualClock(), order: "random") }
    }
}
