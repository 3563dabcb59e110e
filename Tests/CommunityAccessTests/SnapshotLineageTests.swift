import CommunityAccess
import CommunityModel
import Testing

/// Each published snapshot knows what changed since an earlier one of the same engine
/// (``AccessSnapshot/carriedAnswer(_:as:maximumChanges:)``): the records, before and after, and
/// whether the changes could have altered who reads what.
@Suite("Snapshot lineage: changes between snapshots and carried answers")
struct SnapshotLineageTests {
    static func org() -> Fixture {
        let f = Fixture()
        f.put(
            Fixture.profile("std", ["Case": [.read, .create, .edit]]),
            Fixture.owd("Case", .private, .private),
            Fixture.user("u1", profile: "std"), Fixture.user("u2", profile: "std"),
            Fixture.kase("c1", owner: "u1"), Fixture.kase("c2", owner: "u1"), Fixture.kase("c3", owner: "u2"))
        return f
    }

    /// The changes since the snapshot `answer` was carried on, as the current snapshot sees them.
    static func changes(_ f: Fixture, limit: Int = 100) -> SnapshotChanges? {
        f.snapshot.carriedAnswer("answer", as: Int.self, maximumChanges: limit)?.changes
    }

    @Test func aFieldUpdateIsListedBeforeAndAfterAndIsSharingNeutral() throws {
        let f = Self.org()
        f.snapshot.carry(1, for: "answer")
        #expect(Self.changes(f)?.records.isEmpty == true)
        f.put(Fixture.kase("c1", owner: "u1", status: "Closed"))
        f.put(Fixture.kase("c1", owner: "u1", status: "Escalated"))
        let changes = try #require(Self.changes(f))
        #expect(changes.sharingNeutral)
        #expect(changes.records.count == 1)
        let change = try #require(changes.records.first)
        #expect(change.object == "Case")
        #expect(change.before?.value(of: "Status") == .picklist("New") || change.before?.value(of: "Status") == .text("New"))
        #expect(change.after?.value(of: "Status") == .picklist("Escalated") || change.after?.value(of: "Status") == .text("Escalated"))
        #expect(change.handle == f.snapshot.handle(for: "Case", id: "c1"))
    }

    @Test(arguments: ["owner", "insert", "delete", "share", "user"])
    func changesThatCanAlterAccessAreNotNeutral(kind: String) throws {
        let f = Self.org()
        f.snapshot.carry(1, for: "answer")
        switch kind {
        case "owner": f.put(Fixture.kase("c1", owner: "u2"))
        case "insert": f.put(Fixture.kase("c9", owner: "u2"))
        case "delete": f.delete(ID<Case>("c3"))
        case "share": f.put(RecordShare(id: "s1", object: "Case", recordID: "c3", sharedWith: .user("u1"), accessLevel: .read))
        default: f.put(Fixture.user("u3", profile: "std"))
        }
        let changes = try #require(Self.changes(f))
        #expect(!changes.sharingNeutral)
        switch kind {
        case "insert": #expect(changes.records.first?.before == nil && changes.records.first?.after != nil)
        case "delete": #expect(changes.records.first?.before != nil && changes.records.first?.after == nil)
        case "owner": #expect(changes.records.count == 1)
        default: #expect(changes.records.isEmpty)
        }
    }

    @Test func visibilityFollowsTheListing() throws {
        let f = Self.org()
        let snapshot = f.snapshot
        for id in ["c1", "c2", "c3"] {
            let handle = try #require(snapshot.handle(for: "Case", id: id))
            var listed = false
            snapshot.forEachVisibleHandle(of: "u1", object: "Case") { h, _ in
                if h == handle { listed = true }
                return true
            }
            #expect(snapshot.isVisible(handle, to: "u1") == listed)
        }
        #expect(snapshot.isVisible(try #require(snapshot.handle(for: "Case", id: "c3")), to: "u1") == false)
    }

    @Test func anAnswerFromALaterSnapshotOrPastTheLimitIsNotCarriedBack() throws {
        let f = Self.org()
        let early = f.snapshot
        f.put(Fixture.kase("c1", owner: "u1", status: "Closed"), Fixture.kase("c2", owner: "u1", status: "Closed"))
        f.snapshot.carry(2, for: "answer")
        // The earlier snapshot cannot be patched from a later answer, and keeps none of its own.
        #expect(early.carriedAnswer("answer", as: Int.self, maximumChanges: 100) == nil)
        early.carry(1, for: "answer")
        #expect(f.snapshot.carriedAnswer("answer", as: Int.self, maximumChanges: 100)?.value == 2)
        f.put(Fixture.kase("c3", owner: "u2", status: "Closed"), Fixture.kase("c2", owner: "u1", status: "Working"))
        #expect(Self.changes(f, limit: 1) == nil)
        #expect(Self.changes(f, limit: 2)?.records.count == 2)
    }
}
