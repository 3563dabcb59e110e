import CommunityContent
import CommunityModel
import Foundation
import Testing

@testable import CommunityEngagement

/// Questions, ideas and feed posts follow the store into the search index, with their topics
/// resolved to Content's topics and exact visibility.
@Suite struct EngagementSearchIndexerTests {
    struct Setup {
        let f: Fixture
        let index = MemorySearchIndex()
        let indexer: EngagementSearchIndexer

        init() throws {
            f = try Fixture()
            indexer = try EngagementSearchIndexer(store: f.store, index: index)
        }

        func topic(_ name: String) throws -> Topic {
            let topic = Topic(id: ID.generate(prefix: "tp"), name: name, createdAt: f.clock.now())
            try f.store.write { tx in try tx.put(topic) }
            return topic
        }

        func viewer(_ user: ID<User>) throws -> SearchViewer { SearchViewer(keys: try f.engine.searchKeys(for: user)) }

        func keys(_ query: SearchQuery, as viewer: SearchViewer) throws -> [String] {
            try index.search(query, as: viewer).hits.map(\.key.description).sorted()
        }
    }

    @Test func questionsCarryTheTopicsTheirNamesMean() throws {
        let s = try Setup()
        let deals = try s.topic("Deals")
        let q = try s.f.engine.questions.ask(title: "Deal approval time?", body: "<p>How long?</p>", topics: ["DEALS", "licensing"], by: Fixture.alice)
        #expect(try s.index.document(SearchDocumentKey(type: .question, id: q.id.rawValue))?.topics == [deals.id.rawValue])
        #expect(try s.keys(SearchQuery("", topics: [deals.id.rawValue]), as: .anonymous) == ["question:\(q.id)"])
        // A topic created later picks up the questions already tagged with its name.
        let licensing = try s.topic("Licensing")
        #expect(try s.keys(SearchQuery("", topics: [licensing.id.rawValue]), as: .anonymous) == ["question:\(q.id)"])
        #expect(s.indexer.errors.isEmpty)
    }

    @Test func groupQuestionsPendingPostsAndRecordPostsAreFoundOnlyByWhoMaySeeThem() throws {
        let s = try Setup()
        let group = try s.f.engine.groups.create(name: "Insiders", visibility: .private, by: Fixture.carol)
        let inGroup = try s.f.engine.questions.ask(title: "Insider pricing question", body: "<p>x</p>", in: group.id, by: Fixture.carol)
        let open = try s.f.engine.questions.ask(title: "Open pricing question", body: "<p>y</p>", by: Fixture.alice)
        let post = try s.f.engine.feeds.post(.text("Pricing thoughts for everyone's <b>team</b>", on: .member(Fixture.bob)), by: Fixture.bob)
        #expect(try s.index.document(SearchDocumentKey(type: .discussion, id: post.id.rawValue))?.title == "Pricing thoughts for everyone's team")
        let account = RecordRef(EntityType("Account"), "acc1")
        s.f.access.allow(Fixture.carol, account)
        let record = try s.f.engine.feeds.post(.text("Pricing note on an account", on: .record(account)), by: Fixture.carol)

        let query = SearchQuery("pricing")
        #expect(try s.keys(query, as: .anonymous) == ["question:\(open.id)"])
        #expect(Set(try s.keys(query, as: s.viewer(Fixture.alice))) == ["discussion:\(post.id)", "question:\(open.id)"])
        #expect(Set(try s.keys(query, as: s.viewer(Fixture.carol))) == ["discussion:\(post.id)", "discussion:\(record.id)", "question:\(inGroup.id)", "question:\(open.id)"])
        #expect(try s.index.search(query, as: s.viewer(Fixture.bob)).totalCount == 2, "counts leave out what bob may not see")

        // Removing the post removes its document.
        try s.f.engine.feeds.delete(post.id, by: Fixture.bob)
        #expect(try s.keys(query, as: s.viewer(Fixture.alice)) == ["question:\(open.id)"])
    }

    @Test func ideasAreIndexedForMembersWithAssignedTopics() throws {
        let s = try Setup()
        let zone = try s.f.engine.ideas.createZone(name: "Portal", categories: ["Portal"], by: Fixture.mod)
        let idea = try s.f.engine.ideas.submit(to: zone.id, title: "Bulk upload", body: "<p>CSV please</p>", by: Fixture.alice)
        let uploads = try s.topic("Uploads")
        try s.f.store.write { tx in
            try tx.put(TopicAssignment(topicID: uploads.id, target: TopicTarget(type: .idea, id: idea.id.rawValue), assignedBy: Fixture.mod, assignedAt: s.f.clock.now()))
        }
        #expect(try s.keys(SearchQuery("bulk upload"), as: s.viewer(Fixture.bob)) == ["idea:\(idea.id)"])
        #expect(try s.keys(SearchQuery("bulk upload"), as: .anonymous).isEmpty)
        #expect(try s.keys(SearchQuery("", topics: [uploads.id.rawValue]), as: s.viewer(Fixture.bob)) == ["idea:\(idea.id)"])
        #expect(try s.f.engine.searchKeys(for: "nobody").isEmpty)
    }

    @Test func aSitesContentNeedsThatSiteOrAnySiteAndContentOfNoSiteIsEverywhere() throws {
        let s = try Setup()
        let help = try s.f.engine.questions.ask(title: "Invoice export question", body: "<p>x</p>", site: "help", by: Fixture.alice)
        let shared = try s.f.engine.questions.ask(title: "Invoice shared question", body: "<p>y</p>", by: Fixture.alice)
        let visibility = try #require(try s.index.document(SearchDocumentKey(type: .question, id: help.id.rawValue))?.visibility)
        #expect(visibility.clauses.contains([SearchAccessKey.site("help"), SearchAccessKey.anySite]))
        #expect(try s.index.document(SearchDocumentKey(type: .question, id: shared.id.rawValue))?.visibility == .everyone)
        func on(_ keys: Set<String>) -> SearchViewer { SearchViewer(keys: keys) }
        let query = SearchQuery("invoice")
        #expect(Set(try s.keys(query, as: on([SearchAccessKey.site("help")]))) == ["question:\(help.id)", "question:\(shared.id)"])
        #expect(try s.keys(query, as: on([SearchAccessKey.site("partners")])) == ["question:\(shared.id)"])
        #expect(Set(try s.keys(query, as: on([SearchAccessKey.anySite]))) == ["question:\(help.id)", "question:\(shared.id)"])
        #expect(try s.keys(query, as: .anonymous) == ["question:\(shared.id)"], "a site's question needs a site key")
        // A members-only post of a site needs both its audience and the site.
        var alice = try s.viewer(Fixture.alice)
        var draft = PostDraft.text("Invoice tips for members", on: .member(Fixture.alice))
        draft.site = "help"
        let post = try s.f.engine.feeds.post(draft, by: Fixture.alice)
        #expect(!(try s.keys(query, as: alice)).contains("discussion:\(post.id)"))
        alice.keys.insert(SearchAccessKey.site("help"))
        #expect(try s.keys(query, as: alice).contains("discussion:\(post.id)"))
        #expect(s.indexer.errors.isEmpty)
    }
}
