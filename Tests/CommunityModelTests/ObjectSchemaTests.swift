import CommunityModel
import Foundation
import Testing

@Suite struct ObjectSchemaTests {
    func schema() throws -> ObjectSchema {
        try ObjectSchema(
            object: "Opportunity",
            fields: [
                FieldDefinition(name: "Notes__c", type: .text(maxLength: 5)),
                FieldDefinition(name: "Score__c", type: .number(min: 0, max: 10)),
                FieldDefinition(name: "Budget__c", type: .currency, isRequired: true),
                FieldDefinition(name: "Kickoff__c", type: .date),
                FieldDefinition(name: "Seen__c", type: .dateTime),
                FieldDefinition(name: "Urgent__c", type: .checkbox),
                FieldDefinition(name: "Tier__c", type: .picklist(["Gold", "Silver"])),
                FieldDefinition(name: "Partner__c", label: "Partner", type: .reference("Account")),
            ])
    }

    var valid: [String: FieldValue] {
        [
            "Notes__c": .text("hello"), "Score__c": .number(10), "Budget__c": .currency(5), "Kickoff__c": .date(try! Day(parsing: "2026-01-01")),
            "Seen__c": .dateTime(Date(timeIntervalSince1970: 0)), "Urgent__c": .checkbox(true), "Tier__c": .picklist("Gold"),
            "Partner__c": .reference("acc-1"),
        ]
    }

    func rejects(_ change: [String: FieldValue], _ expected: ValidationError, exists: Bool = true) throws {
        let values = valid.merging(change) { _, new in new }
        #expect(throws: expected) { try schema().validate(values) { _, _ in exists } }
    }

    @Test func acceptsAValueOfEveryType() throws {
        try schema().validate(valid) { type, id in type == "Account" && id == "acc-1" }
        try schema().validate(["Budget__c": .currency(0)])
        #expect(try schema().field(named: "Partner__c")?.label == "Partner")
        #expect(try schema().field(named: "Notes__c")?.label == "Notes")
        #expect(try schema().field(named: "Nope__c") == nil)
        #expect(try schema().fields.map(\.name).first == "Notes__c")
    }

    @Test func checksEveryFieldType() throws {
        try rejects(["Notes__c": .text("toolong")], ValidationError(field: "Opportunity.Notes__c", reason: .tooLong(limit: 5, actual: 7)))
        try rejects(["Notes__c": .number(1)], ValidationError(field: "Opportunity.Notes__c", reason: .wrongType(expected: "text", actual: "number")))
        try rejects(["Score__c": .number(11)], ValidationError(field: "Opportunity.Score__c", reason: .outOfRange("11.0 > 10.0")))
        try rejects(["Score__c": .number(-1)], ValidationError(field: "Opportunity.Score__c", reason: .outOfRange("-1.0 < 0.0")))
        try rejects(["Score__c": .number(.nan)], ValidationError(field: "Opportunity.Score__c", reason: .invalidValue("not a finite number")))
        try rejects(["Budget__c": .number(5)], ValidationError(field: "Opportunity.Budget__c", reason: .wrongType(expected: "currency", actual: "number")))
        try rejects(["Kickoff__c": .text("2026-01-01")], ValidationError(field: "Opportunity.Kickoff__c", reason: .wrongType(expected: "date", actual: "text")))
        try rejects(["Seen__c": .checkbox(true)], ValidationError(field: "Opportunity.Seen__c", reason: .wrongType(expected: "dateTime", actual: "checkbox")))
        try rejects(["Urgent__c": .text("yes")], ValidationError(field: "Opportunity.Urgent__c", reason: .wrongType(expected: "checkbox", actual: "text")))
        try rejects(["Tier__c": .picklist("Bronze")], ValidationError(field: "Opportunity.Tier__c", reason: .notInPicklist("Bronze", allowed: ["Gold", "Silver"])))
        try rejects(["Tier__c": .text("Gold")], ValidationError(field: "Opportunity.Tier__c", reason: .wrongType(expected: "picklist", actual: "text")))
        try rejects(["Partner__c": .reference("bad id")], ValidationError(field: "Opportunity.Partner__c", reason: .invalidIdentifier("bad id")))
    }

