import CommunityModel
import Foundation
import Synchronization
import Testing

@testable import CommunityEngagement

/// The posting write path: one transaction for the post and its points, events in order,
/// screening and mentions reading the post's text once.
@Suite struct PostingPathTests {
    typealias F = Fixture

    /// Every event published on a bus, in order.
    final class PostingEventOrder: Sendable {
        private let names = Mutex<[String]>([])
        init(_ bus: EventBus) { bus.subscribeAll { [weak self] e in self?.names.withLock { $0.append(String(describing: type(of: e))) } } }
        var all: [String] { names.withLock { $0 } }
    }

    @Test func aPostAndItsPointsCommitInOneTransaction() throws {
        let f = try Fixture()
        let order = PostingEventOrder(f.bus)
        let before = f.store.snapshot().sequence
        let item = try f.engine.feeds.post(.text("hello", on: .member(F.alice), topics: ["Swift"]), by: F.alice)
        let changes = try f.store.changes(after: before, limit: 100)
        #expect(Set(changes.map(\.transaction)).count == 1)
        #expect(Set(changes.map(\.entityType)) == [FeedItem.entityType, PointsEntry.entityType, ReputationAccount.entityType])
        #expect(changes.contains { $0.entityType == FeedItem.entityType && $0.id == item.id.rawValue })
        let account = try f.engine.reputation.account(of: F.alice)
        #expect(account.points == 1)
        #expect(account.topicPoints["swift"] == 1)
        #expect(account.counts[.post] == 1)
        #expect(order.all == ["FeedItemPosted", "PointsAwarded"])
    }

    @Test func askingAQuestionEarnsQuestionPointsInTheSameTransaction() throws {
        let f = try Fixture()
        let before = f.store.snapshot().sequence
        _ = try f.engine.questions.ask(title: "How do I reset?", body: "details", topics: [], by: F.bob)
        let changes = try f.store.changes(after: before, limit: 100)
        #expect(Set(changes.map(\.transaction)).count == 1)
        #expect(changes.contains { $0.entityType == PointsEntry.entityType })
        #expect(try f.engine.reputation.account(of: F.bob).counts[.question] == 1)
        #expect(try f.engine.reputation.account(of: F.bob).counts[.post] == nil)
    }

    @Test func heldAndRefusedPostsEarnNothingAndWriteNoLedger() throws {
        let f = try Fixture()
        try f.engine.moderation.save(ModerationRule(id: "flag", name: "Flag", keywords: [Keyword("refund")], action: .flag), by: F.mod)
        try f.engine.moderation.save(ModerationRule(id: "block", name: "Block", keywords: [Keyword("casino")], action: .block), by: F.mod)
        let held = try f.engine.feeds.post(.text("I want a refund", on: .member(F.alice)), by: F.alice)
        #expect(held.status == .pendingReview)
        #expect(throws: EngagementError.self) { try f.engine.feeds.post(.text("casino night", on: .member(F.alice)), by: F.alice) }
        #expect(try f.engine.reputation.account(of: F.alice).points == 0)
        #expect(try f.store.snapshot().all(PointsEntry.self).isEmpty)
        #expect(f.events.all(PointsAwarded.self).isEmpty)
    }

    @Test func mentionsComeFromTheScreenedText() throws {
        let f = try Fixture()
        // Unmasked: the mention is resolved from the prepared text.
        let plain = try f.engine.feeds.post(.text("<p>thanks @bob and @[user:carol]</p>", on: .member(F.alice)), by: F.alice)
        #expect(plain.mentionedMembers == [F.bob, F.carol])
        // A masked handle no longer names anyone.
        try f.engine.moderation.save(ModerationRule(id: "mask", name: "Mask", keywords: [Keyword("bob")], action: .mask), by: F.mod)
        let masked = try f.engine.feeds.post(.text("<p>thanks @bob and @[user:carol]</p>", on: .member(F.alice)), by: F.alice)
        #expect(!masked.body.html.contains("bob"))
        #expect(masked.mentionedMembers == [F.carol])
    }

    @Test func leaderboardRanksByPointsThenMemberAndHonoursTheLimit() throws {
        let f = try Fixture()
        for (member, posts) in [(F.carol, 2), (F.alice, 2), (F.bob, 3), (F.kim, 1)] {
            for n in 0..<posts { try f.engine.feeds.post(.text("post \(n)", on: .member(member)), by: member) }
        }
        let board = try f.engine.reputation.leaderboard(limit: 3)
        #expect(board.map(\.memberID) == [F.bob, F.alice, F.carol])
        #expect(board.map(\.points) == [3, 2, 2])
        #expect(board.map(\.rank) == [1, 2, 3])
        #expect(try f.engine.reputation.leaderboard(limit: 0).isEmpty)
        #expect(try f.engine.reputation.leaderboard(limit: 10).count == 4)
    }
}

/// The short ids of feed items and ledger entries.
@Suite struct CompactIDTests {
    @Test func compactIDsAreShortValidAndNeverRepeat() throws {
        var seen = Set<String>()
        for _ in 0..<50_000 {
            let id: ID<FeedItem> = CompactID.make(prefix: "fi")
            #expect(seen.insert(id.rawValue).inserted)
            #expect(id.rawValue.utf8.count == 15)
            #expect(id.rawValue.hasPrefix("fi_"))
            #expect(id.rawValue.dropFirst(3).allSatisfy { ("0"..."9").contains($0) || ("a"..."v").contains($0) })
            #expect(try ID<FeedItem>(parsing: id.rawValue) == id)
        }
    }

    @Test func concurrentCompactIDsNeverRepeat() async {
        let ids = await withTaskGroup(of: [String].self) { group in
            for _ in 0..<4 {
                group.addTask { (0..<10_000).map { _ in (CompactID.make(prefix: "pt") as ID<PointsEntry>).rawValue } }
            }
            var all: [String] = []
            for await batch in group { all += batch }
            return all
        }
        #expect(Set(ids).count == 40_000)
    }

    @Test func theScrambleIsABijectionOnSixtyBits() {
        // Distinct inputs give distinct outputs (checked on a window and on scattered values),
        // and outputs stay within 60 bits.
        var outputs = Set<UInt64>()
        for x in UInt64(0)..<20_000 { outputs.insert(CompactID.scramble(x)) }
        for k in UInt64(0)..<20_000 { outputs.insert(CompactID.scramble((k &* 0x1_0000_0001 &+ (1 << 59)) & ((1 << 60) - 1))) }
        #expect(outputs.count == 40_000)
        #expect(outputs.allSatisfy { $0 < (1 << 60) })
    }

    @Test func postsAndLedgerEntriesUseCompactIDs() throws {
        let f = try Fixture()
        let item = try f.engine.feeds.post(.text("hello", on: .member(Fixture.alice)), by: Fixture.alice)
        #expect(item.id.rawValue.hasPrefix("fi_") && item.id.rawValue.utf8.count == 15)
        let entries = try f.store.snapshot().all(PointsEntry.self)
        #expect(entries.count == 1)
        #expect(entries.allSatisfy { $0.value.id.rawValue.hasPrefix("pt_") && $0.value.id.rawValue.utf8.count == 15 })
    }
}
