import CommunityModel
import Foundation
import Synchronization
import Testing

@testable import CommunityEngagement

@Suite struct NotificationTests {
    typealias F = Fixture

    @Test func inboxReadUnreadAndPublicPosting() throws {
        let f = try Fixture()
        // The Service module posts "case updated" through the public API.
        let n = try #require(try f.engine.notifications.post(to: F.alice, kind: .caseUpdated, title: "Case 42 was updated", link: "case:42"))
        #expect(try f.engine.notifications.unreadCount(F.alice) == 1)
        #expect(throws: (any Error).self) { try f.engine.notifications.markRead(n.id, by: F.bob) }
        try f.engine.notifications.markRead(n.id, by: F.alice)
        #expect(try f.engine.notifications.unreadCount(F.alice) == 0)
        try f.engine.notifications.markRead(n.id, read: false, by: F.alice)
        #expect(try f.engine.notifications.list(F.alice, unreadOnly: true).map(\.id) == [n.id])
        try f.engine.notifications.markAllRead(F.alice)
        #expect(try f.engine.notifications.unreadCount(F.alice) == 0)
        #expect(throws: EngagementError.unknownMember("ghost")) { try f.engine.notifications.post(to: "ghost", kind: .other, title: "x") }
        // caseUpdated is e-mailed immediately by default.
        #expect(f.notifier.sent.withLock { $0.map(\.frequency) } == [.immediate])
    }

    @Test func preferencesMuteAndDigestsBatch() throws {
        let f = try Fixture()
        var prefs = try f.engine.notifications.preferences(of: F.bob)
        prefs.mutedInApp = [.comment]
        prefs.email = [.mention: .daily, .answer: .weekly]
        #expect(throws: (any Error).self) { try f.engine.notifications.setPreferences(prefs, by: F.alice) }
        try f.engine.notifications.setPreferences(prefs, by: F.bob)
        let item = try f.engine.feeds.post(.text("hey @bob", on: .member(F.alice)), by: F.alice)
        _ = try f.engine.feeds.post(.text("again @bob", on: .member(F.alice)), by: F.alice)
        let mine = try f.engine.feeds.post(.text("my post", on: .member(F.bob)), by: F.bob)
        _ = try f.engine.feeds.comment(on: .item(mine.id), body: "muted comment", by: F.alice)
        #expect(try f.engine.notifications.list(F.bob).map(\.kind) == [.mention, .mention])
        _ = item
        let q = try f.engine.questions.ask(title: "Q", body: "b", by: F.bob)
        _ = try f.engine.questions.answer(q.id, body: "a", by: F.carol)
        #expect(try f.engine.notifications.sendDigests(.daily) == 1)
        let daily = f.notifier.sent.withLock { $0 }
        #expect(daily.count == 1 && daily[0].notifications.count == 2 && daily[0].address == "bob@example.com")
        #expect(try f.engine.notifications.sendDigests(.daily) == 0)  // nothing left
        f.notifier.failing.withLock { $0 = [F.bob] }
        #expect(try f.engine.notifications.sendDigests(.weekly) == 0)  // failure keeps them queued
        f.notifier.failing.withLock { $0 = [] }
        #expect(try f.engine.notifications.sendDigests(.weekly) == 1)
        #expect(f.notifier.sent.withLock { $0.last?.notifications.map(\.kind) } == [.answer])
    }

    @Test func mentionsNeverLeakContentTheMemberCannotSee() throws {
        let f = try Fixture()
        let g = try f.engine.groups.create(name: "Private", visibility: .private, by: F.alice)
        _ = try f.engine.feeds.post(.text("secret for @bob", on: .group(g.id)), by: F.alice)
        #expect(try f.engine.notifications.list(F.bob).isEmpty)
        let record = RecordRef(EntityType("Case"), "c9")
        f.access.allow(F.alice, record)
        _ = try f.engine.feeds.post(.text("@carol look", on: .record(record)), by: F.alice)
        #expect(try f.engine.notifications.list(F.carol).isEmpty)
        // Group mentions reach the group's members.
        try f.engine.groups.add(F.carol, to: g.id, by: F.alice)
        _ = try f.engine.feeds.post(.text("hello @[group:\(g.id.rawValue)]", on: .group(g.id)), by: F.alice)
        #expect(try f.engine.notifications.list(F.carol).map(\.title) == ["alice mentioned your group"])
    }
}
