import CommunityModel
import Foundation
import Testing

/// Records keep their fields in one shared allocation; copies must still behave as values.
@Suite struct RecordFieldStorageTests {
    let day = try! Day(year: 2026, month: 12, day: 4)

    @Test func changingACopyLeavesTheOriginalAlone() {
        let original = Case(
            id: "c1", subject: "Printer on fire", accountID: "a1", owner: .user("u1"),
            customFields: ["Region__c": .picklist("EMEA")])
        var copy = original
        #expect(copy == original)
        copy.status = "Closed"
        copy.owner = .queue("q1")
        copy.customFields["Region__c"] = .picklist("APAC")
        #expect(original.status == "New")
        #expect(original.owner == .user("u1"))
        #expect(original.value(of: "Region__c") == .picklist("EMEA"))
        #expect(copy.status == "Closed")
        #expect(copy.value(of: "OwnerId") == .reference("queue:q1"))
        #expect(copy.value(of: "Region__c") == .picklist("APAC"))
        #expect(copy != original)
    }

    @Test func everyRecordTypeCopiesByValue() {
        var opportunity = Opportunity(id: "o1", name: "Deal", accountID: "a1", stage: "Prospecting", closeDate: day, owner: "u1")
        let opportunityBefore = opportunity
        opportunity.stage = "Closed Won"
        #expect(opportunityBefore.stage == "Prospecting" && opportunity.value(of: "StageName") == .picklist("Closed Won"))

        var account = Account(id: "a1", name: "Acme", owner: "u1")
        let accountBefore = account
        account.isPartner = true
        #expect(!accountBefore.isPartner && account.value(of: "IsPartner") == .checkbox(true))

        var contact = Contact(id: "k1", firstName: "Ada", lastName: "Lovelace", accountID: "a1", owner: "u1")
        let contactBefore = contact
        contact.lastName = "Byron"
        #expect(contactBefore.name == "Ada Lovelace" && contact.name == "Ada Byron")

        var lead = Lead(id: "l1", lastName: "Hopper", company: "Navy", email: "grace@Navy.example", owner: .user("u1"))
        let leadBefore = lead
        lead.email = nil
        #expect(leadBefore.emailDomain == "navy.example" && lead.emailDomain == nil)
    }

    @Test func equalFieldsAreEqualAndHashAlikeWhateverTheAllocation() {
        let a = Case(id: "c1", subject: "S", owner: .user("u1"))
        let b = Case(id: "c1", subject: "S", owner: .user("u1"))
        #expect(a == b)
        #expect(a.hashValue == b.hashValue)
        #expect(Set([a, b]).count == 1)
        var c = b
        c.subject = "T"
        #expect(a != c)
    }

    @Test func encodesAsAFlatObjectOfItsFields() throws {
        let record = Case(
            id: "c1", subject: "Login fails", accountID: "a1", status: "Escalated", priority: .high, owner: .user("u1"),
            customFields: ["Tier__c": .text("Gold")])
        let data = try JSONEncoder().encode(record)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["subject"] as? String == "Login fails")
        #expect(object["status"] as? String == "Escalated")
        #expect(object["priority"] as? String == "high")
        #expect(object["fields"] == nil && object["storage"] == nil)
        let decoded = try JSONDecoder().decode(Case.self, from: data)
        #expect(decoded == record)
        #expect(decoded.fields == record.fields)
    }

    @Test func decodingRejectsAMissingField() {
        let json = Data(#"{"id":"c1","subject":"No owner"}"#.utf8)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Case.self, from: json) }
    }

    @Test func replacingAllFieldsAtOnce() {
        var record = Opportunity(id: "o1", name: "Deal", accountID: nil, stage: "Prospecting", closeDate: day, owner: "u1")
        var fields = record.fields
        fields.amount = 1200
        fields.probability = 60
        record.fields = fields
        #expect(record.amount == 1200 && record.value(of: "Probability") == .number(60))
    }
}
