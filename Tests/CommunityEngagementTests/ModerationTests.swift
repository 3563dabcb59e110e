import CommunityModel
import Foundation
import Testing

@testable import CommunityEngagement

@Suite struct ModerationTests {
    typealias F = Fixture

    func rules(_ f: Fixture) throws {
        try f.engine.moderation.save(ModerationRule(id: "mask", name: "Mask", keywords: [Keyword("darn"), Keyword("바보")], action: .mask), by: F.mod)
        try f.engine.moderation.save(ModerationRule(id: "flag", name: "Flag", keywords: [Keyword("refund")], action: .flag), by: F.mod)
        try f.engine.moderation.save(ModerationRule(id: "block", name: "Block", keywords: [Keyword("Idiot", matching: .compound)], action: .block), by: F.mod)
        try f.engine.moderation.save(ModerationRule(id: "freeze", name: "Freeze", keywords: [Keyword("buy followers")], action: .freeze), by: F.mod)
    }

    @Test func onlyModeratorsManageRules() throws {
        let f = try Fixture()
        #expect(throws: EngagementError.notAllowed(action: "moderate", subject: "the community")) {
            try f.engine.moderation.save(ModerationRule(id: "x", name: "x", keywords: [Keyword("x")], action: .mask), by: F.alice)
        }
        #expect(throws: (any Error).self) {
            try f.engine.moderation.save(ModerationRule(id: "x", name: "x", keywords: [], action: .mask), by: F.mod)
        }
        #expect(throws: (any Error).self) { try f.engine.moderation.queue(viewer: F.alice) }
    }

    @Test func maskRuleMasksPostsCommentsAndKoreanWithParticles() throws {
        let f = try Fixture()
        try rules(f)
        let item = try f.engine.feeds.post(.text("<p>Oh darn, <b>DARN</b></p>", on: .member(F.alice)), by: F.alice)
        #expect(item.body.html == "<p>Oh ****, <b>****</b></p>")
        let ko = try f.engine.feeds.comment(on: .item(item.id), body: "너는 바보야, 바보에서 나와", by: F.kim)
        #expect(ko.body.html == "너는 **야, **에서 나와")
        #expect(try f.engine.moderation.auditLog(from: .distantPast, to: .distantFuture, viewer: F.mod).contains { $0.action == .masked })
    }

    @Test func blockRuleRefusesAndWritesNothingButTheAudit() throws {
        let f = try Fixture()
        try rules(f)
        #expect(throws: EngagementError.blocked(rule: "block", keywords: ["Vollidiot"])) {
            try f.engine.feeds.post(.text("Du Vollidiot", on: .member(F.alice)), by: F.alice)
        }
        #expect(try f.store.snapshot().count(FeedItem.self) == 0)
        let zone = try f.engine.ideas.createZone(name: "Z", categories: [], by: F.mod)
        #expect(throws: (any Error).self) { try f.engine.ideas.submit(to: zone.id, title: "IDIOTEN-Feature", body: "x", by: F.alice) }
        #expect(throws: (any Error).self) { try f.engine.questions.ask(title: "idiot question", body: "x", by: F.alice) }
        // Nothing half-written: neither the question nor its feed item exists.
        #expect(try f.store.snapshot().count(Question.self) == 0 && f.store.snapshot().count(FeedItem.self) == 0)
        let audit = try f.engine.moderation.auditLog(from: .distantPast, to: .distantFuture, viewer: F.mod)
        #expect(audit.filter { $0.action == .blocked }.count == 3)
        #expect(f.events.all(ContentBlocked.self).count == 3)
        // File titles and member names are screened too.
        #expect(throws: (any Error).self) {
            try f.engine.feeds.post(PostDraft(kind: .file, parent: .member(F.alice), body: "",
                attachment: FeedItem.Attachment(fileID: "b", title: "idiot.pdf", size: 1, contentType: "application/pdf")), by: F.alice)
        }
        #expect(throws: EngagementError.blocked(rule: "block", keywords: ["Idiot"])) {
            try f.engine.moderation.screenMemberName("Idiot King", memberKind: .customer)
        }
        #expect(try f.engine.moderation.screenMemberName("darn dan", memberKind: .customer) == "**** dan")
    }

    @Test func flagRuleHoldsContentForReview() throws {
        let f = try Fixture()
        try rules(f)
        let item = try f.engine.feeds.post(.text("I want a refund", on: .member(F.alice)), by: F.alice)
        #expect(item.status == .pendingReview)
        #expect(try f.engine.feeds.feed(.member(F.alice), viewer: F.bob).items.isEmpty)
        #expect(try f.engine.feeds.feed(.member(F.alice), viewer: F.alice).items.count == 1)
        let queue = try f.engine.moderation.queue(viewer: F.mod)
        #expect(queue.first?.sources == [.keywordRule("flag")])
        try f.engine.moderation.edit(queue[0].id, body: "I would like my money back", by: F.mod)
        let shown = try f.engine.feeds.item(item.id, viewer: F.bob)
        #expect(shown.body.html == "I would like my money back" && shown.status == .published)
        #expect(try f.engine.feeds.history(of: .item(item.id), viewer: F.mod).map(\.change) == [.moderated])
        #expect(throws: (any Error).self) { try f.engine.moderation.approve(queue[0].id, by: F.mod) }  // already decided
        #expect(try f.engine.notifications.list(F.alice).contains { $0.kind == .moderation })
    }

    @Test func freezeRuleRefusesAndFreezesTheMember() throws {
        let f = try Fixture()
        try rules(f)
        #expect(throws: EngagementError.memberFrozen(F.bob)) {
            try f.engine.feeds.post(.text("Buy followers cheap!", on: .member(F.bob)), by: F.bob)
        }
        #expect(try f.engine.moderation.standing(of: F.bob)?.isFrozen == true)
        #expect(throws: EngagementError.memberFrozen(F.bob)) { try f.engine.feeds.post(.text("hello", on: .member(F.bob)), by: F.bob) }
        try f.engine.moderation.unfreeze(F.bob, by: F.mod)
        _ = try f.engine.feeds.post(.text("hello", on: .member(F.bob)), by: F.bob)
        let actions = try f.engine.moderation.auditLog(from: .distantPast, to: .distantFuture, viewer: F.mod).map(\.action)
        #expect(actions.contains(.frozen) && actions.contains(.unfrozen) && actions.contains(.blocked))
    }

    @Test func rulesApplyByMemberKindAndContentKind() throws {
        let f = try Fixture()
        try f.engine.moderation.save(ModerationRule(id: "cust", name: "Customers", keywords: [Keyword("competitor")], action: .block,
            contentKinds: [.comment], memberKinds: [.customer]), by: F.mod)
        let item = try f.engine.feeds.post(.text("competitor is fine in posts", on: .member(F.alice)), by: F.alice)
        #expect(throws: (any Error).self) { try f.engine.feeds.comment(on: .item(item.id), body: "competitor", by: F.alice) }
        _ = try f.engine.feeds.comment(on: .item(item.id), body: "competitor", by: F.bob)  // partner: allowed
    }

    @Test func rateLimitsNotifyOrFreeze() throws {
        let f = try Fixture()
        try f.engine.moderation.save(RateLimitRule(id: "cust", name: "Customers", memberKinds: [.customer], maxItems: 3, windowMinutes: 10, action: .freeze), by: F.mod)
        try f.engine.moderation.save(RateLimitRule(id: "part", name: "Partners", memberKinds: [.partner], maxItems: 2, windowMinutes: 10, action: .notify), by: F.mod)
        for i in 0..<3 { _ = try f.engine.feeds.post(.text("p\(i)", on: .member(F.alice)), by: F.alice) }
        #expect(throws: EngagementError.memberFrozen(F.alice)) { try f.engine.feeds.post(.text("p4", on: .member(F.alice)), by: F.alice) }
        #expect(try f.engine.moderation.standing(of: F.alice)?.isFrozen == true)
        // Outside the window the partner is fine; within it the third item is queued but published.
        _ = try f.engine.feeds.post(.text("a", on: .member(F.bob)), by: F.bob)
        f.clock.advance(by: 11 * 60)
        _ = try f.engine.feeds.post(.text("b", on: .member(F.bob)), by: F.bob)
        _ = try f.engine.feeds.post(.text("c", on: .member(F.bob)), by: F.bob)
        #expect(f.events.all(RateLimitExceeded.self).map(\.ruleID) == ["cust"])
        let third = try f.engine.feeds.post(.text("d", on: .member(F.bob)), by: F.bob)
        #expect(third.status == .published)
        #expect(f.events.all(RateLimitExceeded.self).map(\.ruleID) == ["cust", "part"])
        #expect(try f.engine.moderation.queue(viewer: F.mod).contains { $0.subject == .item(third.id) && $0.sources == [.rateLimit("part")] })
        // Internal members are not limited by these rules.
        for i in 0..<6 { _ = try f.engine.feeds.post(.text("i\(i)", on: .member(F.carol)), by: F.carol) }
    }

    @Test func membersFlagContentModeratorsRemove() throws {
        let f = try Fixture()
        let item = try f.engine.feeds.post(.text("spammy", on: .member(F.alice)), by: F.alice)
        try f.engine.moderation.flag(.item(item.id), reason: "spam", by: F.bob)
        try f.engine.moderation.flag(.item(item.id), reason: "spam again", by: F.bob)  // once per member
        try f.engine.moderation.flag(.item(item.id), reason: "rude", by: F.carol)
        let queue = try f.engine.moderation.queue(viewer: F.mod)
        #expect(queue.count == 1 && queue[0].flags.map(\.reporterID) == [F.bob, F.carol])
        #expect(try f.engine.feeds.item(item.id, viewer: F.bob).status == .published)  // flags do not hide
        try f.engine.moderation.remove(queue[0].id, reason: "spam", by: F.mod)
        #expect(throws: EngagementError.notFound(.item(item.id))) { try f.engine.feeds.item(item.id, viewer: F.bob) }
        #expect(throws: EngagementError.notFound(.item(item.id))) { try f.engine.moderation.flag(.item(item.id), reason: "x", by: F.carol) }
        #expect(try f.engine.moderation.queue(viewer: F.mod).isEmpty)
        // Flagging content one cannot see is refused.
        let g = try f.engine.groups.create(name: "Private", visibility: .private, by: F.alice)
        let hidden = try f.engine.feeds.post(.text("inside", on: .group(g.id)), by: F.alice)
        #expect(throws: EngagementError.notFound(.item(hidden.id))) { try f.engine.moderation.flag(.item(hidden.id), reason: "x", by: F.bob) }
        let audit = try f.engine.moderation.auditLog(from: .distantPast, to: .distantFuture, viewer: F.mod).map(\.action)
        #expect(audit.filter { $0 == .flagged }.count == 2 && audit.contains(.removed))
    }

    @Test func suspensionEndsByItself() throws {
        let f = try Fixture()
        let until = f.clock.now().addingTimeInterval(3600)
        #expect(throws: (any Error).self) { try f.engine.moderation.suspend(F.bob, until: until, reason: "cool off", by: F.alice) }
        try f.engine.moderation.suspend(F.bob, until: until, reason: "cool off", by: F.mod)
        #expect(throws: EngagementError.memberSuspended(F.bob, until: until)) {
            try f.engine.feeds.post(.text("x", on: .member(F.bob)), by: F.bob)
        }
        f.clock.advance(by: 3601)
        _ = try f.engine.feeds.post(.text("back", on: .member(F.bob)), by: F.bob)
        #expect(f.events.all(MemberStandingChanged.self).count == 1)
    }
}
