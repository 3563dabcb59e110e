import CommunityAccess
import CommunityModel
import Foundation
import Testing

private typealias F = Fixture

private func account(_ id: String, owner: String, partner: Bool = false) -> Account {
    Account(id: ID(id), name: id, owner: ID(owner), isPartner: partner)
}

private func opportunity(_ id: String, owner: String, account: String?) -> Opportunity {
    Opportunity(id: ID(id), name: id, accountID: account.map { ID($0) }, stage: "Prospecting", closeDate: try! Day(year: 2026, month: 1, day: 1), owner: ID(owner))
}

private func contact(_ id: String, account: String, owner: String) -> Contact {
    Contact(id: ID(id), lastName: id, accountID: ID(account), owner: ID(owner))
}

private func lead(_ id: String, owner: String) -> Lead {
    Lead(id: ID(id), lastName: id, company: "Co", owner: .user(ID(owner)))
}

@Suite("Record access scenarios")
struct ScenarioTests {
    /// Case Private/Private; Sales Manager > Sales Rep.
    private func salesOrg(caseModel: OrgWideDefault.Model = .private) -> Fixture {
        let f = Fixture()
        f.put(
            F.profile("std", ["Case": .crud, "Account": .crud, "Opportunity": .crud, "Lead": .crud, "Contact": .crud, "Project__c": .crud]),
            F.owd("Case", caseModel, .private),
            Role(id: "mgr", name: "Sales Manager"), Role(id: "rep", name: "Sales Rep", parentID: "mgr"),
            F.user("u1", profile: "std", role: "mgr"), F.user("u2", profile: "std", role: "rep"),
            F.user("u3", profile: "std", role: "rep"))
        return f
    }

    @Test("1. manager above the case owner has full access")
    func scenario1() {
        let f = salesOrg()
        f.put(F.kase("c", owner: "u2"))
        let s = f.snapshot
        #expect(s.access("u1", to: "Case", id: "c") == .all)
        #expect(s.can("u1", .read, "Case", id: "c") && s.can("u1", .edit, "Case", id: "c"))
        #expect(s.can("u1", .delete, "Case", id: "c"))
        #expect(s.access("u3", to: "Case", id: "c") == .none)  // peer
        #expect(s.access("u2", to: "Case", id: "nope") == .none)
    }

    @Test("2. custom object with Grant Access Using Hierarchies off")
    func scenario2() {
        let f = salesOrg()
        f.put(F.owd("Project__c", .private, .private, hierarchy: false), Project("p", owner: "u2"))
        #expect(f.snapshot.access("u1", to: "Project__c", id: "p") == .none)
        f.put(F.owd("Project__c", .private, .private, hierarchy: true))
        #expect(f.snapshot.access("u1", to: "Project__c", id: "p") == .all)
    }

    @Test("3. Public Read Only: read, no edit")
    func scenario3() {
        let f = salesOrg()
        f.put(F.owd("Account", .publicRead, .private), account("a", owner: "u2"))
        #expect(f.snapshot.access("u3", to: "Account", id: "a") == .read)
        #expect(!f.snapshot.can("u3", .edit, "Account", id: "a"))
    }

    @Test("4. Public Read/Write: edit, no delete")
    func scenario4() {
        let f = salesOrg(caseModel: .publicReadWrite)
        f.put(F.kase("c", owner: "u2"))
        #expect(f.snapshot.can("u3", .edit, "Case", id: "c"))
        #expect(!f.snapshot.can("u3", .delete, "Case", id: "c"))
        #expect(!f.snapshot.can("u3", .transfer, "Case", id: "c"))
    }

    @Test("5. Public Read/Write/Transfer lets anyone with Edit transfer a lead")
    func scenario5() {
        let f = salesOrg()
        f.put(F.owd("Lead", .publicReadWriteTransfer, .private), lead("l", owner: "u2"))
        #expect(f.snapshot.can("u3", .transfer, "Lead", id: "l"))
        #expect(!f.snapshot.can("u3", .delete, "Lead", id: "l"))
    }

    @Test("6. object permission caps a Read/Write rule at read")
    func scenario6() {
        let f = salesOrg()
        f.put(
            F.profile("readOpp", ["Opportunity": [.read]]), F.user("u", profile: "readOpp", role: "mgr"),
            F.owd("Opportunity", .private, .private), opportunity("o", owner: "u3", account: nil),
            SharingRule(id: "r", object: "Opportunity", selection: .ownedBy(.role("rep")), sharedWith: .user("u"), accessLevel: .edit))
        #expect(f.snapshot.access("u", to: "Opportunity", id: "o") == .read)
        #expect(!f.snapshot.can("u", .edit, "Opportunity", id: "o"))
    }

    @Test("7. owner without object Read has no access")
    func scenario7() {
        let f = salesOrg()
        f.put(F.profile("noCase", ["Account": .crud]), F.user("u", profile: "noCase"), F.kase("c", owner: "u"))
        #expect(f.snapshot.access("u", to: "Case", id: "c") == .none)
    }

    @Test("8. View All reads every case but edits none it lacks access to")
    func scenario8() {
        let f = salesOrg()
        f.put(F.profile("va", ["Case": [.read, .edit, .viewAll]]), F.user("v", profile: "va"), F.kase("c", owner: "u2"))
        #expect(f.snapshot.access("v", to: "Case", id: "c") == .read)
        #expect(f.snapshot.countVisibleRecords(of: "v", object: "Case") == 1)
    }

