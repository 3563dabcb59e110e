import CommunityModel
import CommunityRendering
import Testing

@Suite struct AudienceTests {
    let pat = Fixtures.viewer(Fixtures.partnerA)
    let bo = Fixtures.viewer(Fixtures.partnerB)
    let erin = Fixtures.viewer(Fixtures.employee)
    let kim = Fixtures.viewer(Fixtures.customer)

    func holds(_ criterion: AudienceCriterion, _ viewer: Viewer, record: (any Record)? = nil) -> Bool {
        AudienceEvaluator.evaluate(criterion, viewer: viewer, record: record)
    }

    @Test func leafCriteria() {
        #expect(holds(.everyone, .guest))
        #expect(holds(.userKind([.guest]), .guest))
        #expect(!holds(.userKind([.partner]), .guest))
        #expect(holds(.profile(["partner"]), pat) && !holds(.profile(["partner"]), erin))
        #expect(holds(.role(["acme-user"]), pat) && !holds(.role(["acme-user"]), bo))
        #expect(holds(.accountField("PartnerTier", .equals([.picklist("gold")])), pat))
        #expect(!holds(.accountField("PartnerTier", .equals([.picklist("gold")])), bo))
        #expect(holds(.accountField("Name", .equals([.text("ACME")])), pat), "text compares case-insensitively")
        #expect(holds(.locale("de"), bo) && !holds(.locale("de"), pat))
        #expect(holds(.locale("ko_KR"), kim))
        #expect(holds(.userField("Department", .equals([.text("engineering")])), erin))
        #expect(holds(.userField("Email", .contains("ACME.example")), pat))
        #expect(!holds(.userField("Department", .isSet), pat))
        #expect(holds(.accountField("PartnerTier", .notEquals([.picklist("platinum")])), pat))
    }

    @Test func permissionCriteria() {
        var viewer = Viewer(user: Fixtures.partnerA, permissionSetIDs: ["mdf"], permissions: ["ManageLeads"])
        #expect(holds(.permissionSet("mdf"), viewer))
        #expect(holds(.permission("ManageLeads"), viewer))
        viewer.permissions = []
        #expect(!holds(.permission("ManageLeads"), viewer))
    }

    @Test func recordCriteria() {
        let lead = Lead(id: "l", lastName: "L", company: "C", product: "Cloud", owner: .user("pa"), customFields: ["Budget__c": .number(5000)])
        #expect(holds(.recordField("Product", .equals([.picklist("cloud")])), pat, record: lead))
        #expect(holds(.recordField("Budget__c", .atLeast(.number(1000))), pat, record: lead))
        #expect(!holds(.recordField("Budget__c", .atLeast(.number(10000))), pat, record: lead))
        #expect(!holds(.recordField("Budget__c", .atLeast(.text("1"))), pat, record: lead), "different kinds never compare")
        #expect(!holds(.recordField("Product", .isSet), pat))
    }

    @Test func combinations() {
        let goldPartner = AudienceCriterion.all([.userKind([.partner]), .accountField("PartnerTier", .equals([.picklist("gold")]))])
        #expect(holds(goldPartner, pat) && !holds(goldPartner, bo) && !holds(goldPartner, erin))
        let either = AudienceCriterion.any([.locale("de"), .userKind([.internal])])
        #expect(holds(either, bo) && holds(either, erin) && !holds(either, pat))
        #expect(holds(.not(either), pat))
        #expect(goldPartner.criteriaCount == 2)
        #expect(AudienceCriterion.all([goldPartner, .not(.locale("ko"))]).criteriaCount == 3)
        #expect(holds(.all([]), pat) && !holds(.any([]), pat))
    }

    @Test func variationWithMostCriteriaWins() throws {
        let site = try Fixtures.site()
        let home = try #require(site.page("home"))
        #expect(site.variation(of: home, for: pat)?.name == "gold")
        #expect(site.variation(of: home, for: bo)?.name == "partners")
        #expect(site.variation(of: home, for: erin) == nil)
        #expect(site.layout(of: home, for: .guest) == home.layout)
    }

    @Test func audiencesPersonaliseButNeverGrantRecords() throws {
        // An audience that includes everyone does not make a members-only page public.
        var site = try Fixtures.site()
        site.audiences.append(Audience(id: "all", name: "All", criteria: .everyone))
        let page = Page(id: "x", title: "X", slug: "x", visibility: .audience("all"))
        #expect(!site.mayView(page, viewer: .guest))
        #expect(site.mayView(page, viewer: pat))
        #expect(!site.mayView(page, viewer: Fixtures.viewer(Fixtures.outsider)), "not a site member")
    }
}
