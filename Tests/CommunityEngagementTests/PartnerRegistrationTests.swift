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

    func registered(_ service: DealRegistrationService, _ draft: LeadRegistrationDraft, by user: ID<User>) throws
        -> (Lead, ApprovalRequest)
    {
        let registration = try service.register(draft, by: user)
        return (registration.lead, registration.request)
    }

    @Test func duplicatesByNormalisedNameAndEmailDomain() throws {
        let (service, _) = try service()
        fixture.put(
            Lead(id: "l-old", lastName: "Kim", company: "Hanbit Co., Ltd.", email: "kim@hanbit.example", owner: .user("cmA")),
            Lead(id: "l-dead", lastName: "Old", company: "Dead Corp", status: .rejected, owner: .user("cmA")))
        // Name: legal suffix, case and punctuation ignored.
        #expect(try service.duplicates(of: LeadRegistrationDraft(lastName: "Park", company: "HANBIT ltd"), viewer: "cmA") == [
            LeadDuplicate(entityType: "Lead", id: "l-old", reason: .companyName)
        ])
        // Domain of another lead.
        #expect(try service.duplicates(of: LeadRegistrationDraft(lastName: "Lee", company: "Other", email: "lee@Hanbit.example"), viewer: "cmA") == [
            LeadDuplicate(entityType: "Lead", id: "l-old", reason: .emailDomain)
        ])
        // Account by name (Globex Corporation → "globex") and by web domain.
        #expect(try service.duplicates(of: LeadRegistrationDraft(lastName: "Q", company: "Globex, Inc."), viewer: "cmA") == [
            LeadDuplicate(entityType: "Account", id: "cust", reason: .companyName)
        ])
        #expect(try service.duplicates(of: LeadRegistrationDraft(lastName: "Q", company: "G", email: "q@globex.example"), viewer: "cmA") == [
            LeadDuplicate(entityType: "Account", id: "cust", reason: .emailDomain)
        ])
        // Free-mail domains and rejected leads do not count.
        #expect(try service.duplicates(of: LeadRegistrationDraft(lastName: "Q", company: "Fresh", email: "q@gmail.com"), viewer: "cmA").isEmpty)
        #expect(try service.duplicates(of: LeadRegistrationDraft(lastName: "Q", company: "Dead Corporation"), viewer: "cmA").isEmpty)
        #expect(LeadDuplicateDetector.domain(ofWebsite: "HTTPS://www.Example.com:8080/path?q") == "example.com")
        #expect(LeadDuplicateDetector.domain(ofWebsite: "localhost") == nil)
    }

    @Test func onlyInternalUsersProbeForDuplicates() throws {
        let (service, _) = try service()
        for viewer: ID<User> in ["paUser1", "pbUser", "custA", "nobody"] {
            #expect(throws: PartnerError.reviewRestricted(viewer)) {
                try service.duplicates(of: LeadRegistrationDraft(lastName: "Q", company: "Globex"), viewer: viewer)
            }
        }
    }

    @Test func aDuplicateRegistrationIsSavedForReviewWithoutNamingTheMatch() throws {
        let (service, _) = try service()
        let registration = try service.register(LeadRegistrationDraft(lastName: "Q", company: "GLOBEX corp."), by: "paUser1")
        #expect(registration.needsReview)
        #expect(registration.lead.status == .submitted)
        #expect(fixture.value(registration.lead.id)?.status == .submitted)
        // What the partner sees names no other record: not the customer account, not its id.
        let partnerFacing = [
            registration.partnerMessage, registration.request.history.map(\.comment).joined(separator: " "),
        ].joined(separator: "\n")
        #expect(!partnerFacing.contains("cust"))
        #expect(!partnerFacing.localizedCaseInsensitiveContains("Globex Corporation"))
        #expect(registration.request.history.first?.comment == DealRegistrationService.reviewComment)
        // The channel manager who reviews it sees the match.
        let review = try #require(try service.duplicateReview(of: registration.lead.id, viewer: "cmA"))
        #expect(review.matches == [LeadDuplicate(entityType: "Account", id: "cust", reason: .companyName)])
        #expect(review.requestID == registration.request.id)
        // A registration without matches is not flagged and has no review.
        let clean = try service.register(LeadRegistrationDraft(lastName: "Z", company: "Brand New Co"), by: "paUser1")
        #expect(!clean.needsReview)
        #expect(clean.request.history.first?.comment == "")
        #expect(try service.duplicateReview(of: clean.lead.id, viewer: "cmA") == nil)
    }

    @Test func onlyReviewersReadADuplicateReview() throws {
        let (service, _) = try service()
        let first = try service.register(LeadRegistrationDraft(lastName: "A", company: "Northwind"), by: "paUser1")
        let second = try service.register(LeadRegistrationDraft(lastName: "X", company: "Northwind GmbH"), by: "pbUser")
        #expect(second.needsReview)
        // The second partner learns nothing about the first registration.
        let partnerFacing = "\(second) \(second.partnerMessage) \(second.request.history.map(\.comment))"
        #expect(!partnerFacing.contains(first.lead.id.rawValue))
        #expect(!partnerFacing.contains("Acme"))
        #expect(!partnerFacing.contains("paUser1"))
        // The channel manager of the registering partner (who reads the lead) and the queue's
        // approvers see the match.
        let expected = [LeadDuplicate(entityType: "Lead", id: first.lead.id.rawValue, reason: .companyName)]
        #expect(try service.duplicateReview(of: second.lead.id, viewer: "cmB")?.matches == expected)
        #expect(try service.duplicateReview(of: second.lead.id, viewer: "cmA")?.matches == expected)
        // Partners, the registrant included, and internal users outside the review cannot.
        for viewer: ID<User> in ["pbUser", "pbExec", "paUser1", "paExec", "custA", "hr1"] {
            #expect(throws: PartnerError.reviewRestricted(viewer)) {
                try service.duplicateReview(of: second.lead.id, viewer: viewer)
            }
        }
        // The review is not a record: no sharing path shows it to the partner's users.
        #expect(try service.visibleLeads(viewer: "pbUser").map(\.id) == [second.lead.id])
    }

    @Test func approvedRegistrationMarksTheLeadApproved() throws {
        let (service, approvals) = try service()
        let registration = try service.register(
            LeadRegistrationDraft(firstName: "Mia", lastName: "Wong", company: "Northwind", email: "mia@northwind.example", region: "EMEA"),
            by: "paUser1")
        let (lead, request) = (registration.lead, registration.request)
        #expect(!registration.needsReview)
        #expect(lead.partnerAccountID == "pa")
        #expect(lead.owner == .user("paUser1"))
        #expect(lead.source == "Partner Referral")
        #expect(fixture.value(lead.id)?.status == .submitted)
        // A second registration of the same company by another partner is flagged for review.
        #expect(try service.register(LeadRegistrationDraft(lastName: "X", company: "Northwind GmbH"), by: "pbUser").needsReview)
        try approvals.approve(request.id, by: "cmB", comment: "looks fine")
        #expect(fixture.value(lead.id)?.status == .submitted)
        try approvals.approve(request.id, by: "director")
        #expect(fixture.value(lead.id)?.status == .approved)
    }

    @Test func rejectedAndRecalledRegistrations() throws {
        let (service, approvals) = try service()
        let (lead, request) = try registered(service, LeadRegistrationDraft(lastName: "A", company: "Contoso"), by: "paUser1")
        try approvals.reject(request.id, by: "cmA", comment: "existing customer")
        #expect(fixture.value(lead.id)?.status == .rejected)
        let (lead2, request2) = try registered(service, LeadRegistrationDraft(lastName: "B", company: "Fabrikam"), by: "paUser2")
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
        let lead = try service.register(LeadRegistrationDraft(lastName: "A", company: "Contoso"), by: "paUser1").lead
        let snapshot = fixture.engine.snapshot
        #expect(snapshot.can("paUser1", .read, lead))
        #expect(snapshot.can("paMgr", .read, lead))
        #expect(snapshot.can("paSuper", .read, lead))
        #expect(!snapshot.can("paUser2", .read, lead))
        #expect(!snapshot.can("pbUser", .read, lead))
        #expect(!snapshot.can("pbExec", .read, lead))
        #expect(snapshot.can("cmA", .read, lead))
        #expect(!snapshot.can("cmB", .read, lead))
        let other = try service.register(LeadRegistrationDraft(lastName: "B", company: "Tailspin"), by: "pbUser").lead
        #expect(try service.visibleLeads(viewer: "paExec").map(\.id) == [lead.id])
        #expect(try service.visibleLeads(viewer: "pbUser").map(\.id) == [other.id])
        #expect(try service.visibleLeads(viewer: "paUser2").isEmpty)
        #expect(try service.visibleLeads(viewer: "cmB").map(\.id) == [other.id])
    }
}