    @Test("9. Modify All on Account deletes any account")
    func scenario9() {
        let f = salesOrg()
        f.put(F.owd("Account", .private, .private), F.profile("ma", ["Account": [.modifyAll]]), F.user("m", profile: "ma"), account("a", owner: "u2"))
        #expect(f.snapshot.can("m", .delete, "Account", id: "a"))
        #expect(f.snapshot.can("m", .transfer, "Account", id: "a"))
    }

    @Test("10. muting removes only what the group grants")
    func scenario10() {
        let f = salesOrg()
        f.put(
            F.profile("readEdit", ["Case": [.read, .edit]]),
            PermissionSet(id: "del", name: "Delete", permissions: PermissionGrants(objects: ["Case": [.delete]])),
            PermissionSet(id: "mute", name: "Mute", permissions: PermissionGrants(objects: ["Case": [.delete]])),
            PermissionSetGroup(id: "psg", name: "G", permissionSetIDs: ["del"], mutingPermissionSetID: "mute"),
            F.user("a", profile: "readEdit", groups: ["psg"]), F.user("b", profile: "readEdit", sets: ["del"], groups: ["psg"]),
            F.kase("ca", owner: "a"), F.kase("cb", owner: "b"))
        #expect(!f.snapshot.can("a", .delete, "Case", id: "ca"))
        #expect(f.snapshot.access("a", to: "Case", id: "ca") == .edit)
        #expect(f.snapshot.can("b", .delete, "Case", id: "cb"))
        #expect(!f.snapshot.objectPermissions("a", on: "Case").contains(.delete))
    }

    /// West and East roles; opportunity owned by a West rep on an account owned by someone else.
    private func westEast(level: AccessLevel) -> Fixture {
        let f = salesOrg()
        f.put(
            F.owd("Opportunity", .private, .private), F.owd("Account", .private, .private),
            Role(id: "west", name: "West"), Role(id: "east", name: "East"),
            F.user("w", profile: "std", role: "west"), F.user("e", profile: "std", role: "east"),
            account("a", owner: "u3"), opportunity("o", owner: "w", account: "a"),
            SharingRule(id: "we", object: "Opportunity", selection: .ownedBy(.role("west")), sharedWith: .role("east"), accessLevel: level))
        return f
    }

    @Test("11. owner rule West → East; implicit parent read on the account")
    func scenario11() {
        let f = westEast(level: .read)
        let s = f.snapshot
        #expect(s.access("e", to: "Opportunity", id: "o") == .read)
        #expect(s.access("e", to: "Account", id: "a") == .read)
        #expect(!s.can("e", .edit, "Account", id: "a"))
        #expect(s.access("u2", to: "Account", id: "a") == .none)
        #expect(s.countVisibleRecords(of: "e", object: "Account") == 1)
    }

    @Test("12. the most permissive of two rules wins")
    func scenario12() {
        let f = westEast(level: .read)
        f.put(SharingRule(id: "we2", object: "Opportunity", selection: .ownedBy(.role("west")), sharedWith: .user("e"), accessLevel: .edit))
        #expect(f.snapshot.access("e", to: "Opportunity", id: "o") == .edit)
    }

    @Test("13. criteria rule follows the field value")
    func scenario13() {
        let f = salesOrg()
        f.put(
            PublicGroup(id: "g", name: "G", members: [.user("u3")]), F.kase("c", owner: "u1", priority: .high),
            SharingRule(id: "hi", object: "Case", selection: .criteria([SharingCriterion(field: "Priority", equals: .picklist("high"))]), sharedWith: .group("g")))
        #expect(f.snapshot.access("u3", to: "Case", id: "c") == .read)
        f.put(F.kase("c", owner: "u1", priority: .low))
        #expect(f.snapshot.access("u3", to: "Case", id: "c") == .none)
        #expect(f.snapshot.countVisibleRecords(of: "u3", object: "Case") == 0)
    }

    @Test("14. nested groups expand transitively")
    func scenario14() {
        let f = salesOrg()
        f.put(
            F.user("v", profile: "std"), PublicGroup(id: "g2", name: "G2", members: [.user("v")]),
            PublicGroup(id: "g1", name: "G1", members: [.group("g2")]), F.kase("c", owner: "u1"),
            SharingRule(id: "r", object: "Case", selection: .ownedBy(.user("u1")), sharedWith: .group("g1"), accessLevel: .edit))
        #expect(f.snapshot.access("v", to: "Case", id: "c") == .edit)
        #expect(f.snapshot.isMember("v", of: .group("g1")))
    }

    @Test("15. group hierarchy flag decides whether managers inherit")
    func scenario15() {
        let f = salesOrg()
        f.put(
            F.user("x", profile: "std"), PublicGroup(id: "g", name: "G", members: [.user("u2")]), F.kase("r", owner: "x"),
            SharingRule(id: "r", object: "Case", selection: .ownedBy(.user("x")), sharedWith: .group("g")))
        #expect(f.snapshot.access("u1", to: "Case", id: "r") == .read)
        f.put(PublicGroup(id: "g", name: "G", members: [.user("u2")], grantAccessUsingHierarchies: false))
        #expect(f.snapshot.access("u1", to: "Case", id: "r") == .none)
        #expect(f.snapshot.access("u2", to: "Case", id: "r") == .read)
    }

