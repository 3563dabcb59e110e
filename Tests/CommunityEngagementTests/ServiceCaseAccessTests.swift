import CommunityEngagement
import CommunityModel
import Foundation
import Testing

@Suite("Case visibility through Access")
struct ServiceCaseAccessTests {
    let fixture = ServiceFixture()

    /// Cases stay with the member who raised them (no assignment), so role hierarchy,
    /// super users and sharing sets decide who else sees them.
    func memberOwned() throws -> CaseService { try fixture.cases { $0.defaultOwner = nil } }

    @Test func customersSeeTheirOwnAndSuperUsersTheirAccountsCases() throws {
        let service = try memberOwned()
        let a = try service.submit(CaseDraft(subject: "A's case"), by: "custA")
        let b = try service.submit(CaseDraft(subject: "B's case"), by: "custB")
        let other = try service.submit(CaseDraft(subject: "Initech case"), by: "initUser")
        #expect(a.owner == .user("custA"))
        #expect(try service.visibleCases(viewer: "custA").map(\.id) == [a.id])
        #expect(try service.visibleCases(viewer: "custB").map(\.id) == [b.id])
        // Super user: same role and below on the same account.
        #expect(Set(try service.visibleCases(viewer: "custSuper").map(\.id)) == [a.id, b.id])
        // High-volume user: sharing set on the account.
        #expect(Set(try service.visibleCases(viewer: "hvUser").map(\.id)) == [a.id, b.id])
        // Another account's member sees none of them, and reading one directly is denied.
        #expect(try service.visibleCases(viewer: "initUser").map(\.id) == [other.id])
        #expect(throws: AccessDenied(user: "custB", action: .read, entity: "Case", recordID: a.id.rawValue)) {
            try service.case(a.id, viewer: "custB")
        }
        #expect(throws: AccessDenied.self) { try service.comments(of: a.id, viewer: "initUser") }
        #expect(throws: AccessDenied.self) { try service.history(of: a.id, viewer: "custB") }
        #expect(throws: AccessDenied.self) { try service.addComment(a.id, body: "hi", isPublic: true, by: "initUser") }
    }

    @Test func partnersNeverSeeAnotherPartnersCases() throws {
        let service = try memberOwned()
        let pa = try service.submit(CaseDraft(subject: "Acme portal issue"), by: "paUser1")
        let pb = try service.submit(CaseDraft(subject: "Beta portal issue"), by: "pbUser")
        for viewer: ID<User> in ["pbUser", "pbExec"] {
            #expect(!(try service.visibleCases(viewer: viewer).contains { $0.id == pa.id }))
            #expect(throws: AccessDenied.self) { try service.case(pa.id, viewer: viewer) }
        }
        for viewer: ID<User> in ["paUser2", "paExec", "paMgr", "paSuper", "paUser1"] {
            #expect(!(try service.visibleCases(viewer: viewer).contains { $0.id == pb.id }))
        }
        #expect(try service.visibleCases(viewer: "paExec").map(\.id) == [pa.id])
        #expect(try service.visibleCases(viewer: "paUser2").isEmpty)
    }

    @Test func writesNeedEditAccessAndCreatePermission() throws {
        let service = try fixture.cases()
        let record = try service.submit(CaseDraft(subject: "Queue owned"), by: "custA")
        #expect(throws: AccessDenied.self) { try service.changeStatus(record.id, to: "Working", by: "agent3") }
        #expect(throws: AccessDenied.self) { try service.changeStatus(record.id, to: "Working", by: "custB") }
        #expect(throws: AccessDenied(user: "viewer", action: .create, entity: "Case", recordID: "")) {
            do { try service.submit(CaseDraft(subject: "no"), by: "viewer") } catch var denied as AccessDenied {
                denied.recordID = ""
                throw denied
            }
        }
        #expect(fixture.value(record.id)?.status == "New")
    }
}
