import CommunityEngagement
import CommunityModel
import Foundation
import Testing

@Suite("Lead conversion")
struct PartnerConversionTests {
    let fixture = ServiceFixture()
    let closeDate = try! Day(year: 2026, month: 6, day: 30)

    func qualified(_ id: String, company: String = "Northwind Traders", owner: ID<User> = "paUser1") -> Lead {
        Lead(
            id: ID(id), firstName: "Mia", lastName: "Wong", company: company, email: "mia@northwind.example",
            status: .qualified, partnerAccountID: "pa", region: "EMEA", product: "X100", owner: .user(owner),
            customFields: ["Budget__c": .currency(50_000), "Employees__c": .number(120), "Ignored__c": .text("x")])
    }

    func service() -> LeadConversionService {
        LeadConversionService(
            environment: fixture.environment,
            mapping: LeadFieldMapping(customFields: [
                "Budget__c": .init(.opportunity, "Budget__c"), "Employees__c": .init(.account, "NumberOfEmployees"),
            ]))
    }

    @Test func conversionCreatesAccountContactOpportunityAndLocksTheLead() throws {
        fixture.put(qualified("l1"))
        let service = service()
        let conversion = try service.convert(
            LeadConversionRequest(leadID: "l1", stage: "Qualification", closeDate: closeDate, amount: 42_000), by: "paUser1")
        #expect(conversion.createdAccount)
        let account = try #require(fixture.value(conversion.accountID))
        #expect(account.name == "Northwind Traders")
        #expect(account.region == "EMEA")
        #expect(account.owner == .user("cmA"))  // the channel manager owns accounts a partner creates
        #expect(account.customFields["NumberOfEmployees"] == .number(120))
        #expect(account.customFields["Ignored__c"] == nil)
        let contact = try #require(fixture.value(conversion.contactID))
        #expect(contact.name == "Mia Wong" && contact.email == "mia@northwind.example" && contact.accountID == account.id)
        let opportunity = try #require(conversion.opportunityID.flatMap { fixture.value($0) })
        #expect(opportunity.name == "Northwind Traders – X100")
        #expect(opportunity.stage == "Qualification" && opportunity.probability == 20)
        #expect(opportunity.amount == 42_000)
        #expect(opportunity.partnerAccountID == "pa")
        #expect(opportunity.owner == .user("paUser1"))
        #expect(opportunity.customFields["Budget__c"] == .currency(50_000))
        #expect(opportunity.customFields["Product"] == .picklist("X100"))
        #expect(fixture.value(ID<Lead>("l1"))?.status == .converted)

        #expect(throws: PartnerError.leadLocked("l1")) { try service.edit("l1", by: "paUser1") { $0.company = "Changed" } }
        #expect(throws: PartnerError.leadLocked("l1")) {
            try service.convert(LeadConversionRequest(leadID: "l1", closeDate: closeDate), by: "paUser1")
        }
    }

    @Test func conversionCanJoinAnExistingAccountWithoutOpportunity() throws {
        fixture.put(qualified("l2", company: "Globex", owner: "agent1"))
        let conversion = try service().convert(
            LeadConversionRequest(leadID: "l2", existingAccountID: "cust", createOpportunity: false, closeDate: closeDate),
            by: "agent1")
        #expect(!conversion.createdAccount)
        #expect(conversion.accountID == "cust")
        #expect(conversion.opportunityID == nil)
        #expect(fixture.value(conversion.contactID)?.accountID == "cust")
        #expect(fixture.value(ID<Account>("cust"))?.customFields["NumberOfEmployees"] == .number(120))
        #expect(fixture.count(Account.self) == 5)
    }

    @Test func aConversionThatFailsHalfWayLeavesNothingBehind() throws {
        // Company name fits an account (255) but makes the opportunity name too long (120):
        // the account and contact are written inside the transaction before the failure.
        let company = String(repeating: "N", count: 150)
        fixture.put(qualified("l3", company: company))
        let before = fixture.census()
        let leadBefore = fixture.value(ID<Lead>("l3"))
        #expect(throws: PartnerError.invalid(ValidationError(field: "Opportunity.Name", reason: .tooLong(limit: 120, actual: 157)))) {
            try service().convert(LeadConversionRequest(leadID: "l3", closeDate: closeDate), by: "paUser1")
        }
        #expect(fixture.census() == before)
        #expect(fixture.value(ID<Lead>("l3")) == leadBefore)
        // Also when Access refuses the last write (a customer-less partner user with no Opportunity create).
        fixture.put(
            Profile(id: "noOpp", name: "No opps", permissions: .init(objects: ["Lead": .crud, "Account": [.read, .create], "Contact": .crud])),
            ServiceFixture.user("paLimited", kind: .partner, profile: "noOpp", role: "pa-user", account: "pa"),
            qualified("l4", owner: "paLimited"))
        let before2 = fixture.census()
        #expect(throws: AccessDenied.self) {
            try service().convert(LeadConversionRequest(leadID: "l4", closeDate: closeDate), by: "paLimited")
        }
        #expect(fixture.census() == before2)
        // With a valid name the same lead converts.
        let conversion = try service().convert(
            LeadConversionRequest(leadID: "l3", opportunityName: "Short", closeDate: closeDate), by: "paUser1")
        #expect(fixture.value(conversion.accountID)?.name == company)
    }

    @Test func onlyQualifiedLeadsConvertAndOnlyWithEditAccess() throws {
        var lead = qualified("l5")
        lead.status = .working
        fixture.put(lead, qualified("l6"))
        let service = service()
        #expect(throws: PartnerError.wrongLeadStatus("l5", status: .working, expected: [.qualified])) {
            try service.convert(LeadConversionRequest(leadID: "l5", closeDate: closeDate), by: "paUser1")
        }
        #expect(throws: AccessDenied.self) {
            try service.convert(LeadConversionRequest(leadID: "l6", closeDate: closeDate), by: "pbUser")
        }
        #expect(throws: PartnerError.unknownStage("Won")) {
            try service.convert(LeadConversionRequest(leadID: "l6", stage: "Won", closeDate: closeDate), by: "paUser1")
        }
        #expect(throws: PartnerError.unknownLead("nope")) {
            try service.convert(LeadConversionRequest(leadID: "nope", closeDate: closeDate), by: "paUser1")
        }
    }

    @Test func editingOpenLeadsIsCheckedAndValidated() throws {
        fixture.put(qualified("l7"))
        let service = service()
        let edited = try service.edit("l7", by: "paUser1") { $0.company = "Northwind Holdings" }
        #expect(edited.company == "Northwind Holdings")
        #expect(throws: AccessDenied.self) { try service.edit("l7", by: "paUser2") { $0.company = "x" } }
        #expect(throws: PartnerError.self) { try service.edit("l7", by: "paUser1") { $0.lastName = "" } }
        #expect(throws: PartnerError.self) { try service.edit("l7", by: "paUser1") { $0.status = .converted } }
        #expect(fixture.value(ID<Lead>("l7"))?.company == "Northwind Holdings")
    }
}
