import CommunityAccess
import CommunityAnalytics
import CommunityModel
import Foundation
import Testing

@Suite("Report results kept with the access snapshot")
struct ReportMemoTests {
    static let byStatus = ReportDefinition(object: "Case", rowGroupings: [ReportGrouping("Status")], summaries: [.count])
    static let byTier = ReportDefinition(object: "Opportunity", rowGroupings: [ReportGrouping("Account.PartnerTier")], summaries: [.count])

    /// A second internal user who, like the administrator, reads every record.
    static let secondAdmin = User(id: "ada2", kind: .internal, name: "Ada Two", email: "ada2@example.com", profileID: "admin", roleID: "ceo")

    @Test func aRunIsKeptWithTheSnapshotAndAChangeStartsAfresh() throws {
        let f = try ReportFixture()
        let snapshot = f.access.snapshot
        let first = try f.engine.run(Self.byStatus, as: "admin", in: snapshot)
        #expect(snapshot.memoizedCount == 1)
        #expect(try f.engine.run(Self.byStatus, as: "admin", in: snapshot) == first)
        #expect(snapshot.memoizedCount == 1)
        try f.store.write { tx in
            _ = try tx.put(Case(id: "c9", subject: "New one", accountID: "acme", status: "New", priority: .low,
                                createdAt: ReportFixture.now, owner: .user("admin")))
        }
        let later = f.access.snapshot
        #expect(later.memoizedCount == 0)
        let after = try f.engine.run(Self.byStatus, as: "admin", in: later)
        #expect(after.recordCount == first.recordCount + 1)
        #expect(after == (try f.engine.compile(Self.byStatus, for: "admin", in: later).walk(in: later)))
        // The old snapshot still answers as it did.
        #expect(try f.engine.run(Self.byStatus, as: "admin", in: snapshot) == first)
    }

    @Test func usersWhoReadEverythingShareAResultAndOthersGetTheirOwn() throws {
        let f = try ReportFixture(extra: [Self.secondAdmin])
        let snapshot = f.access.snapshot
        let admin = try f.engine.run(Self.byStatus, as: "admin", in: snapshot)
        let second = try f.engine.run(Self.byStatus, as: "ada2", in: snapshot)
        #expect(admin == second)
        #expect(snapshot.memoizedCount == 1)
        let alex = try f.engine.run(Self.byStatus, as: "alex", in: snapshot)
        let bo = try f.engine.run(Self.byStatus, as: "bo", in: snapshot)
        #expect(snapshot.memoizedCount == 3)
        #expect(alex.recordCount < admin.recordCount)
        #expect(alex != bo)
        for (user, kept) in [("alex", alex), ("bo", bo), ("admin", admin)] {
            let id = ID<User>(user)
            #expect(kept == (try f.engine.compile(Self.byStatus, for: id, in: snapshot).walk(in: snapshot)))
        }
    }

    @Test func reportsThatFollowALookupAreKeptPerViewer() throws {
        let f = try ReportFixture(extra: [Self.secondAdmin])
        let snapshot = f.access.snapshot
        _ = try f.engine.run(Self.byTier, as: "admin", in: snapshot)
        _ = try f.engine.run(Self.byTier, as: "ada2", in: snapshot)
        #expect(snapshot.memoizedCount == 2)
    }

    @Test func aDifferentDayOrRowLimitIsADifferentResult() throws {
        let f = try ReportFixture()
        let snapshot = f.access.snapshot
        let recent = ReportDefinition(object: "Case", filter: .condition(ReportCondition("CreatedDate", .equals, ["last 3 days"])), summaries: [.count])
        let today = try f.engine.run(recent, as: "admin", in: snapshot)
        f.clock.set(ReportFixture.now.addingTimeInterval(10 * 86_400))
        let later = try f.engine.run(recent, as: "admin", in: snapshot)
        #expect(today.recordCount == 2)
        #expect(later.recordCount == 0)
        var limited = ReportDefinition(object: "Case", columns: ["Subject"])
        limited.rowLimit = 2
        #expect(try f.engine.run(limited, as: "admin", in: snapshot).rows.count == 2)
        limited.rowLimit = 3
        #expect(try f.engine.run(limited, as: "admin", in: snapshot).rows.count == 3)
    }

    @Test func theMemoKeepsAnswersByKeyAndType() throws {
        let f = try ReportFixture()
        let snapshot = f.access.snapshot
        #expect(snapshot.memoized("answer") { 1 } == 1)
        #expect(snapshot.memoized("answer") { 2 } == 1)
        // Another value type under the same key is computed, not mistaken for the kept one.
        #expect(snapshot.memoized("answer") { "text" } == "text")
        #expect(snapshot.memoized(42) { 3 } == 3)
    }
}
