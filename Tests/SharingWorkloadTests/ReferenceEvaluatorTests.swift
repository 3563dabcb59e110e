import SharingWorkload
import Testing

@Suite("Reference evaluator on hand-built cases")
struct ReferenceEvaluatorTests {
    private func evaluator(_ w: Workload = HandBuilt.workload()) throws -> ReferenceEvaluator {
        try w.validate()
        return ReferenceEvaluator(w)
    }

    @Test func ownerHasEdit() throws {
        let r = try evaluator()
        #expect(r.access(user: "rep", record: "o1") == .edit)
        #expect(r.allows(user: "rep", record: "o1", action: .edit))
    }

    @Test func orgWideDefaultsDependOnUserKind() throws {
        let r = try evaluator()
        // Cases: internal read, external private.
        #expect(r.access(user: "peer", record: "c1") == .read)
        #expect(!r.allows(user: "peer", record: "c1", action: .edit))
        #expect(r.access(user: "pu", record: "c1") == .none)
        // Opportunities: private for everyone.
        #expect(r.access(user: "peer", record: "o1") == .none)
    }

    @Test func hierarchyGivesManagersTheirSubordinatesRecords() throws {
        let r = try evaluator()
        #expect(r.access(user: "vp", record: "o1") == .edit)
        #expect(r.access(user: "ceo", record: "o1") == .edit)
        // Same role, sibling role: nothing.
        #expect(r.access(user: "repMate", record: "o1") == .none)
        #expect(r.access(user: "peer", record: "o1") == .none)
        // Partner roles sit under the account owner's role: vp sees the partner's deals.
        #expect(r.access(user: "vp", record: "o2") == .edit)
        #expect(r.access(user: "rep", record: "o2") == .none)
    }

    @Test func hierarchyPropagatesFromUsersNotRoles() throws {
        // A rule to an empty role passes nothing up; a rule to a role with a user does.
        let toEmpty = SharingRuleSpec(
            id: "e", object: .opportunity, selector: .criteria(field: .account, equals: "aP"), to: .role("empty"), access: .edit)
        var r = try evaluator(HandBuilt.workload(rules: [toEmpty]))
        #expect(r.access(user: "lead", record: "o3") == .none)
        let toTeam = SharingRuleSpec(
            id: "t", object: .opportunity, selector: .criteria(field: .account, equals: "aP"), to: .role("team"), access: .edit)
        r = try evaluator(HandBuilt.workload(rules: [toTeam]))
        #expect(r.access(user: "member", record: "o3") == .edit)
        #expect(r.access(user: "lead", record: "o3") == .edit)
        #expect(r.access(user: "rep", record: "o3") == .none)
    }

    @Test func whatPropagatesIsTheGrantBeforeTheSubordinatesCap() throws {
        // pu2 owns c2 but its profile caps it at read; px above still gets edit.
        let r = try evaluator()
        #expect(r.grant(user: "pu2", record: "c2") == .edit)
        #expect(r.access(user: "pu2", record: "c2") == .read)
        #expect(r.access(user: "px", record: "c2") == .edit)
    }

    @Test func ownerAndCriteriaRules() throws {
        let ownerRule = SharingRuleSpec(
            id: "o", object: .opportunity, selector: .owner(from: .role("rep")), to: .role("rep2"), access: .read)
        let criteria = SharingRuleSpec(
            id: "c", object: .opportunity, selector: .criteria(field: .account, equals: "aP"),
            to: .roleAndSubordinates("rep2"), access: .edit)
        let r = try evaluator(HandBuilt.workload(rules: [ownerRule, criteria]))
        #expect(r.access(user: "peer", record: "o1") == .read)
        #expect(!r.allows(user: "peer", record: "o1", action: .edit))
        #expect(r.access(user: "peer", record: "o3") == .edit)
        // The rule is for opportunities only, and only o3 has account aP.
        #expect(r.access(user: "peer", record: "o2") == .none)
    }

