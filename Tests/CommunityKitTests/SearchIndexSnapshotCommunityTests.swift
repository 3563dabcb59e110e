import CommunityKit
import Foundation
import Testing

/// `CommunityConfiguration.searchIndexSnapshot`: a restart loads the snapshot, follows the
/// store's feed from its sequence and answers like a community that indexed everything; an
/// unusable snapshot is logged and the whole store indexed instead.
@Suite struct SearchIndexSnapshotCommunityTests {
    static func community(_ store: any Store, snapshot: URL?, logger: any CommunityLogger = SilentLogger()) throws -> Community {
        var configuration = CommunityConfiguration(store: store, clock: ManualClock(), csrfSecret: KitFixture.secret, logger: logger)
        configuration.searchIndexSnapshot = snapshot
        return try Community(configuration)
    }

    @discardableResult
    static func publish(_ community: Community, _ title: String, _ summary: String, locale: String = "en_US") throws -> ID<KnowledgeArticle> {
        let article = try community.knowledge.createArticle(
            locale: locale, content: ArticleContent(title: title, summary: summary), channels: [.public, .partner, .internal], by: "cara")
        try community.knowledge.publish(article.id, locale: locale, by: "cara")
        return article.id
    }

    static func folder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("search-snapshot-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    static let queries = ["webhook", "invoice", "rechnung", "password reset", "deal registration", "retries", "paswort", "export", "anmelden"]

    static func answers(_ community: Community) throws -> [[String]] {
        try queries.map { text in
            try community.searchIndex.search(SearchQuery(text, locale: "en_US", highlight: false), as: .unrestricted).hits.map { "\($0.key)" }
        }
    }

    @Test func aRestartLoadsTheSnapshotCatchesUpOnTheFeedAndAnswersLikeAFullBuild() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("search.snapshot")
        let store = try KitFixture.store()
        let first = try Self.community(store, snapshot: file)
        #expect(first.searchIndexStart == .fullBuild(fallback: nil))
        let archived = try Self.publish(first, "Download an invoice", "Invoices as PDF from the billing page")
        try Self.publish(first, "Reset your password", "Forgot password link on the sign-in page")
        try Self.publish(first, "Rechnung herunterladen", "Rechnungen als PDF", locale: "de_DE")
        _ = try first.engagement.questions.ask(title: "How do I export deal registration data?", body: "<p>CSV please.</p>", topics: [], by: "pat")
        let record = try #require(try first.writeSearchIndexSnapshot())
        #expect(record.documents == (try first.searchIndex.count()))
        #expect(record.sequence == first.searchIndexSequence)
        #expect(record.sequence == store.snapshot().sequence)

        // Changes after the snapshot: the restart must take them from the feed.
        try Self.publish(first, "Webhook retries", "Failed webhook deliveries are retried")
        try first.knowledge.archive(archived, locale: "en_US", by: "cara")
        _ = try first.engagement.questions.ask(title: "Webhook retries stopped", body: "<p>No retries since Monday.</p>", topics: [], by: "bo")

        let restarted = try Self.community(store, snapshot: file)
        guard case .snapshot(let sequence, let documents, _, let caughtUp) = restarted.searchIndexStart else {
            Issue.record("expected a start from the snapshot, got \(restarted.searchIndexStart)")
            return
        }
        #expect(sequence == record.sequence)
        #expect(documents == record.documents)
        #expect(caughtUp >= 3)
        #expect(restarted.searchIndexStartDescription.contains("from the snapshot at change \(sequence)"))
        let full = try Self.community(store, snapshot: nil)
        #expect(try restarted.searchIndex.count() == full.searchIndex.count())
        #expect(try Self.answers(restarted) == Self.answers(full))
        #expect(try restarted.searchIndex.search(SearchQuery("invoice", locale: "en_US"), as: .unrestricted).hits.allSatisfy { !$0.title.contains("Download an invoice") })
        #expect(try restarted.searchIndex.search(SearchQuery("webhook", locale: "en_US"), as: .unrestricted).totalCount == 2)

        // After the catch-up the restarted index follows the store as usual.
        try Self.publish(restarted, "Calendar sync", "Sync deals to your calendar")
        #expect(try restarted.searchIndex.search(SearchQuery("calendar", locale: "en_US"), as: .unrestricted).totalCount == 1)
        #expect(restarted.searchIndexSequence == store.snapshot().sequence)
    }

    @Test func aDamagedSnapshotIsLoggedAndTheWholeStoreIndexed() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("search.snapshot")
        let store = try KitFixture.store()
        let first = try Self.community(store, snapshot: file)
        try Self.publish(first, "Webhook retries", "Failed webhook deliveries are retried")
        _ = try #require(try first.writeSearchIndexSnapshot())
        var bytes = try [UInt8](Data(contentsOf: file))
        bytes[bytes.count / 2] ^= 0xFF
        try Data(bytes).write(to: file)

        let logger = RecordingLogger()
        let restarted = try Self.community(store, snapshot: file, logger: logger)
        #expect(restarted.searchIndexStart == .fullBuild(fallback: .checksumMismatch))
        #expect(logger.events(named: .searchSnapshotUnusable).count == 1)
        #expect(try Self.answers(restarted) == Self.answers(try Self.community(store, snapshot: nil)))
        #expect(try restarted.searchIndex.search(SearchQuery("webhook", locale: "en_US"), as: .unrestricted).totalCount == 1)
    }

    @Test func aSnapshotOfAnotherStoreIsRefusedAndItsDocumentsDropped() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("search.snapshot")
        let busy = try Self.community(try KitFixture.store(), snapshot: file)
        for n in 0..<4 { try Self.publish(busy, "Webhook guide \(n)", "Webhooks") }
        _ = try #require(try busy.writeSearchIndexSnapshot())

        let other = try Self.community(try KitFixture.store(), snapshot: file)
        guard case .fullBuild(let fallback?) = other.searchIndexStart, case .aheadOfStore = fallback else {
            Issue.record("expected aheadOfStore, got \(other.searchIndexStart)")
            return
        }
        #expect(try other.searchIndex.search(SearchQuery("webhook", locale: "en_US"), as: .unrestricted).totalCount == 0)
    }

    @Test func withoutASnapshotFileNothingIsWritten() throws {
        let community = try Self.community(try KitFixture.store(), snapshot: nil)
        #expect(try community.writeSearchIndexSnapshot() == nil)
        #expect(community.searchIndexSnapshotFile == nil)
    }
}