    @Test("16. manual shares are dropped on owner change")
    func scenario16() throws {
        let f = salesOrg()
        f.put(F.owd("Account", .private, .private), account("x", owner: "u2"))
        let admin = AccessAdministrator(store: f.store, engine: f.engine)
        try admin.share(account("x", owner: "u2"), with: .user("u3"), level: .read, by: "u2")
        #expect(f.snapshot.access("u3", to: "Account", id: "x") == .read)
        try admin.transferOwnership(of: account("x", owner: "u2"), to: .user("u1"), by: "u2")
        #expect(f.snapshot.access("u3", to: "Account", id: "x") == .none)
        // Also when the owner changes through a plain store write.
        try admin.share(account("x", owner: "u1"), with: .user("u3"), level: .read, by: "u1")
        f.put(account("x", owner: "u2"))
        #expect(f.snapshot.access("u3", to: "Account", id: "x") == .none)
    }

    @Test("17. programmatic shares survive owner change")
    func scenario17() throws {
        let f = salesOrg()
        f.put(F.profile("admin", ["Project__c": .crud], system: [.modifyAllData]), F.user("root", profile: "admin"),
              F.owd("Project__c", .private, .private), Project("p", owner: "u2"))
        let admin = AccessAdministrator(store: f.store, engine: f.engine)
        #expect(throws: AccessError.self) {
            try admin.shareProgrammatically(Project("p", owner: "u2"), with: .user("u3"), level: .edit, reason: "Recruiter__c", by: "u2")
        }
        try admin.shareProgrammatically(Project("p", owner: "u2"), with: .user("u3"), level: .edit, reason: "Recruiter__c", by: "root")
        #expect(f.snapshot.access("u3", to: "Project__c", id: "p") == .edit)
        f.put(Project("p", owner: "u1"))
        #expect(f.snapshot.access("u3", to: "Project__c", id: "p") == .edit)
        #expect(f.snapshot.explain("u3", "Project__c", id: "p").grants.contains { $0.kind == .programmaticShare })
    }

    @Test("18. account owner's role setting gives read on the account's cases")
    func scenario18() {
        let f = salesOrg()
        f.put(
            F.owd("Account", .private, .private),
            Role(id: "own", name: "Owners", accountChildAccess: ChildAccess(cases: .read)), F.user("o", profile: "std", role: "own"),
            account("a", owner: "o"), F.kase("c", owner: "u2", account: "a"))
        #expect(f.snapshot.access("o", to: "Case", id: "c") == .read)
        #expect(!f.snapshot.can("o", .edit, "Case", id: "c"))
        #expect(f.snapshot.countVisibleRecords(of: "o", object: "Case") == 1)
    }

    @Test("19. View All gives no implicit parent access")
    func scenario19() {
        let f = salesOrg()
        f.put(
            F.owd("Account", .private, .private), F.profile("va", ["Case": [.read, .viewAll], "Account": [.read]]),
            F.user("v", profile: "va"), account("a", owner: "u2"), F.kase("c", owner: "u2", account: "a"))
        #expect(f.snapshot.access("v", to: "Case", id: "c") == .read)
        #expect(f.snapshot.access("v", to: "Account", id: "a") == .none)
    }

    @Test("20. account team member: account edit, opportunity read")
    func scenario20() throws {
        let f = salesOrg()
        f.put(F.owd("Account", .private, .private), F.owd("Opportunity", .private, .private), F.user("t", profile: "std"),
              account("a", owner: "u2"), opportunity("o", owner: "u2", account: "a"))
        let admin = AccessAdministrator(store: f.store, engine: f.engine)
        try admin.addTeamMember(account("a", owner: "u2"), user: "t", teamRole: "Account Manager", level: .edit, childAccess: ChildAccess(opportunities: .read))
        let s = f.snapshot
        #expect(s.can("t", .edit, "Account", id: "a"))
        #expect(s.access("t", to: "Opportunity", id: "o") == .read)
        #expect(!s.can("t", .edit, "Opportunity", id: "o"))
    }

    /// VP Channel > Channel Mgr; Acme owned by CM with three partner roles.
    private func partnerOrg() -> Fixture {
        let f = Fixture()
        f.put(
            F.profile("int", ["Opportunity": .crud, "Case": .crud, "Account": .crud, "Contact": .crud]),
            F.profile("partner", ["Opportunity": .crud, "Case": .crud, "Account": [.read, .edit], "Contact": [.read]]),
            SharingSettings(partnerRoleLevels: 3),
            F.owd("Opportunity", .private, .private), F.owd("Case", .private, .private), F.owd("Account", .private, .private),
            F.owd("Contact", .private, .private),
            Role(id: "vp", name: "VP Channel"), Role(id: "cm", name: "Channel Mgr", parentID: "vp"),
            F.user("vpu", profile: "int", role: "vp"), F.user("cmu", profile: "int", role: "cm"),
            account("acme", owner: "cmu", partner: true), account("globex", owner: "cmu", partner: true),
            Role(id: "acme-e", name: "Acme Partner Executive", kind: .partner, accountID: "acme", externalLevel: .executive),
            Role(id: "acme-m", name: "Acme Partner Manager", parentID: "acme-e", kind: .partner, accountID: "acme", externalLevel: .manager),
            Role(id: "acme-u", name: "Acme Partner User", parentID: "acme-m", kind: .partner, accountID: "acme", externalLevel: .user),
            Role(id: "globex-e", name: "Globex Partner Executive", kind: .partner, accountID: "globex", externalLevel: .executive),
            F.user("pe", kind: .partner, profile: "partner", role: "acme-e", account: "acme"),
            F.user("p2", kind: .partner, profile: "partner", role: "acme-m", account: "acme", superUser: true),
            F.user("p3", kind: .partner, profile: "partner", role: "acme-m", account: "acme"),
            F.user("p1", kind: .partner, profile: "partner", role: "acme-u", account: "acme"),
            F.user("p4", kind: .partner, profile: "partner", role: "acme-u", account: "acme"),
            F.user("g1", kind: .partner, profile: "partner", role: "globex-e", account: "globex"))
        return f
    }

    @Test("21. partner roles sit under the account owner's role")
    func scenario21() {
        let f = partnerOrg()
        f.put(opportunity("o", owner: "p1", account: "acme"))
        let s = f.snapshot
        for u in ["p3", "pe", "cmu", "vpu"] { #expect(s.access(ID(u), to: "Opportunity", id: "o") == .all, "\(u)") }
        #expect(s.access("p4", to: "Opportunity", id: "o") == .none)
        #expect(s.access("g1", to: "Opportunity", id: "o") == .none)
    }

    @Test("partner roles move when the account owner changes")
    func partnerRolesFollowAccountOwner() {
        let f = partnerOrg()
        f.put(Role(id: "other", name: "Other"), F.user("ou", profile: "int", role: "other"), opportunity("o", owner: "p1", account: "acme"))
        #expect(f.snapshot.access("ou", to: "Opportunity", id: "o") == .none)
        f.put(account("acme", owner: "ou", partner: true))
        #expect(f.snapshot.access("ou", to: "Opportunity", id: "o") == .all)
        #expect(f.snapshot.access("cmu", to: "Opportunity", id: "o") == .none)
    }

    @Test("22. super user sees same-role and lower records of the same account only")
    func scenario22() {
        let f = partnerOrg()
        f.put(F.kase("c", owner: "p3", account: "acme"), F.kase("gc", owner: "g1", account: "globex"))
        let s = f.snapshot
        #expect(s.access("p2", to: "Case", id: "c") == .edit)
        #expect(s.access("p2", to: "Case", id: "gc") == .none)
        #expect(s.access("p3", to: "Case", id: "c") == .all)
        #expect(s.countVisibleRecords(of: "p2", object: "Case") == 1)
    }

    /// Account A with a customer-plus user X (role under A) and HV user H.
    private func customerOrg() -> Fixture {
        let f = Fixture()
        f.put(
            F.profile("int", ["Case": .crud, "Account": .crud, "Contact": .crud]),
            F.profile("ccplus", ["Case": [.read, .create, .edit], "Account": [.read, .edit], "Contact": [.read, .edit]]),
            F.profile("ccuser", ["Case": [.read, .create, .edit], "Account": [.read], "Contact": [.read]]),
            F.owd("Case", .private, .private), F.owd("Account", .publicRead, .private), F.owd("Contact", .private, .private),
            Role(id: "ceo", name: "CEO"), F.user("boss", profile: "int", role: "ceo"),
            Role(id: "sup", name: "Support", parentID: "ceo"), F.user("agent", profile: "int", role: "sup"),
            F.user("k", profile: "int", role: "sup"),
            account("a", owner: "boss"), account("b", owner: "boss"),
            contact("xc", account: "a", owner: "boss"), contact("hc", account: "a", owner: "boss"), contact("bc", account: "b", owner: "boss"),
            Role(id: "a-u", name: "A Customer User", kind: .customer, accountID: "a", externalLevel: .user),
            F.user("x", kind: .customer, profile: "ccplus", role: "a-u", account: "a", contact: "xc"),
            F.user("h", kind: .customer, profile: "ccuser", account: "a", contact: "hc", highVolume: true))
        return f
    }

    @Test("23. external user reads own account and its contacts, cannot edit the account")
    func scenario23() {
        let f = customerOrg()
        let s = f.snapshot
        #expect(s.access("x", to: "Account", id: "a") == .read)
        #expect(!s.can("x", .edit, "Account", id: "a"))
        #expect(s.access("x", to: "Contact", id: "hc") == .read)
        #expect(s.access("x", to: "Contact", id: "bc") == .none)
        #expect(s.access("x", to: "Account", id: "b") == .none)
        #expect(s.countVisibleRecords(of: "x", object: "Contact") == 2)
    }

    @Test("24. external user named as the case contact can view and edit it [inferred: edit]")
    func scenario24() {
        let f = customerOrg()
        f.put(F.kase("c", owner: "agent", account: "a", contact: "xc"))
        #expect(f.snapshot.access("x", to: "Case", id: "c") == .edit)
        #expect(f.snapshot.countVisibleRecords(of: "x", object: "Case") == 1)
        f.put(SharingSettings(caseContactAccess: false))
        #expect(f.snapshot.access("x", to: "Case", id: "c") == .none)
    }

    @Test("25. sharing set gives an HV user read on cases of their account")
    func scenario25() {
        let f = customerOrg()
        f.put(
            SharingSet(id: "ss", profileIDs: ["ccuser"], mappings: [.init(object: "Case", userField: .account, recordField: "AccountId", accessLevel: .read)]),
            F.kase("c1", owner: "agent", account: "a"), F.kase("c2", owner: "agent", account: "b"))
        let s = f.snapshot
        #expect(s.access("h", to: "Case", id: "c1") == .read)
        #expect(s.access("h", to: "Case", id: "c2") == .none)
        #expect(!s.can("h", .edit, "Case", id: "c1"))
        #expect(s.countVisibleRecords(of: "h", object: "Case") == 1)
    }

    @Test("25b. a sharing set may match the user's account to any lookup field of the record [inferred]")
    func scenario25b() {
        let f = customerOrg()
        func distributed(_ id: String, by value: FieldValue?) -> Case {
            var c = F.kase(id, owner: "agent", account: "b")
            c.customFields["Distributor__c"] = value
            return c
        }
        f.put(
            SharingSet(id: "ss", profileIDs: ["ccuser"], mappings: [.init(object: "Case", userField: .account, recordField: "Distributor__c", accessLevel: .edit)]),
            distributed("d1", by: .reference("a")), distributed("d2", by: .reference("b")),
            distributed("d3", by: .text("a")), distributed("d4", by: nil))
        var s = f.snapshot
        #expect(s.access("h", to: "Case", id: "d1") == .edit)
        #expect(s.access("h", to: "Case", id: "d2") == .none)
        #expect(s.access("h", to: "Case", id: "d3") == .none, "a text field holding the id is not a lookup")
        #expect(s.visibleRecords(of: "h", object: "Case").records.map(\.record.testID) == ["d1"])
        // The field changes: access follows, from the index kept current by the change feed.
        f.put(distributed("d1", by: .reference("b")), distributed("d2", by: .reference("a")))
        s = f.snapshot
        #expect(s.access("h", to: "Case", id: "d1") == .none)
        #expect(s.access("h", to: "Case", id: "d2") == .edit)
        #expect(s.visibleRecords(of: "h", object: "Case").records.map(\.record.testID) == ["d2"])
        f.delete(ID<Case>("d2"))
        #expect(f.snapshot.countVisibleRecords(of: "h", object: "Case") == 0)
    }

    @Test("26. share group members see HV-owned records [inferred: edit]")
    func scenario26() {
        let f = customerOrg()
        f.put(SharingSet(id: "ss", profileIDs: ["ccuser"], mappings: [], shareGroupMembers: ["agent"]), F.kase("e", owner: "h", account: "a"))
        #expect(f.snapshot.access("agent", to: "Case", id: "e") == .edit)
        #expect(f.snapshot.access("k", to: "Case", id: "e") == .none)
        #expect(f.snapshot.countVisibleRecords(of: "agent", object: "Case") == 1)
    }

    @Test("27. HV users have no role, no hierarchy and are not portal-group members")
    func scenario27() {
        let f = customerOrg()
        f.put(F.kase("hv", owner: "h", account: "a"),
              SharingRule(id: "all", object: "Case", selection: .ownedBy(.user("agent")), sharedWith: .allCustomerPortalUsers),
              F.kase("ag", owner: "agent"))
        let s = f.snapshot
        #expect(s.access("boss", to: "Case", id: "hv") == .none)
        #expect(!s.isMember("h", of: .allCustomerPortalUsers))
        #expect(s.isMember("x", of: .allCustomerPortalUsers))
        #expect(s.access("h", to: "Case", id: "ag") == .none)
        #expect(s.access("x", to: "Case", id: "ag") == .read)
    }

    @Test("28. external default more open than internal is rejected")
    func scenario28() {
        #expect(throws: AccessError.externalMoreOpenThanInternal(object: "Case", internal: .private, external: .publicRead)) {
            try AccessAdministrator.validate(F.owd("Case", .private, .publicRead))
        }
        #expect(throws: AccessError.self) { try AccessAdministrator.validate(F.owd("Contact", .controlledByParent, .private)) }
        #expect(throws: AccessError.self) { try AccessAdministrator.validate(F.owd("Account", .publicReadWriteTransfer, .private)) }
        #expect(throws: AccessError.self) { try AccessAdministrator.validate(F.owd("Case", .private, .private, hierarchy: false)) }
        let f = Fixture()
        let admin = AccessAdministrator(store: f.store, engine: f.engine)
        #expect(throws: AccessError.self) { try admin.setDefault(F.owd("Case", .private, .publicRead)) }
        #expect(f.snapshot.count(of: "Case") == 0)
    }

    /// A site with a guest user whose profile (wrongly) has Edit on Case.
    private func guestOrg() -> Fixture {
        let f = customerOrg()
        f.put(
            F.profile("guestp", ["Case": .crud]), F.user("guest", kind: .guest, profile: "guestp"),
            SiteMembership(id: "site", profileIDs: ["ccuser"], guestUserID: "guest", defaultOwnerID: "agent"),
            F.owd("Case", .publicReadWrite, .publicRead),
            F.kase("pub", owner: "agent", status: "Published"), F.kase("draft", owner: "agent"),
            F.kase("z", owner: "h", status: "Published"))
        return f
    }

    @Test("29. guests see nothing until a guest rule, and never edit")
    func scenario29() throws {
        let f = guestOrg()
        #expect(f.snapshot.countVisibleRecords(of: "guest", object: "Case") == 0)
        let admin = AccessAdministrator(store: f.store, engine: f.engine)
        try admin.saveRule(SharingRule(id: "gr", object: "Case", selection: .criteria([SharingCriterion(field: "Status", equals: .picklist("Published"))]), sharedWith: .user("guest"), isGuestRule: true))
        #expect(f.snapshot.access("guest", to: "Case", id: "pub") == .read)
        #expect(!f.snapshot.can("guest", .edit, "Case", id: "pub"))
        #expect(f.snapshot.access("guest", to: "Case", id: "draft") == .none)
        #expect(!f.snapshot.objectPermissions("guest", on: "Case").contains(.edit))
        #expect(throws: AccessError.self) {
            try admin.saveRule(SharingRule(id: "bad", object: "Case", selection: .criteria([SharingCriterion(field: "Status", equals: .picklist("New"))]), sharedWith: .user("guest"), accessLevel: .edit, isGuestRule: true))
        }
    }

    @Test("30. guest rules skip HV-owned records unless created to include them")
    func scenario30() {
        let f = guestOrg()
        let published = SharingCriterion(field: "Status", equals: .picklist("Published"))
        f.put(SharingRule(id: "gr", object: "Case", selection: .criteria([published]), sharedWith: .user("guest"), isGuestRule: true))
        #expect(f.snapshot.access("guest", to: "Case", id: "z") == .none)
        f.put(SharingRule(id: "gr2", object: "Case", selection: .criteria([published]), sharedWith: .user("guest"), isGuestRule: true, includeHighVolumeOwned: true))
        #expect(f.snapshot.access("guest", to: "Case", id: "z") == .read)
        #expect(f.snapshot.countVisibleRecords(of: "guest", object: "Case") == 2)
    }

    @Test("31. a case a guest submits is owned by the site's default owner")
    func scenario31() throws {
        let f = guestOrg()
        let admin = AccessAdministrator(store: f.store, engine: f.engine)
        let site = SiteMembership(id: "site", profileIDs: ["ccuser"], guestUserID: "guest", defaultOwnerID: "agent")
        #expect(try admin.ownerForNewRecord(createdBy: "guest", in: site) == .user("agent"))
        #expect(try admin.ownerForNewRecord(createdBy: "x", in: site) == .user("x"))
        #expect(throws: AccessError.guestCannotOwnRecords(user: "guest")) { try admin.validateOwner(.user("guest")) }
        #expect(throws: AccessError.guestCannotOwnRecords(user: "guest")) {
            try admin.transferOwnership(of: F.kase("pub", owner: "agent", status: "Published"), to: .user("guest"), by: "agent")
        }
    }

    @Test("32. guests cannot join groups or receive manual shares")
    func scenario32() {
        let f = guestOrg()
        let admin = AccessAdministrator(store: f.store, engine: f.engine)
        #expect(throws: AccessError.invalidMember(container: "group g", member: "guest", reason: "guest users cannot be members")) {
            try admin.saveGroup(PublicGroup(id: "g", name: "G", members: [.user("guest")]))
        }
        #expect(throws: AccessError.self) { try admin.saveGroup(PublicGroup(id: "g", name: "G", members: [.user("h")])) }
        #expect(throws: AccessError.self) { try admin.saveQueue(Queue(id: "q", name: "Q", members: [.user("guest")])) }
        f.put(F.owd("Case", .private, .private))
        #expect(throws: AccessError.self) {
            try admin.share(F.kase("pub", owner: "agent", status: "Published"), with: .user("guest"), level: .read, by: "agent")
        }
    }

    @Test("33. Controlled by Parent follows the account")
    func scenario33() {
        let f = salesOrg()
        f.put(
            OrgWideDefault(object: "Contact", internalAccess: .controlledByParent, externalAccess: .controlledByParent),
            F.owd("Account", .private, .private), account("a", owner: "u2"), account("b", owner: "u1"),
            contact("ca", account: "a", owner: "u1"), contact("cb", account: "b", owner: "u1"))
        #expect(f.snapshot.access("u1", to: "Contact", id: "ca") == .all)
        #expect(f.snapshot.access("u3", to: "Contact", id: "ca") == .none)
        f.put(SharingRule(id: "r", object: "Account", selection: .ownedBy(.user("u2")), sharedWith: .user("u3"), accessLevel: .edit))
        #expect(f.snapshot.can("u3", .edit, "Contact", id: "ca"))
        f.put(SharingRule(id: "r", object: "Account", selection: .ownedBy(.user("u2")), sharedWith: .user("u3"), accessLevel: .read))
        #expect(f.snapshot.access("u3", to: "Contact", id: "ca") == .read)
        #expect(f.snapshot.countVisibleRecords(of: "u3", object: "Contact") == 1)
    }

    @Test("34. public read/write custom object: edit for all, delete only owner, above, Modify All")
    func scenario34() {
        let f = salesOrg()
        f.put(F.owd("Project__c", .publicReadWrite, .publicReadWrite), Project("p", owner: "u2"),
              F.profile("ma", ["Project__c": [.modifyAll]]), F.user("m", profile: "ma"))
        let s = f.snapshot
        #expect(s.can("u3", .edit, "Project__c", id: "p"))
        #expect(!s.can("u3", .delete, "Project__c", id: "p"))
        #expect(s.can("u2", .delete, "Project__c", id: "p"))
        #expect(s.can("u1", .delete, "Project__c", id: "p"))
        #expect(s.can("m", .delete, "Project__c", id: "p"))
    }

    @Test("35. site membership gates access")
    func scenario35() {
        let f = partnerOrg()
        f.put(F.profile("customerProfile", ["Case": .crud]), F.user("cu", kind: .customer, profile: "customerProfile", account: "acme"),
              F.kase("c", owner: "p1"), RecordShare(id: "s", object: "Case", recordID: "c", sharedWith: .user("cu"), accessLevel: .read))
        let site = SiteMembership(id: "partners", profileIDs: ["partner"])
        f.put(site)
        let s = f.snapshot
        #expect(s.access("cu", to: F.kase("c", owner: "p1")) == .read)
        #expect(s.access("cu", to: F.kase("c", owner: "p1"), inSite: site) == .none)
        #expect(s.access("p1", to: F.kase("c", owner: "p1"), inSite: site) == .all)
        #expect(s.isMember("p1", ofSite: "partners") && !s.isMember("cu", ofSite: "partners"))
        #expect(SiteMembership(id: "s2", permissionSetIDs: ["ps"]).admits(profileID: "x", permissionSetIDs: [ID<PermissionSet>("ps")]))
    }

    @Test("36. 300 rules per object, 50 of them criteria-based")
    func scenario36() throws {
        let f = salesOrg()
        var rules: [SharingRule] = []
        for i in 0..<250 { rules.append(SharingRule(id: ID("o\(i)"), object: "Account", selection: .ownedBy(.user("u1")), sharedWith: .user("u2"))) }
        for i in 0..<50 { rules.append(SharingRule(id: ID("c\(i)"), object: "Account", selection: .criteria([SharingCriterion(field: "Region", equals: .picklist("R\(i)"))]), sharedWith: .user("u2"))) }
        let s = f.snapshot
        let criteria = SharingRule(id: "c50", object: "Account", selection: .criteria([SharingCriterion(field: "Region", equals: .picklist("X"))]), sharedWith: .user("u2"))
        #expect(throws: AccessError.tooManyCriteriaRules(object: "Account", limit: 50)) {
            try AccessAdministrator.validate(criteria, existing: Array(rules.prefix(50)) + rules.suffix(50), snapshot: s)
        }
        let owner = SharingRule(id: "o300", object: "Account", selection: .ownedBy(.user("u1")), sharedWith: .user("u2"))
        #expect(throws: AccessError.tooManyRules(object: "Account", limit: 300)) {
            try AccessAdministrator.validate(owner, existing: rules, snapshot: s)
        }
        try AccessAdministrator.validate(owner, existing: Array(rules.dropFirst()), snapshot: s)
        let long = SharingRule(id: "long", object: "Case", selection: .criteria([SharingCriterion(field: "Subject", equals: .text(String(repeating: "x", count: 241)))]), sharedWith: .user("u2"))
        #expect(throws: AccessError.self) { try AccessAdministrator.validate(long, existing: [], snapshot: s) }
    }

    @Test("37. ownership skew is reported above 10,000 records")
    func scenario37() {
        let engine = AccessEngine()
        var entities: [any Entity] = [F.user("big", profile: "std"), F.user("small", profile: "std")]
        for i in 0..<10_001 { entities.append(opportunity("o\(i)", owner: "big", account: nil)) }
        for i in 0..<10_000 { entities.append(opportunity("s\(i)", owner: "small", account: nil)) }
        engine.load(entities)
        let skew = engine.snapshot.ownershipSkew()
        #expect(skew == [OwnershipSkew(object: "Opportunity", owner: .user("big"), count: 10_001)])
    }
}