    @Test func sharingSetsMatchAccountsAndDoNotPropagate() throws {
        let r = try evaluator(HandBuilt.workload(sets: HandBuilt.customerSets))
        #expect(r.access(user: "cust", record: "c1") == .edit)
        #expect(r.access(user: "cust", record: "c2") == .none)
        // Opportunity set gives read, but the Customer profile has no opportunity access.
        #expect(r.grant(user: "cust", record: "o1") == .read)
        #expect(r.access(user: "cust", record: "o1") == .none)
        #expect(r.access(user: "custPlus", record: "o1") == .read)
        // A sharing set for partner users does not reach their managers.
        let partnerSet = SharingSetSpec(object: .opportunity, userKinds: [.partner], userField: .account, recordField: .account, access: .read)
        let p = try evaluator(HandBuilt.workload(sets: [partnerSet]))
        #expect(p.access(user: "pu", record: "o3") == .read)
        #expect(p.access(user: "rep", record: "o3") == .none)
        #expect(p.access(user: "peer", record: "o3") == .none)
    }

    @Test func manualSharesToUsersAndGroupsWithHierarchy() throws {
        let group = WorkloadGroup(id: "g", members: [.user("peer")])
        let outer = WorkloadGroup(id: "outer", members: [.group("g")])
        let shares = [
            ManualShareSpec(record: "o1", to: .group("outer"), access: .read),
            ManualShareSpec(record: "o3", to: .user("repMate"), access: .edit),
        ]
        let r = try evaluator(HandBuilt.workload(shares: shares, groups: [group, outer]))
        #expect(r.access(user: "peer", record: "o1") == .read)
        #expect(r.access(user: "repMate", record: "o3") == .edit)
        #expect(r.access(user: "rep", record: "o3") == .none)
        #expect(r.access(user: "vp", record: "o3") == .edit)
    }

    @Test func partnerSuperUsersEditRecordsOfTheirAccountAtOrBelowTheirRole() throws {
        let r = try evaluator()
        #expect(r.access(user: "pm", record: "o2") == .edit)  // pu is below pm
        #expect(r.access(user: "pm", record: "c2") == .edit)  // pu2 is below pm
        #expect(r.access(user: "pm", record: "o3") == .none)  // px is above pm
        #expect(r.access(user: "pu", record: "o2") == .edit)  // owner
        #expect(r.access(user: "pu", record: "c2") == .none)  // a peer, not a super user
    }

    @Test func profileCapWithViewAllAndModifyAll() throws {
        let r = try evaluator()
        #expect(r.access(user: "viewer", record: "o1") == .read)
        #expect(!r.allows(user: "viewer", record: "o1", action: .edit))
        #expect(r.access(user: "viewer", record: "c1") == .none)
        #expect(r.access(user: "admin", record: "o1") == .edit)
        #expect(r.access(user: "admin", record: "c2") == .edit)
    }

    @Test func listingsEqualOneCheckPerRecord() throws {
        let group = WorkloadGroup(id: "g", members: [.roleAndSubordinates("px"), .user("peer")])
        let w = HandBuilt.workload(
            rules: [
                SharingRuleSpec(id: "a", object: .case, selector: .owner(from: .group("g")), to: .role("rep"), access: .read),
                SharingRuleSpec(id: "b", object: .opportunity, selector: .criteria(field: .region, equals: "NA"), to: .group("g"), access: .read),
            ],
            sets: HandBuilt.customerSets, shares: [ManualShareSpec(record: "c1", to: .group("g"), access: .edit)], groups: [group])
        let r = try evaluator(w)
        for user in w.users {
            for object in WorkloadObject.allCases {
                #expect(r.readable(user: user.id, object: object) == r.readableByScan(user: user.id, object: object), "\(user.id) \(object)")
            }
        }
        #expect(r.readable(user: "vp", object: .opportunity) == ["o1", "o2", "o3"])
        #expect(r.readable(user: "cust", object: .case) == ["c1"])
    }

    @Test func indexedListingsAgreeWithScansOnAGeneratedWorkload() {
        let w = WorkloadGenerator.generate(.tiny, seed: 3)
        let r = ReferenceEvaluator(w)
        for user in w.users where user.id.hasSuffix("3") || user.superUser {
            for object in WorkloadObject.allCases {
                #expect(r.readable(user: user.id, object: object) == r.readableByScan(user: user.id, object: object))
            }
        }
    }
}
