import CommunityModel
import Foundation
import Testing

@Suite("Constructors that take any input without trapping")
struct TrapFreeConstructionTests {
    @Test("ID(sanitizing:) keeps identifier characters, replaces the rest, cuts to 64 and never is empty",
          arguments: ["Partner-Queue 1", "파트너 큐", "", String(repeating: "x", count: 100), "a\u{0}b", "rr.Großhandel"])
    func sanitizedIDs(text: String) {
        let id = ID<Account>(sanitizing: text)
        #expect(ID<Account>.isValid(id.rawValue))
        #expect(id.rawValue.utf8.count <= 64)
    }

    @Test("a valid identifier is kept as it is")
    func validIdentifierUnchanged() {
        #expect(ID<Account>(sanitizing: "acme-1.a:b_c").rawValue == "acme-1.a:b_c")
        #expect(ID<Account>(sanitizing: "rr.Großhandel").rawValue == "rr.Gro_handel")
    }

    @Test("an org-wide default for an object name outside the identifier alphabet does not trap")
    func orgWideDefaultForOddNames() {
        let owd = OrgWideDefault(object: EntityType("Projekt Übersicht"), internalAccess: .private, externalAccess: .private)
        #expect(ID<OrgWideDefault>.isValid(owd.id.rawValue))
    }

    @Test("a day of a date Foundation cannot place falls on 1970-01-01 instead of trapping")
    func dayOfImpossibleDates() {
        let day = Day(Date(timeIntervalSince1970: .nan))
        #expect(day.year >= 1)
        _ = Day(Date(timeIntervalSince1970: 1e300))
        _ = Day(Date(timeIntervalSince1970: -1e300))
    }

    @Test("partner tiers and case priorities order without unwrapping")
    func orderings() {
        #expect(Account.PartnerTier.registered < .platinum)
        #expect(!(Account.PartnerTier.gold < .silver))
    }
}

@Suite("Repeatable identifiers")
struct IdentifierSequenceTests {
    @Test("the same seed gives the same ids; without a sequence ids are random; ids stay valid")
    func repeatable() {
        func draw() -> [String] { (0..<5).map { _ in ID<Account>.generate(prefix: "lead").rawValue } }
        let first = IdentifierSequence.$current.withValue(IdentifierSequence(seed: 7)) { draw() }
        let second = IdentifierSequence.$current.withValue(IdentifierSequence(seed: 7)) { draw() }
        let other = IdentifierSequence.$current.withValue(IdentifierSequence(seed: 8)) { draw() }
        #expect(first == second)
        #expect(first != other)
        #expect(Set(first).count == 5)
        #expect(draw() != draw())
        #expect(first.allSatisfy { ID<Account>.isValid($0) && $0.hasPrefix("lead_") })
    }
}