@Suite("Permissions, membership, fields")
struct PermissionTests {
    @Test("members of queues and groups, create permission, system permissions")
    func membersAndPermissions() {
        let f = Fixture()
        f.put(
            Fixture.profile("p", ["Case": [.read, .create]], system: [.moderateCommunity, SystemPermission("acme.rebates")]),
            Role(id: "top", name: "Top"), Role(id: "sub", name: "Sub", parentID: "top"),
            Fixture.user("a", profile: "p", role: "top"), Fixture.user("b", profile: "p", role: "sub"),
            Fixture.user("c", profile: "p"),
            PublicGroup(id: "g", name: "G", members: [.roleAndSubordinates("top")]),
            Queue(id: "q", name: "Q", members: [.group("g"), .user("c")]))
        let s = f.snapshot
        #expect(s.members(of: .queue("q")) == ["a", "b", "c"])
        #expect(s.members(of: .role("sub")) == ["b"])
        #expect(s.canCreate("a", "Case") && !s.canCreate("a", "Lead"))
        #expect(s.hasPermission("a", .moderateCommunity) && s.hasPermission("a", SystemPermission("acme.rebates")))
        #expect(!s.hasPermission("a", .viewAllData))
        #expect(s.systemPermissions("b").contains(.moderateCommunity))
    }

