import CommunityModel
import Foundation
import Testing

@testable import CommunityEngagement

@Suite struct ReputationTests {
    typealias F = Fixture

    @Test func pointsPerActionAndNoSelfFarming() throws {
        let f = try Fixture()
        let item = try f.engine.feeds.post(.text("hello", on: .member(F.alice), topics: ["swift"]), by: F.alice)
        #expect(try f.engine.reputation.account(of: F.alice).points == 1)
        try f.engine.feeds.like(.item(item.id), by: F.alice)  // own content: nothing
        #expect(try f.engine.reputation.account(of: F.alice).points == 1)
        try f.engine.feeds.like(.item(item.id), by: F.bob)
        #expect(try f.engine.reputation.account(of: F.alice).points == 6)
        // Toggling a like does not earn again.
        for _ in 0..<3 {
            try f.engine.feeds.unlike(.item(item.id), by: F.bob)
            try f.engine.feeds.like(.item(item.id), by: F.bob)
        }
        #expect(try f.engine.reputation.account(of: F.alice).points == 6)
        #expect(try f.engine.reputation.account(of: F.alice).topicPoints["swift"] == 6)
        // Answering one's own question and choosing oneself earn nothing.
        let q = try f.engine.questions.ask(title: "Q", body: "b", topics: ["swift"], by: F.carol)
        let own = try f.engine.questions.answer(q.id, body: "self", by: F.carol)
        try f.engine.questions.chooseBestAnswer(own.id, by: F.carol)
        #expect(try f.engine.reputation.account(of: F.carol).points == 1)  // only the question
        let a = try f.engine.questions.answer(q.id, body: "real", by: F.bob)
        try f.engine.questions.chooseBestAnswer(a.id, by: F.carol)
        #expect(try f.engine.reputation.account(of: F.bob).points == 25)  // answer 5 + best 20
        #expect(try f.engine.reputation.account(of: F.bob).counts[.bestAnswer] == 1)
        // Idea votes: once per voter, never one's own.
        let zone = try f.engine.ideas.createZone(name: "Z", categories: [], by: F.mod)
        let idea = try f.engine.ideas.submit(to: zone.id, title: "Idea", body: "x", by: F.kim)
        _ = try f.engine.ideas.vote(idea.id, value: 1, by: F.kim)
        _ = try f.engine.ideas.vote(idea.id, value: 1, by: F.alice)
        _ = try f.engine.ideas.vote(idea.id, value: -1, by: F.alice)
        _ = try f.engine.ideas.vote(idea.id, value: 1, by: F.alice)
        #expect(try f.engine.reputation.account(of: F.kim).points == 2 + 2)
        try f.engine.reputation.articleMarkedHelpful(articleID: "kb1", author: F.kim, by: F.alice)
        try f.engine.reputation.articleMarkedHelpful(articleID: "kb1", author: F.kim, by: F.alice)
        try f.engine.reputation.articleMarkedHelpful(articleID: "kb1", author: F.kim, by: F.kim)
        #expect(try f.engine.reputation.account(of: F.kim).points == 14)
    }

    @Test func dailyCapsStopFarmingAndResetNextDay() throws {
        var rules = ReputationRules.standard
        rules.dailyCaps[.post] = 3
        rules.dailyTotalCap = 5
        let f = try Fixture(configuration: EngagementConfiguration(reputation: rules))
        for i in 0..<10 { _ = try f.engine.feeds.post(.text("p\(i)", on: .member(F.alice)), by: F.alice) }
        #expect(try f.engine.reputation.account(of: F.alice).points == 3)
        let item = try f.engine.feeds.post(.text("likeable", on: .member(F.alice)), by: F.alice)
        try f.engine.feeds.like(.item(item.id), by: F.bob)
        #expect(try f.engine.reputation.account(of: F.alice).points == 5)  // total cap
        f.clock.advance(by: 86_400)
        _ = try f.engine.feeds.post(.text("tomorrow", on: .member(F.alice)), by: F.alice)
        #expect(try f.engine.reputation.account(of: F.alice).points == 6)
    }

    @Test func levelsBadgesLeaderboardsExpertsRecommendations() throws {
        let rules = ReputationRules(points: [.answer: 10, .post: 1], levels: [
            ReputationLevel(name: "Rookie", threshold: 0), ReputationLevel(name: "Helper", threshold: 20),
        ])
        let f = try Fixture(configuration: EngagementConfiguration(reputation: rules))
        try f.engine.reputation.defineBadge(Badge(id: "helper3", name: "Helper", criteria: .count(.answer, atLeast: 3)), by: F.mod)
        try f.engine.reputation.defineBadge(Badge(id: "thanks", name: "Thank you"), by: F.mod)
        #expect(throws: (any Error).self) { try f.engine.reputation.defineBadge(Badge(id: "x", name: "x"), by: F.bob) }
        let q = try f.engine.questions.ask(title: "Swift concurrency?", body: "b", topics: ["Swift"], by: F.alice)
        for i in 0..<3 { _ = try f.engine.questions.answer(q.id, body: "a\(i)", by: F.bob) }
        _ = try f.engine.questions.answer(q.id, body: "c", by: F.carol)
        #expect(try f.engine.reputation.account(of: F.bob).points == 30)
        #expect(try f.engine.reputation.level(of: F.bob)?.name == "Helper")
        #expect(f.events.all(LevelReached.self).contains { $0.memberID == F.bob && $0.level.name == "Helper" })
        #expect(try f.engine.reputation.badges(of: F.bob).map(\.badgeID) == ["helper3"])
        try f.engine.reputation.award("thanks", to: F.carol, reason: "kind", by: F.mod)
        #expect(try f.engine.reputation.badges(of: F.carol).first?.awardedBy == F.mod)
        #expect(try f.engine.notifications.list(F.carol).contains { $0.kind == .recognition })
        #expect(try f.engine.reputation.leaderboard().map(\.memberID) == [F.bob, F.carol])
        #expect(try f.engine.reputation.leaderboard(topic: "swift").map(\.points) == [30, 10])
        f.clock.advance(by: 7 * 86_400)
        _ = try f.engine.questions.answer(q.id, body: "later", by: F.carol)
        let week = try f.engine.reputation.leaderboard(from: f.clock.now().addingTimeInterval(-86_400), to: f.clock.now().addingTimeInterval(1))
        #expect(week.map(\.memberID) == [F.carol] && week.first?.points == 10)
        #expect(try f.engine.reputation.experts(topic: "Swift", minimumPoints: 15).map(\.memberID) == [F.bob, F.carol])
        // Kim follows the swift topic: Bob is recommended as an expert, the swift group too.
        try f.engine.feeds.follow(.topicKey("swift"), by: F.kim)
        let g = try f.engine.groups.create(name: "Swift users", visibility: .public, topics: ["swift"], by: F.carol)
        #expect(try f.engine.reputation.recommendedExperts(for: F.kim).first?.subject == F.bob)
        #expect(try f.engine.reputation.recommendedGroups(for: F.kim).map(\.subject) == [g.id])
        try f.engine.feeds.follow(.member(F.bob), by: F.alice)
        #expect(try f.engine.reputation.recommendedTopics(for: F.alice).map(\.subject) == ["swift"])
    }
}