    @Test func checksReferencesExist() throws {
        try rejects([:], ValidationError(field: "Opportunity.Partner__c", reason: .unknownReference("acc-1")), exists: false)
        var asked: [String] = []
        try schema().validate(valid) { type, id in
            asked.append("\(type):\(id)")
            return true
        }
        #expect(asked == ["Account:acc-1"])
    }

    @Test func requiresRequiredFields() throws {
        var values = valid
        values["Budget__c"] = nil
        #expect(throws: ValidationError(field: "Opportunity.Budget__c", reason: .required)) { try schema().validate(values) }
        let text = try ObjectSchema(object: "Case", fields: [FieldDefinition(name: "Code__c", type: .text(maxLength: 10), isRequired: true)])
        #expect(throws: ValidationError(field: "Case.Code__c", reason: .required)) { try text.validate(["Code__c": .text("  \n")]) }
        try text.validate(["Code__c": .text("X1")])
    }

    @Test func rejectsUnknownFields() throws {
        var values = valid
        values["Zeta__c"] = .text("x")
        values["Alpha__c"] = .text("y")
        #expect(throws: ValidationError(field: "Opportunity.Alpha__c", reason: .unknownField)) { try schema().validate(values) }
    }

    @Test func rejectsBadDefinitions() throws {
        #expect(throws: ValidationError(field: "Account.Tier__c", reason: .invalidValue("declared twice"))) {
            try ObjectSchema(object: "Account", fields: [
                FieldDefinition(name: "Tier__c", type: .checkbox), FieldDefinition(name: "Tier__c", type: .currency),
            ])
        }
        for name in ["", "a b", "a.b", "a:b", "<x>"] {
            #expect(throws: ValidationError(field: "Account.\(name)", reason: .invalidIdentifier(name))) {
                try ObjectSchema(object: "Account", fields: [FieldDefinition(name: name, type: .checkbox)])
            }
        }
        #expect(throws: ValidationError(field: "Account.T__c", reason: .invalidValue("maxLength must be positive"))) {
            try ObjectSchema(object: "Account", fields: [FieldDefinition(name: "T__c", type: .text(maxLength: 0))])
        }
        for values in [[], ["A", "A"]] {
            #expect(throws: ValidationError(field: "Account.P__c", reason: .invalidValue("a picklist needs distinct values"))) {
                try ObjectSchema(object: "Account", fields: [FieldDefinition(name: "P__c", type: .picklist(values))])
            }
        }
        var schema = try ObjectSchema(object: "Lead")
        try schema.add(FieldDefinition(name: "Source__c", type: .text(maxLength: 20)))
        #expect(throws: ValidationError.self) { try schema.add(FieldDefinition(name: "Source__c", type: .checkbox)) }
        #expect(schema.fields.count == 1)
    }

    @Test func roundTripsThroughJSON() throws {
        let original = try schema()
        let decoded = try JSONDecoder().decode(ObjectSchema.self, from: JSONEncoder().encode(original))
        #expect(decoded == original)
        #expect(decoded.field(named: "Tier__c")?.type == .picklist(["Gold", "Silver"]))
    }

    @Test func decodingChecksFieldsAndIgnoresAForgedLookupTable() throws {
        let forged = #"{"object":"Case","fields":[],"positions":{"X__c":5}}"#
        let schema = try JSONDecoder().decode(ObjectSchema.self, from: Data(forged.utf8))
        #expect(schema.field(named: "X__c") == nil)
        let duplicate = #"{"object":"Case","fields":[{"name":"A","label":"A","type":{"checkbox":{}},"isRequired":false},{"name":"A","label":"A","type":{"checkbox":{}},"isRequired":false}]}"#
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(ObjectSchema.self, from: Data(duplicate.utf8)) }
        let single = #"{"object":"Case","fields":[{"name":"A","label":"A","type":{"checkbox":{}},"isRequired":false}]}"#
        #expect(try JSONDecoder().decode(ObjectSchema.self, from: Data(single.utf8)).field(named: "A")?.type == .checkbox)
    }
}
