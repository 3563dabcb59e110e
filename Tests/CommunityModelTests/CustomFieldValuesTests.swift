import CommunityModel
import Foundation
import Testing

@Suite struct CustomFieldValuesTests {
    @Test func keepsOneValuePerNameInNameOrder() {
        var values: CustomFieldValues = ["Tier__c": .text("Gold"), "Budget__c": .number(10)]
        values["Region__c"] = .picklist("EMEA")
        values["Budget__c"] = .number(12)
        #expect(values.names == ["Budget__c", "Region__c", "Tier__c"])
        #expect(values["Budget__c"] == .number(12) && values.count == 3)
        values["Tier__c"] = nil
        values["Missing__c"] = nil
        #expect(values.names == ["Budget__c", "Region__c"])
        #expect(values["Tier__c"] == nil && !values.isEmpty)
    }

    @Test func convertsToAndFromADictionary() {
        let dictionary: [String: FieldValue] = ["B__c": .checkbox(true), "A__c": .text("x"), "C__c": .number(3)]
        let values = CustomFieldValues(dictionary)
        #expect(values.dictionary == dictionary)
        #expect(values.names == ["A__c", "B__c", "C__c"])
        #expect(CustomFieldValues().isEmpty && CustomFieldValues().dictionary.isEmpty)
        // Equal whatever order the values arrived in.
        var other = CustomFieldValues()
        for (name, value) in dictionary { other[name] = value }
        #expect(other == values && other.hashValue == values.hashValue)
    }

    @Test func encodesExactlyAsTheDictionaryDoes() throws {
        let dictionary: [String: FieldValue] = ["Region__c": .picklist("APAC"), "Score__c": .number(82)]
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let compact = try encoder.encode(CustomFieldValues(dictionary))
        #expect(compact == (try encoder.encode(dictionary)))
        #expect(try JSONDecoder().decode(CustomFieldValues.self, from: compact) == CustomFieldValues(dictionary))
        #expect(try JSONDecoder().decode([String: FieldValue].self, from: compact) == dictionary)
    }

    @Test func rejectsMalformedJSON() {
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(CustomFieldValues.self, from: Data("[1, 2]".utf8)) }
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(CustomFieldValues.self, from: Data(#"{"A__c": {"nonsense": 1}}"#.utf8))
        }
    }

    @Test func recordsExposeThemAsADictionaryAndReadThemByName() {
        var record = Case(id: "c1", subject: "S", owner: .user("u1"), customFields: ["Region__c": .picklist("EMEA")])
        #expect(record.customFields == ["Region__c": .picklist("EMEA")])
        #expect(record.fields.customFields["Region__c"] == .picklist("EMEA"))
        record.customFields["Tier__c"] = .text("Gold")
        #expect(record.value(of: "Tier__c") == .text("Gold") && record.value(of: "Region__c") == .picklist("EMEA"))
        record.customFields = [:]
        #expect(record.value(of: "Region__c") == nil && record.fields.customFields.isEmpty)
    }
}
