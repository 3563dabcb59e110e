import CommunityModel
import CommunityTesting
import Foundation
import Testing

@testable import CommunityEngagement

@Suite struct FeedTests {
    typealias F = Fixture

    @Test func postsAppearInHomeFeedsOfFollowersNewestFirst() throws {
        let f = try Fixture()
        try f.engine.feeds.follow(.member(F.alice), by: F.bob)
        let p1 = try f.engine.feeds.post(.text("first", on: .member(F.alice)), by: F.alice)
        f.clock.advance(by: 1)
        let p2 = try f.engine.feeds.post(.text("<b>second</b><script>x</script>", on: .member(F.alice), topics: ["Swift"]), by: F.alice)
        let home = try f.engine.feeds.home(viewer: F.bob)
        #expect(home.items.map(\.id) == [p2.id, p1.id])
        #expect(p2.body.html == "<b>second</b>")
        #expect(p2.topics == ["swift"])
        #expect(try f.engine.feeds.feed(.topicKey("SWIFT"), viewer: F.carol).items.map(\.id) == [p2.id])
        #expect(try f.engine.feeds.home(viewer: F.carol).items.isEmpty)
        #expect(f.events.all(FeedItemPosted.self).count == 2)
    }

    @Test func recordPostsOnlyForThoseWhoCanReadTheRecord() throws {
        let f = try Fixture()
        let record = RecordRef(EntityType("Case"), "c1")
        f.access.allow(F.alice, record)
        f.access.allow(F.bob, record)
        #expect(throws: EngagementError.notAllowed(action: "post on", subject: record.description)) {
            try f.engine.feeds.post(.text("hi", on: .record(record)), by: F.carol)
        }
        let item = try f.engine.feeds.post(.text("about the case", on: .record(record)), by: F.alice)
        // Carol follows Alice but cannot read the case: she must not see the post anywhere.
        try f.engine.feeds.follow(.member(F.alice), by: F.carol)
        #expect(try f.engine.feeds.home(viewer: F.carol).items.isEmpty)
        #expect(try f.engine.feeds.feed(.member(F.alice), viewer: F.carol).items.isEmpty)
        #expect(throws: EngagementError.notFound(.item(item.id))) { try f.engine.feeds.item(item.id, viewer: F.carol) }
        #expect(throws: (any Error).self) { try f.engine.feeds.feed(.record(record), viewer: F.carol) }
        #expect(try f.engine.feeds.feed(.record(record), viewer: F.bob).items.map(\.id) == [item.id])
        #expect(throws: (any Error).self) { try f.engine.feeds.comment(on: .item(item.id), body: "x", by: F.carol) }
        #expect(throws: (any Error).self) { try f.engine.feeds.like(.item(item.id), by: F.carol) }
    }

    @Test func paginationIsStableUnderConcurrentPosting() throws {
        let f = try Fixture()
        var ids: [ID<FeedItem>] = []
        for i in 0..<25 {
            ids.append(try f.engine.feeds.post(.text("post \(i)", on: .member(F.alice)), by: F.alice).id)
            f.clock.advance(by: 1)
        }
        let first = try f.engine.feeds.home(viewer: F.alice, limit: 10)
        #expect(first.items.map(\.id) == Array(ids.reversed().prefix(10)))
        // New posts arrive between pages.
        for i in 0..<5 { _ = try f.engine.feeds.post(.text("late \(i)", on: .member(F.alice)), by: F.alice) }
        let second = try f.engine.feeds.home(viewer: F.alice, after: first.next, limit: 10)
        #expect(second.items.map(\.id) == Array(ids.reversed().dropFirst(10).prefix(10)))
        let third = try f.engine.feeds.home(viewer: F.alice, after: second.next, limit: 10)
        #expect(third.items.map(\.id) == Array(ids.reversed().dropFirst(20)))
        #expect(third.next == nil)
        #expect(FeedCursor(first.next!.description) == first.next)
        #expect(FeedCursor("garbage") == nil)
    }

    /// Differential: the heap merge equals a plain filter-and-sort over every item.
    @Test func homeFeedMatchesReferenceMerge() throws {
        let f = try Fixture()
        let members = (0..<8).map { ID<User>("m\($0)") }
        for m in members { try f.addMember(m) }
        let record = RecordRef(EntityType("Account"), "a1")
        f.access.allow(members[0], record)
        for m in members.prefix(4) { f.access.allow(m, record) }
        let group = try f.engine.groups.create(name: "Secret", visibility: .private, by: members[1])
        try f.engine.groups.add(members[2], to: group.id, by: members[1])
        var rng = SeededRandom(seed: 7)
        for i in 0..<300 {
            let author = members[Int(rng.next() % 4)]
            let parent: FeedParent
            switch rng.next() % 4 {
            case 0 where f.access.canRead(record, user: author): parent = .record(record)
            case 1 where [members[1], members[2]].contains(author): parent = .group(group.id)
            default: parent = .member(author)
            }
            _ = try f.engine.feeds.post(.text("p\(i)", on: parent, topics: rng.next() % 3 == 0 ? ["t\(rng.next() % 3)"] : []), by: author)
            if rng.next() % 7 == 0 { f.clock.advance(by: 1) }
        }
        for m in members {
            for target in members where rng.next() % 2 == 0 { try f.engine.feeds.follow(.member(target), by: m) }
            if rng.next() % 2 == 0 { try f.engine.feeds.follow(.topicKey("t1"), by: m) }
        }
        let all = try f.store.snapshot().all(FeedItem.self).map(\.value)
        let order = Dictionary(uniqueKeysWithValues: f.engine.index.items.view().count == all.count
            ? (0..<all.count).map { (f.engine.index.items.view()[$0], $0) } : [])
        for viewer in members {
            var keys = f.engine.feeds.following(viewer)
            keys.insert(.member(viewer))
            let expected = all.filter { item in
                !Set(item.feedKeys).isDisjoint(with: keys) && f.engine.canSee(item, viewer: viewer)
                    && (item.parent != .record(record) || f.access.canRead(record, user: viewer))
                    && (item.parent != .group(group.id) || [members[1], members[2]].contains(viewer))
            }.sorted { order[$0.id]! > order[$1.id]! }.map(\.id)
            var got: [ID<FeedItem>] = []
            var cursor: FeedCursor?
            repeat {
                let page = try f.engine.feeds.home(viewer: viewer, after: cursor, limit: 7)
                got += page.items.map(\.id)
                cursor = page.next
            } while cursor != nil
            #expect(got == expected, "viewer \(viewer)")
        }
    }

    @Test func editAndDeleteKeepHistory() throws {
        let f = try Fixture()
        let item = try f.engine.feeds.post(.text("v1", on: .member(F.alice)), by: F.alice)
        #expect(throws: EngagementError.notAllowed(action: "edit", subject: "item \(item.id)")) {
            try f.engine.feeds.edit(item.id, body: "hack", by: F.bob)
        }
        f.clock.advance(by: 5)
        let edited = try f.engine.feeds.edit(item.id, body: "v2", by: F.alice)
        #expect(edited.body.html == "v2" && edited.editedAt == f.clock.now())
        f.clock.advance(by: 5)
        try f.engine.feeds.delete(item.id, by: F.alice)
        #expect(throws: EngagementError.notFound(.item(item.id))) { try f.engine.feeds.item(item.id, viewer: F.bob) }
        #expect(try f.engine.feeds.feed(.member(F.alice), viewer: F.bob).items.isEmpty)
        let history = try f.engine.feeds.history(of: .item(item.id), viewer: F.alice)
        #expect(history.map(\.previousBody) == ["v1", "v2"])
        #expect(history.map(\.change) == [.edited, .deleted])
        #expect(throws: EngagementError.notFound(.item(item.id))) { try f.engine.feeds.history(of: .item(item.id), viewer: F.bob) }
    }

    @Test func commentsLikesMentionsAndPolls() throws {
        let f = try Fixture()
        let item = try f.engine.feeds.post(.text("Hi @bob and @[user:carol] and @nobody, mail x@alice.com", on: .member(F.alice)), by: F.alice)
        #expect(item.mentionedMembers == [F.bob, F.carol])
        #expect(f.events.all(MemberMentioned.self).map(\.memberID) == [F.bob, F.carol])
        #expect(try f.engine.notifications.list(F.bob).first?.kind == .mention)
        let c = try f.engine.feeds.comment(on: .item(item.id), body: "nice", by: F.bob)
        #expect(try f.engine.feeds.item(item.id, viewer: F.bob).commentCount == 1)
        try f.engine.feeds.like(.item(item.id), by: F.bob)
        try f.engine.feeds.like(.item(item.id), by: F.bob)
        try f.engine.feeds.like(.comment(c.id), by: F.alice)
        #expect(try f.engine.feeds.item(item.id, viewer: F.bob).likers == [F.bob])
        #expect(f.events.all(ContentLiked.self).count == 2)
        try f.engine.feeds.unlike(.item(item.id), by: F.bob)
        #expect(try f.engine.feeds.item(item.id, viewer: F.bob).likers.isEmpty)
        _ = try f.engine.feeds.editComment(c.id, body: "very nice", by: F.bob)
        #expect(try f.engine.feeds.comments(on: .item(item.id), viewer: F.carol).map(\.body.html) == ["very nice"])
        try f.engine.feeds.deleteComment(c.id, by: F.bob)
        #expect(try f.engine.feeds.comments(on: .item(item.id), viewer: F.carol).isEmpty)
        #expect(try f.engine.feeds.item(item.id, viewer: F.bob).commentCount == 0)

        let poll = try f.engine.feeds.post(PostDraft(kind: .poll, parent: .member(F.alice), body: "Which?", pollChoices: ["A", "B"]), by: F.alice)
        _ = try f.engine.feeds.vote(inPoll: poll.id, choice: 0, by: F.bob)
        let tally = try f.engine.feeds.vote(inPoll: poll.id, choice: 1, by: F.bob).tally
        #expect(tally == [0, 1])
        #expect(throws: (any Error).self) { try f.engine.feeds.vote(inPoll: poll.id, choice: 5, by: F.bob) }
        #expect(throws: (any Error).self) {
            try f.engine.feeds.post(PostDraft(kind: .poll, parent: .member(F.alice), body: "x", pollChoices: ["A", "A"]), by: F.alice)
        }
        #expect(throws: (any Error).self) {
            try f.engine.feeds.post(PostDraft(kind: .link, parent: .member(F.alice), body: "x", link: "javascript:alert(1)"), by: F.alice)
        }
        let link = try f.engine.feeds.post(PostDraft(kind: .link, parent: .member(F.alice), body: "see", link: "https://swift.org"), by: F.alice)
        #expect(link.link == "https://swift.org")
    }

    @Test func badInputGetsTypedErrors() throws {
        let f = try Fixture()
        #expect(throws: EngagementError.unknownMember("ghost")) { try f.engine.feeds.post(.text("x", on: .member(F.alice)), by: "ghost") }
        #expect(throws: EngagementError.invalid(ValidationError(field: "FeedItem.Body", reason: .required))) {
            try f.engine.feeds.post(.text("<script>only</script>", on: .member(F.alice)), by: F.alice)
        }
        #expect(throws: (any Error).self) {
            try f.engine.feeds.post(.text("x", on: .member(F.alice), topics: (0..<20).map { "t\($0)" }), by: F.alice)
        }
        #expect(try f.store.snapshot().count(FeedItem.self) == 0)
        #expect(throws: (any Error).self) { try f.engine.feeds.follow(.topic("Not Normalised"), by: F.alice) }
    }
}