    @Test("field-level security: redaction and typed errors on forbidden edits")
    func fieldLevelSecurity() throws {
        let f = Fixture()
        f.put(
            Profile(id: "agent", name: "Agent", permissions: PermissionGrants(
                objects: ["Case": .crud], fields: ["Case": ["Secret__c": .hidden, "Priority": .read, "Status": .edit]])),
            Profile(id: "boss", name: "Boss", permissions: PermissionGrants(
                objects: ["Case": .crud], fields: ["Case": ["Secret__c": .edit, "Priority": .edit, "Status": .edit]])),
            Fixture.user("a", profile: "agent"), Fixture.user("b", profile: "boss"))
        var kase = Fixture.kase("c", owner: "a")
        kase.customFields["Secret__c"] = .text("x")
        f.put(kase)
        let s = f.snapshot
        let redacted = try #require(s.redact(kase, for: "a"))
        #expect(redacted.value(of: "Secret__c") == nil && redacted.hiddenFields.contains("Secret__c"))
        #expect(redacted.value(of: "Subject") == .text("c"))
        #expect(s.redact(kase, for: "b") == nil)  // b cannot read a's case at all (Private by default)
        var edited = kase
        edited.priority = .high
        #expect(throws: AccessError.fieldNotEditable(user: "a", object: "Case", field: "Priority")) {
            try s.authorizeEdit("a", original: kase, updated: edited)
        }
        edited = kase
        edited.status = "Closed"
        try s.authorizeEdit("a", original: kase, updated: edited)
        #expect(throws: AccessError.insufficientAccess(user: "b", object: "Case", record: "c", action: .edit)) {
            try s.authorizeEdit("b", original: kase, updated: edited)
        }
        #expect(s.fieldAccess("b", object: "Case", field: "Secret__c") == .edit)
        #expect(s.fieldAccess("a", object: "Case", field: "Subject") == .edit)  // not mentioned: follows object permission
    }

    @Test("explain lists every grant with its chain and the deciding cap")
    func explain() {
        let f = Fixture()
        f.put(
            Fixture.profile("ro", ["Case": [.read]]), Fixture.profile("rw", ["Case": .crud]),
            Role(id: "top", name: "Top"), Role(id: "sub", name: "Sub", parentID: "top"),
            Fixture.user("boss", profile: "ro", role: "top"), Fixture.user("rep", profile: "rw", role: "sub"),
            PublicGroup(id: "g", name: "G", members: [.user("boss")]),
            Fixture.kase("c", owner: "rep"),
            SharingRule(id: "r", object: "Case", selection: .ownedBy(.user("rep")), sharedWith: .group("g"), accessLevel: .edit))
        let e = f.snapshot.explain("boss", "Case", id: "c")
        #expect(e.level == .read)
        #expect(e.grants.contains { $0.kind == .roleHierarchy && $0.level == .all })
        #expect(e.grants.contains { $0.kind == .sharingRule && $0.chain.contains("rule r") })
        #expect(e.cap?.contains("Edit") == true)
        #expect(f.snapshot.explain("nobody", "Case", id: "c").level == .none)
    }

    @Test("whatIf reports who gains and loses without applying the change")
    func whatIf() {
        let f = Fixture()
        f.put(
            Fixture.profile("rw", ["Case": .crud]), Fixture.owd("Case", .private, .private),
            Role(id: "top", name: "Top"), Role(id: "east", name: "East", parentID: "top"), Role(id: "west", name: "West", parentID: "top"),
            Fixture.user("boss", profile: "rw", role: "top"), Fixture.user("e", profile: "rw", role: "east"),
            Fixture.user("w", profile: "rw", role: "west"), Fixture.user("x", profile: "rw"),
            PublicGroup(id: "g", name: "G", members: [.user("x")]),
            Fixture.kase("c1", owner: "w"), Fixture.kase("c2", owner: "w"))
        let rule = SharingRule(id: "r", object: "Case", selection: .ownedBy(.role("west")), sharedWith: .role("east"))
        let report = f.engine.whatIf(.addSharingRule(rule))
        #expect(report.deltas == [AccessDelta(user: "e", object: "Case", gained: 2, lost: 0)])
        #expect(f.snapshot.access("e", to: "Case", id: "c1") == .none)  // not applied
        let move = f.engine.whatIf(.moveUser("w", toRole: "east"))
        #expect(move.deltas.isEmpty)  // boss stays above both roles; peers see nothing
        #expect(move.usersExamined > 0)
        let join = f.engine.whatIf(.addUserToGroup("e", group: "g"))
        #expect(join.deltas.isEmpty)
        f.put(RecordShare(id: "s", object: "Case", recordID: "c1", sharedWith: .group("g"), accessLevel: .read))
        let join2 = f.engine.whatIf(.addUserToGroup("e", group: "g"))
        #expect(join2.deltas == [AccessDelta(user: "e", object: "Case", gained: 1, lost: 0)])
        let leave = f.engine.whatIf(.removeUserFromGroup("x", group: "g"))
        #expect(leave.deltas == [AccessDelta(user: "x", object: "Case", gained: 0, lost: 1)])
    }

    @Test("group cycles are rejected")
    func groupCycle() throws {
        let f = Fixture()
        let admin = AccessAdministrator(store: f.store, engine: f.engine)
        try admin.saveGroup(PublicGroup(id: "a", name: "A"))
        try admin.saveGroup(PublicGroup(id: "b", name: "B", members: [.group("a")]))
        #expect(throws: AccessError.groupCycle(group: "a", through: "a")) {
            try admin.saveGroup(PublicGroup(id: "a", name: "A", members: [.group("b")]))
        }
    }
}

