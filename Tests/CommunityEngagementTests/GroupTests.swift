import CommunityModel
import Foundation
import Testing

@testable import CommunityEngagement

@Suite struct GroupTests {
    typealias F = Fixture

    @Test func privateGroupFeedOnlyForMembers() throws {
        let f = try Fixture()
        let g = try f.engine.groups.create(name: "Beta testers", visibility: .private, by: F.alice)
        let post = try f.engine.feeds.post(.text("secret plans", on: .group(g.id)), by: F.alice)
        #expect(throws: EngagementError.unknownGroup(g.id)) { try f.engine.feeds.feed(.group(g.id), viewer: F.bob) }
        try f.engine.feeds.follow(.member(F.alice), by: F.bob)
        #expect(try f.engine.feeds.home(viewer: F.bob).items.isEmpty)
        #expect(throws: EngagementError.notAllowed(action: "join", subject: "group \(g.id) without approval")) {
            try f.engine.groups.join(g.id, by: F.bob)
        }
        try f.engine.groups.requestToJoin(g.id, by: F.bob)
        #expect(try f.engine.groups.pendingRequests(g.id, viewer: F.alice).map(\.memberID) == [F.bob])
        #expect(throws: (any Error).self) { try f.engine.groups.pendingRequests(g.id, viewer: F.bob) }
        #expect(try f.engine.notifications.list(F.alice).contains { $0.kind == .groupRequest })
        try f.engine.groups.decide(g.id, member: F.bob, approve: true, by: F.alice)
        #expect(try f.engine.feeds.feed(.group(g.id), viewer: F.bob).items.map(\.id) == [post.id])
        #expect(try f.engine.feeds.home(viewer: F.bob).items.map(\.id) == [post.id])  // joined groups are followed
        try f.engine.groups.leave(g.id, by: F.bob)
        #expect(try f.engine.feeds.home(viewer: F.bob).items.isEmpty)
    }

    @Test func publicJoinLimitRolesArchiveAnnouncementsFiles() throws {
        let f = try Fixture()
        let g = try f.engine.groups.create(name: "Open", visibility: .public, memberLimit: 2, by: F.alice)
        try f.engine.groups.join(g.id, by: F.bob)
        #expect(throws: EngagementError.groupFull(g.id, limit: 2)) { try f.engine.groups.join(g.id, by: F.carol) }
        #expect(throws: EngagementError.conflict("\(F.bob) is already a member of \(g.id)")) {
            try f.engine.groups.update(g.id, by: F.alice) { $0.memberLimit = 5 }
            try f.engine.groups.join(g.id, by: F.bob)
        }
        #expect(throws: (any Error).self) { try f.engine.feeds.post(.text("x", on: .group(g.id)), by: F.carol) }  // not a member
        try f.engine.groups.join(g.id, by: F.carol)
        try f.engine.groups.setRole(.manager, for: F.bob, in: g.id, by: F.alice)
        #expect(throws: (any Error).self) { try f.engine.groups.remove(F.alice, from: g.id, by: F.bob) }
        try f.engine.groups.remove(F.carol, from: g.id, by: F.bob)
        #expect(try f.engine.groups.role(of: F.carol, in: g.id) == nil)
        #expect(throws: (any Error).self) { try f.engine.groups.leave(g.id, by: F.alice) }  // owner
        try f.engine.groups.announce("<b>Welcome</b>", in: g.id, until: f.clock.now().addingTimeInterval(3600), by: F.bob)
        #expect(try f.engine.groups.announcement(of: g.id, viewer: F.carol)?.text.html == "<b>Welcome</b>")
        f.clock.advance(by: 7200)
        #expect(try f.engine.groups.announcement(of: g.id, viewer: F.carol) == nil)
        let file = try f.engine.feeds.post(PostDraft(kind: .file, parent: .group(g.id), body: "",
            attachment: FeedItem.Attachment(fileID: "blob1", title: "Guide.pdf", size: 10, contentType: "application/pdf")), by: F.bob)
        _ = try f.engine.feeds.post(.text("chat", on: .group(g.id)), by: F.bob)
        #expect(try f.engine.groups.files(of: g.id, viewer: F.carol).map(\.id) == [file.id])
        try f.engine.groups.archive(g.id, by: F.alice)
        #expect(throws: EngagementError.groupArchived(g.id)) { try f.engine.feeds.post(.text("x", on: .group(g.id)), by: F.bob) }
        #expect(throws: EngagementError.groupArchived(g.id)) { try f.engine.groups.join(g.id, by: F.carol) }
        #expect(try f.engine.feeds.feed(.group(g.id), viewer: F.carol).items.count == 2)  // still readable
        try f.engine.groups.setRole(.owner, for: F.bob, in: g.id, by: F.alice)
        #expect(try f.engine.groups.role(of: F.alice, in: g.id) == .manager)
    }

    @Test func unlistedGroupsAreInvisibleToOutsiders() throws {
        let f = try Fixture()
        let g = try f.engine.groups.create(name: "Hidden", visibility: .unlisted, by: F.alice)
        #expect(!(try f.engine.groups.directory(viewer: F.bob).contains { $0.id == g.id }))
        #expect(throws: EngagementError.unknownGroup(g.id)) { try f.engine.groups.group(g.id, viewer: F.bob) }
        #expect(throws: EngagementError.unknownGroup(g.id)) { try f.engine.groups.requestToJoin(g.id, by: F.bob) }
        try f.engine.groups.add(F.bob, to: g.id, by: F.alice)
        #expect(try f.engine.groups.group(g.id, viewer: F.bob).name == "Hidden")
    }

    @Test func preModerationHoldsMemberPostsUntilApproved() throws {
        let f = try Fixture()
        let g = try f.engine.groups.create(name: "Moderated", visibility: .public, requiresPostApproval: true, by: F.alice)
        try f.engine.groups.join(g.id, by: F.bob)
        let held = try f.engine.feeds.post(.text("please approve", on: .group(g.id)), by: F.bob)
        #expect(held.status == .pendingReview)
        let ownerPost = try f.engine.feeds.post(.text("owner", on: .group(g.id)), by: F.alice)
        #expect(ownerPost.status == .published)
        #expect(try f.engine.feeds.feed(.group(g.id), viewer: F.carol).items.map(\.id) == [ownerPost.id])
        #expect(try f.engine.feeds.feed(.group(g.id), viewer: F.bob).items.count == 2)  // authors see their own
        let queue = try f.engine.moderation.queue(viewer: F.mod)
        #expect(queue.map(\.subject) == [.item(held.id)])
        #expect(queue.first?.sources == [.preModeration(g.id)])
        try f.engine.moderation.approve(queue[0].id, by: F.mod)
        #expect(try f.engine.feeds.feed(.group(g.id), viewer: F.carol).items.count == 2)
    }
}
