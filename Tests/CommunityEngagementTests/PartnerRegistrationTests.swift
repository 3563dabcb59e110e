import CommunityAccess
import CommunityEngagement
import CommunityModel
import Foundation
import Testing

@Suite("Deal registration")
struct PartnerRegistrationTests {
    let fixture = ServiceFixture()

    func service() throws -> (DealRegistrationService, ApprovalEngine) {
        let approvals = ApprovalEngine(environment: fixture.environment)
        let service = try DealRegistrationService(
            environment: fixture.environment, approvals: approvals,
            steps: [ApprovalStep(name: "Channel", approvers: [.queue("leadPool")]), ApprovalStep(name: "Director", approvers: [.user("director")])])
        return (service, approvals)
    }

    @Test func duplicatesByNormalisedNameAndEmailDomain() throws {
        let (service, _) = try service()
        fixture.put(
            Lead(id: "l-old", lastName: "Kim", company: "Hanbit Co., Ltd.", email: "kim@hanbit.example", owner: .user("cmA")),
            Lead(id: "l-dead", lastName: "Old", company: "Dead Corp", status: .rejected, owner: .user("cmA")))
        // Name: legal suffix, case and punctuation ignored.
        #expect(try service.duplicates(of: LeadRegistrationDraft(lastName: "Park", company: "HANBIT ltd")) == [
            LeadDuplicate(entityType: "Lead", id: "l-old", reason: .companyName)
        ])
        // Domain of another lead.
        #expect(try service.duplicates(of: LeadRegistrationDraft(lastName: "Lee", company: "Other", email: "lee@Hanbit.example")) == [
            LeadDuplicate(entityType: "Lead", id: "l-old", reason: .emailDomain)
        ])
        // Account by name (Globex Corporation → "globex") and by web domain.
        #expect(try service.duplicates(of: LeadRegistrationDraft(lastName: "Q", company: "Globex, Inc.")) == [
            LeadDuplicate(entityType: "Account", id: "cust", reason: .companyName)
        ])
        #expect(try service.duplicates(of: LeadRegistrationDraft(lastName: "Q", company: "G", email: "q@globex.example")) == [
            LeadDuplicate(entityType: "Account", id: "cust", reason: .emailDomain)
        ])
        // Free-mail domains and rejected leads do not count.
        #expect(try service.duplicates(of: LeadRegistrationDraft(lastName: "Q", company: "Fresh", email: "q@gmail.com")).isEmpty)
        #expect(try service.duplicates(of: LeadRegistrationDraft(lastName: "Q", company: "Dead Corporation")).isEmpty)
        #expect(LeadDuplicateDetector.domain(ofWebsite: "HTTPS://www.Example.com:8080/path?q") == "example.com")
        #expect(LeadDuplicateDetector.domain(ofWebsite: "localhost") == nil)
    }

    @Test func registrationIsRefusedOnDuplicatesAndLeavesNothing() throws {
        let (service, _) = try service()
        let before = fixture.census()
        #expect(throws: PartnerError.duplicateRegistration([LeadDuplicate(entityType: "Account", id: "cust", reason: .companyName)])) {
            try service.register(LeadRegistrationDraft(lastName: "Q", company: "GLOBEX corp."), by: "paUser1")
        }
        #expect(fixture.census() == before)
        let (lead, request) = try service.register(
            LeadRegistrationDraft(lastName: "Q", company: "GLOBEX corp."), by: "paUser1", acceptingDuplicates: true)
        #expect(lead.status == .submitted)
        #expect(request.history.first?.comment.contains("Account cust") == true)
    }

    @Test func approvedRegistrationMarksTheLeadApproved() throws {
        let (service, approvals) = try service()
        let (lead, request) = try service.register(
            LeadRegistrationDraft(firstName: "Mia", lastName: "Wong", company: "Northwind", email: "mia@northwind.example", region: "EMEA"),
            by: "paUser1")
        #expect(lead.partnerAccountID == "pa")
        #expect(lead.owner == .user("paUser1"))
        #expect(lead.source == "Partner Referral")
        #expect(fixture.value(lead.id)?.status == .submitted)
        // A second registration of the same company by another partner is a duplicate.
        #expect(throws: PartnerError.duplicateRegistration([LeadDuplicate(entityType: "Lead", id: lead.id.rawValue, reason: .companyName)])) {
            try service.register(LeadRegistrationDraft(lastName: "X", company: "Northwind GmbH"), by: "pbUser")
        }
        try approvals.approve(request.id, by: "cmB", comment: "looks fine")
        #expect(fixture.value(lead.id)?.status == .submitted)
        try approvals.approve(request.id, by: "director")
        #expect(fixture.value(lead.id)?.status == .approved)
    }

    @Test func rejectedAndRecalledRegistrations() throws {
        let (service, approvals) = try service()
        let (lead, request) = try service.register(LeadRegistrationDraft(lastName: "A", company: "Contoso"), by: "paUser1")
        try approvals.reject(request.id, by: "cmA", comment: "existing customer")
        #expect(fixture.value(lead.id)?.status == .rejected)
        let (lead2, request2) = try service.register(LeadRegistrationDraft(lastName: "B", company: "Fabrikam"), by: "paUser2")
        try approvals.recall(request2.id, by: "paUser2")
        #expect(fixture.value(lead2.id)?.status == .working)
    }

    @Test func onlyPartnerUsersRegisterAndBadInputIsTyped() throws {
        let (service, _) = try service()
        #expect(throws: PartnerError.notAPartnerUser("custA")) {
            try service.register(LeadRegistrationDraft(lastName: "A", company: "Contoso"), by: "custA")
        }
        #expect(throws: PartnerError.notAPartnerUser("agent1")) {
            try service.register(LeadRegistrationDraft(lastName: "A", company: "Contoso"), by: "agent1")
        }
        #expect(throws: PartnerError.self) {
            try service.register(LeadRegistrationDraft(lastName: "", company: "Contoso"), by: "paUser1")
        }
        #expect(fixture.count(Lead.self) == 0)
    }

    @Test func partnersNeverSeeEachOthersRegistrations() throws {
        let (service, _) = try service()
        let (lead, _) = try service.register(LeadRegistrationDraft(lastName: "A", company: "Contoso"), by: "paUser1")
        let snapshot = fixture.engine.snapshot
        #expect(snapshot.can("paUser1", .read, lead))
        #expect(snapshot.can("paMgr", .read, lead))
        #expect(snapshot.can("paSuper", .read, lead))
        #expect(!snapshot.can("paUser2", .read, lead))
        #expect(!snapshot.can("pbUser", .read, lead))
        #expect(!snapshot.can("pbExec", .read, lead))
        #expect(snapshot.can("cmA", .read, lead))
        #expect(!snapshot.can("cmB", .read, lead))
        let (other, _) = try service.register(LeadRegistrationDraft(lastName: "B", company: "Tailspin"), by: "pbUser")
        #expect(try service.visibleLeads(viewer: "paExec").map(\.id) == [lead.id])
        #expect(try service.visibleLeads(viewer: "pbUser").map(\.id) == [other.id])
        #expect(try service.visibleLeads(viewer: "paUser2").isEmpty)
        #expect(try service.visibleLeads(viewer: "cmB").map(\.id) == [other.id])
    }
}