@Suite("External roles")
struct ExternalRoleTests {
    @Test("enabling an account creates 1–3 roles under the owner's role")
    func externalRoles() throws {
        let f = Fixture()
        f.put(
            Fixture.profile("p", ["Opportunity": .crud]), SharingSettings(partnerRoleLevels: 2),
            Role(id: "cm", name: "Channel"), Fixture.user("owner", profile: "p", role: "cm"), Fixture.user("norole", profile: "p"),
            Account(id: "acme", name: "Acme", owner: "owner", isPartner: true), Account(id: "x", name: "X", owner: "norole"))
        let admin = AccessAdministrator(store: f.store, engine: f.engine)
        let roles = try admin.enableExternalRoles(for: Account(id: "acme", name: "Acme", owner: "owner", isPartner: true))
        #expect(roles.map(\.externalLevel) == [.manager, .user])
        #expect(roles[0].parentID == nil && roles[1].parentID == roles[0].id)
        #expect(AccessAdministrator.externalRoles(for: Account(id: "a", name: "A", owner: "o"), kind: .customer, levels: 3).count == 3)
        #expect(throws: AccessError.self) { try admin.enableExternalRoles(for: Account(id: "x", name: "X", owner: "norole")) }
        f.put(Fixture.user("p1", kind: .partner, profile: "p", role: roles[1].id.rawValue, account: "acme"),
              Opportunity(id: "o", name: "o", accountID: "acme", stage: "s", closeDate: try Day(year: 2026, month: 1, day: 1), owner: "p1"))
        #expect(f.snapshot.access("owner", to: "Opportunity", id: "o") == .all)
    }
}
