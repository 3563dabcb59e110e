import CommunityTesting
import SharingWorkload
import Testing

@Suite("Workload generator")
struct GeneratorTests {
    @Test func sameScaleAndSeedGiveTheSameWorkload() {
        let a = WorkloadWriter.json(WorkloadGenerator.generate(.tiny, seed: 11))
        let b = WorkloadWriter.json(WorkloadGenerator.generate(.tiny, seed: 11))
        let c = WorkloadWriter.json(WorkloadGenerator.generate(.tiny, seed: 12))
        #expect(a == b)
        #expect(a != c)
    }

    @Test func theSeededRandomSequenceIsFixed() {
        var a = SeededRandom(text: "x")
        var b = SeededRandom(text: "x")
        var c = SeededRandom(text: "y")
        let first = (0..<5).map { _ in a.next() }
        #expect(first == (0..<5).map { _ in b.next() })
        #expect(first != (0..<5).map { _ in c.next() })
        // Text seeds are FNV-1a of the bytes: "" is the FNV offset basis.
        var empty = SeededRandom(text: "")
        var basis = SeededRandom(seed: 0xCBF2_9CE4_8422_2325)
        #expect(empty.next() == basis.next())
    }

    @Test func smallScaleHasTheContractsCountsAndStructure() throws {
        let w = WorkloadGenerator.generate(.small, seed: 1)
        try w.validate()
        #expect(w.users.filter { $0.kind == .internal }.count == 200)
        #expect(w.accounts.filter(\.partner).count == 50)
        #expect(w.users.filter { $0.kind == .partner }.count == 300)
        #expect(w.users.filter { $0.kind == .customer }.count == 500)
        #expect(w.records.count == 10_000)
        #expect(w.checks.count == WorkloadScale.small.checks)
        #expect(w.lists.count == 2 * WorkloadScale.small.listUsers)
        // Every listed kind of rule, share and set is present.
        #expect(w.sharingRules.contains { if case .owner = $0.selector { true } else { false } })
        #expect(w.sharingRules.contains { if case .criteria = $0.selector { true } else { false } })
        #expect(w.manualShares.count == WorkloadScale.small.manualShares)
        #expect(w.sharingSets.allSatisfy { $0.userKinds == [.customer] })
        #expect(w.users.contains { $0.superUser })
        #expect(w.users.filter(\.superUser).allSatisfy { $0.kind == .partner && $0.role != nil })
        // Nested groups.
        #expect(w.groups.contains { $0.members.contains { if case .group = $0 { true } else { false } } })
        // Answers are a mix.
        let allowed = w.checks.filter(\.expected).count
        #expect(allowed > w.checks.count / 10 && allowed < w.checks.count * 9 / 10)
    }

    @Test func partnerRolesHangUnderTheOwnersRoleAndCustomersHaveNone() throws {
        let w = WorkloadGenerator.generate(.tiny, seed: 2)
        let roles = Dictionary(uniqueKeysWithValues: w.roles.map { ($0.id, $0) })
        let users = Dictionary(uniqueKeysWithValues: w.users.map { ($0.id, $0) })
        for account in w.accounts where account.partner {
            let mine = w.roles.filter { $0.account == account.id }
            #expect(mine.count == 3)
            let executive = try #require(mine.first { roles[$0.parent ?? ""]?.kind == .internal })
            #expect(executive.parent == users[account.owner]?.role)
            let manager = try #require(mine.first { $0.parent == executive.id })
            #expect(mine.contains { $0.parent == manager.id })
        }
        #expect(w.users.filter { $0.kind == .customer }.allSatisfy { $0.role == nil && $0.account != nil })
        #expect(w.users.filter { $0.kind == .partner }.allSatisfy { roles[$0.role ?? ""]?.account == $0.account })
    }

    @Test func ownershipIsSkewedButBelowTenThousandPerOwner() {
        let w = WorkloadGenerator.generate(.small, seed: 4)
        var perOwner: [String: Int] = [:]
        for record in w.records { perOwner[record.owner, default: 0] += 1 }
        let counts = perOwner.values.sorted()
        #expect(counts.last! < 10_000)
        #expect(counts.last! > 10 * counts[counts.count / 2])  // Zipf: the top owner has far more than the median
    }

    @Test func quotasRespectTheCapAndTheTotal() {
        let scale = WorkloadScale.large
        #expect(scale.records == 1_000_000 && scale.customerUsers == 60_000 && scale.partnerAccounts == 5_000)
        #expect(WorkloadScale.named("medium") == .medium)
        #expect(WorkloadScale.named("huge") == nil)
    }

    @Test func expectedAnswersComeFromTheReference() {
        let w = WorkloadGenerator.generate(.tiny, seed: 9)
        let r = ReferenceEvaluator(w)
        #expect(w.checks.allSatisfy { r.allows(user: $0.user, record: $0.record, action: $0.action) == $0.expected })
        #expect(w.lists.allSatisfy { r.readableByScan(user: $0.user, object: $0.object).count == $0.expectedCount })
    }
}
