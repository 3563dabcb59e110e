import CommunityModel
import Foundation
import Testing

@testable import CommunityEngagement

@Suite struct IdeaTests {
    typealias F = Fixture

    @Test func votesAreOnePerMemberAndChangeable() throws {
        let f = try Fixture()
        let zone = try f.engine.ideas.createZone(name: "Product", categories: ["UI", "API"], by: F.mod)
        #expect(throws: (any Error).self) { try f.engine.ideas.createZone(name: "X", categories: [], by: F.alice) }
        let idea = try f.engine.ideas.submit(to: zone.id, title: "Dark mode", body: "please", categories: ["UI"], by: F.alice)
        #expect(throws: (any Error).self) { try f.engine.ideas.submit(to: zone.id, title: "x", body: "y", categories: ["Nope"], by: F.alice) }
        _ = try f.engine.ideas.vote(idea.id, value: 1, by: F.bob)
        _ = try f.engine.ideas.vote(idea.id, value: 1, by: F.bob)
        #expect(try f.engine.ideas.idea(idea.id, viewer: F.bob).score == 1)
        _ = try f.engine.ideas.vote(idea.id, value: -1, by: F.bob)
        _ = try f.engine.ideas.vote(idea.id, value: -1, by: F.carol)
        #expect(try f.engine.ideas.idea(idea.id, viewer: F.bob).score == -2)
        _ = try f.engine.ideas.vote(idea.id, value: 0, by: F.carol)
        #expect(try f.engine.ideas.idea(idea.id, viewer: F.bob).score == -1)
        #expect(throws: (any Error).self) { try f.engine.ideas.vote(idea.id, value: 2, by: F.carol) }
        let edited = try f.engine.ideas.edit(idea.id, title: "Dark theme", body: "please!", by: F.alice)
        #expect(edited.title == "Dark theme")
        #expect(throws: (any Error).self) { try f.engine.ideas.edit(idea.id, title: "x", body: "y", by: F.bob) }
    }

    @Test func statusHistoryAndNotifications() throws {
        let f = try Fixture()
        let zone = try f.engine.ideas.createZone(name: "Product", categories: [], by: F.mod)
        let idea = try f.engine.ideas.submit(to: zone.id, title: "Export", body: "CSV", by: F.alice)
        _ = try f.engine.ideas.vote(idea.id, value: 1, by: F.bob)
        #expect(throws: (any Error).self) { try f.engine.ideas.setStatus(idea.id, to: .planned, comment: "", by: F.alice) }
        _ = try f.engine.ideas.setStatus(idea.id, to: .underReview, comment: "Looking", by: F.mod)
        f.clock.advance(by: 60)
        let planned = try f.engine.ideas.setStatus(idea.id, to: .planned, comment: "Q3", by: F.mod)
        #expect(planned.statusHistory.map(\.to) == [.underReview, .planned])
        #expect(planned.statusHistory.last?.comment == "Q3" && planned.statusHistory.last?.from == .underReview)
        #expect(try f.engine.notifications.list(F.alice).filter { $0.kind == .ideaStatusChanged }.count == 2)
        #expect(try f.engine.notifications.list(F.bob).filter { $0.kind == .ideaStatusChanged }.count == 2)
        #expect(try f.engine.ideas.list(zone.id, order: .status(.planned), viewer: F.bob).map(\.id) == [idea.id])
        #expect(try f.engine.ideas.list(zone.id, order: .status(.delivered), viewer: F.bob).isEmpty)
    }

    @Test func mergeCombinesVotesAndCommentsCountingEachMemberOnce() throws {
        let f = try Fixture()
        try f.addMember("dave")
        let zone = try f.engine.ideas.createZone(name: "Product", categories: [], by: F.mod)
        let target = try f.engine.ideas.submit(to: zone.id, title: "Dark mode", body: "a", by: F.alice)
        let dup = try f.engine.ideas.submit(to: zone.id, title: "Night theme", body: "b", by: F.bob)
        _ = try f.engine.ideas.vote(target.id, value: 1, by: F.carol)
        _ = try f.engine.ideas.vote(dup.id, value: 1, by: F.carol)  // voted on both: counted once
        _ = try f.engine.ideas.vote(dup.id, value: 1, by: "dave")
        _ = try f.engine.ideas.vote(dup.id, value: -1, by: F.alice)
        _ = try f.engine.ideas.comment(on: dup.id, body: "me too", by: F.carol)
        _ = try f.engine.ideas.comment(on: target.id, body: "+1", by: F.bob)
        #expect(throws: (any Error).self) { try f.engine.ideas.merge(dup.id, into: target.id, by: F.alice) }
        let merged = try f.engine.ideas.merge(dup.id, into: target.id, by: F.mod)
        #expect(Set(merged.votes.keys) == [F.carol, "dave", F.alice])
        #expect(merged.score == 1)  // carol +1, dave +1, alice -1
        #expect(merged.commentCount == 2 && merged.mergedIdeaIDs == [dup.id])
        #expect(try f.engine.feeds.comments(on: .idea(target.id), viewer: F.bob).count == 2)
        #expect(try f.engine.ideas.list(zone.id, viewer: F.bob).map(\.id) == [target.id])
        #expect(throws: EngagementError.conflict("idea \(dup.id) was merged into \(target.id)")) {
            try f.engine.ideas.vote(dup.id, value: 1, by: F.bob)
        }
        #expect(throws: (any Error).self) { try f.engine.ideas.merge(dup.id, into: target.id, by: F.mod) }
        #expect(throws: (any Error).self) { try f.engine.ideas.merge(target.id, into: target.id, by: F.mod) }
    }

    @Test func ordersTopTrendingRecent() throws {
        let f = try Fixture()
        let members = (0..<6).map { ID<User>("v\($0)") }
        for m in members { try f.addMember(m) }
        let zone = try f.engine.ideas.createZone(name: "Z", categories: [], trendingHalfLifeHours: 24, by: F.mod)
        let old = try f.engine.ideas.submit(to: zone.id, title: "Old favourite", body: "x", by: F.alice)
        for m in members.prefix(5) { _ = try f.engine.ideas.vote(old.id, value: 1, by: m) }
        f.clock.advance(by: 10 * 24 * 3600)
        let fresh = try f.engine.ideas.submit(to: zone.id, title: "Hot new thing", body: "y", by: F.bob)
        for m in members.prefix(3) { _ = try f.engine.ideas.vote(fresh.id, value: 1, by: m) }
        f.clock.advance(by: 60)
        let newest = try f.engine.ideas.submit(to: zone.id, title: "Newest", body: "z", by: F.carol)
        #expect(try f.engine.ideas.list(zone.id, order: .top, viewer: F.alice).map(\.id) == [old.id, fresh.id, newest.id])
        #expect(try f.engine.ideas.list(zone.id, order: .trending, viewer: F.alice).map(\.id) == [fresh.id, old.id, newest.id])
        #expect(try f.engine.ideas.list(zone.id, order: .recent, viewer: F.alice).map(\.id) == [newest.id, fresh.id, old.id])
    }
}
