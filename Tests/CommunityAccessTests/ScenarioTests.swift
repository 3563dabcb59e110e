import CommunityAccess
import CommunityModel
import Testing

@Suite("SEMANTICS.md test scenarios")
struct ScenarioTests {
    @Test("1. manager above the case owner has full access")
    func scenario1() {
        let f = Fixture()
        f.put(
            Fixture.profile("std", ["Case": .crud]),
            Fixture.owd("Case", .private, .private),
            Role(id: "mgr", name: "Sales Manager"), Role(id: "rep", name: "Sales Rep", parentID: "mgr"),
            Fixture.user("u1", profile: "std", role: "mgr"), Fixture.user("u2", profile: "std", role: "rep"),
            Fixture.kase("c", owner: "u2"))
        let s = f.snapshot
        #expect(s.access("u1", to: "Case", id: "c") == .all)
        #expect(s.can("u1", .delete, "Case", id: "c"))
        #expect(s.access("u2", to: "Case", id: "c") == .all)
        #expect(s.access("u2", to: "Case", id: "nope") == .none)
    }
}
