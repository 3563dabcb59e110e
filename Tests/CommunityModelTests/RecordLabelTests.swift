import CommunityModel
import Foundation
import Testing

/// Object, field and picklist labels per locale, with fallback, for standard and custom fields.
@Suite struct RecordLabelTests {
    let catalog = SchemaCatalog.standard

    @Test(arguments: [("en_US", "Stage"), ("de_DE", "Phase"), ("ko_KR", "단계"), ("de-AT", "Phase"), ("fr_FR", "Stage"), ("", "Stage")])
    func standardFieldLabelsFollowTheLocaleWithEnglishAsFallback(locale: String, label: String) {
        #expect(catalog.fieldLabel("StageName", of: "Opportunity", locale: locale) == label)
    }

    @Test func objectLabelsAreLocalizedInSingularAndPlural() {
        #expect(catalog.objectLabel("Opportunity", locale: "de_DE") == "Verkaufschance")
        #expect(catalog.objectLabel("Opportunity", locale: "de_DE", plural: true) == "Verkaufschancen")
        #expect(catalog.objectLabel("Case", locale: "ko_KR") == "케이스")
        #expect(catalog.objectLabel("Invoice__c", locale: "en_US") == "Invoice")
    }

    @Test func undeclaredFieldsNeverShowTheirAPIName() {
        #expect(catalog.fieldLabel("CloseDate", of: "Opportunity", locale: "en_US") == "Close date")
        #expect(catalog.fieldLabel("Budget_Total__c", of: "Opportunity", locale: "en_US") == "Budget Total")
        #expect(catalog.fieldLabel("ReportsToId", of: "Invoice__c", locale: "de_DE") == "Reports To")
        #expect(LocalizedText.humanize(apiName: "StageName") == "Stage Name")
        #expect(LocalizedText.humanize(apiName: "Id") == "Id")
        #expect(LocalizedText.humanize(apiName: "__c") == "__c")
    }

    @Test func everyStandardFieldAndPicklistValueHasEnglishGermanAndKorean() {
        for schema in ObjectSchema.standard {
            for language in ["en", "de", "ko"] {
                #expect(schema.labels[language] != nil && schema.pluralLabels[language] != nil, "\(schema.object) \(language)")
            }
            for field in schema.standardFields {
                #expect(ID<Never>.isValid(field.name), "\(schema.object).\(field.name)")
                for language in ["en", "de", "ko"] {
                    #expect(field.labels[language] != nil, "\(schema.object).\(field.name) has no \(language) label")
                }
                guard case .picklist(let values) = field.type else { continue }
                for value in values {
                    for language in ["en", "de", "ko"] {
                        #expect(field.picklistLabels[value]?[language] != nil, "\(schema.object).\(field.name)=\(value) \(language)")
                    }
                }
            }
        }
    }

    @Test func picklistValuesShowTheirLabels() {
        #expect(catalog.picklistLabel("high", field: "Priority", of: "Case", locale: "en_US") == "High")
        #expect(catalog.picklistLabel("high", field: "Priority", of: "Case", locale: "de_DE") == "Hoch")
        #expect(catalog.picklistLabel("high", field: "Priority", of: "Case", locale: "ko_KR") == "높음")
        #expect(catalog.picklistLabel("Closed Won", field: "StageName", of: "Opportunity", locale: "de_DE") == "Gewonnen")
        // An undeclared value is capitalized, never shown lower-case.
        #expect(catalog.picklistLabel("urgent", field: "Priority", of: "Case", locale: "de_DE") == "Urgent")
        let options = catalog.picklistOptions("Priority", of: "Case", locale: "ko_KR")
        #expect(options.map(\.value) == ["low", "medium", "high", "critical"])
        #expect(options.map(\.label) == ["낮음", "보통", "높음", "긴급"])
        #expect(catalog.picklistOptions("Subject", of: "Case", locale: "en").isEmpty)
    }

    @Test func aHostAddsCustomFieldsAndALanguage() throws {
        var catalog = SchemaCatalog.standard
        try catalog.merge(ObjectSchema(object: "Opportunity", fields: [
            FieldDefinition(name: "Tier__c", type: .picklist(["gold"]), labels: ["en": "Tier", "de": "Stufe"],
                            picklistLabels: ["gold": ["en": "Gold", "de": "Gold"]]),
        ], labels: ["fr": "Opportunité"]))
        #expect(catalog.fieldLabel("Tier__c", of: "Opportunity", locale: "de_DE") == "Stufe")
        #expect(catalog.fieldLabel("Tier__c", of: "Opportunity", locale: "ko_KR") == "Tier")
        #expect(catalog.objectLabel("Opportunity", locale: "fr_FR") == "Opportunité")
        #expect(catalog.objectLabel("Opportunity", locale: "de_DE") == "Verkaufschance")
        #expect(catalog.fieldLabel("StageName", of: "Opportunity", locale: "de") == "Phase")
        catalog.setLabel("Étape", of: "StageName", object: "Opportunity", locale: "fr")
        catalog.setPicklistLabel("Proposition", value: "Proposal", field: "StageName", object: "Opportunity", locale: "fr")
        #expect(catalog.fieldLabel("StageName", of: "Opportunity", locale: "fr_CA") == "Étape")
        #expect(catalog.picklistLabel("Proposal", field: "StageName", of: "Opportunity", locale: "fr_FR") == "Proposition")
        #expect(catalog.picklistLabel("Proposal", field: "StageName", of: "Opportunity", locale: "de_DE") == "Angebot")
        // The custom field is validated like any other; the standard ones are not.
        let schema = try #require(catalog.schema(for: "Opportunity"))
        #expect(throws: ValidationError.self) { try schema.validate(["Tier__c": .picklist("silver")]) }
        try schema.validate(["Tier__c": .picklist("gold")])
    }

    @Test func malformedNamesAreRejected() {
        var catalog = SchemaCatalog.standard
        #expect(throws: ValidationError.self) {
            try catalog.merge(ObjectSchema(object: "Lead", standardFields: [FieldDefinition(name: "bad name", type: .checkbox)]))
        }
        #expect(catalog.fieldLabel("Company", of: "Lead", locale: "de") == "Unternehmen")
    }

    @Test func schemasWithLabelsRoundTripAndOlderJSONStillDecodes() throws {
        let schema = try #require(SchemaCatalog.standard.schema(for: "Case"))
        let decoded = try JSONDecoder().decode(ObjectSchema.self, from: JSONEncoder().encode(schema))
        #expect(decoded == schema)
        #expect(decoded.picklistLabel("low", field: "Priority", in: "de") == "Niedrig")
        let old = #"{"object":"Lead","fields":[{"name":"Score__c","label":"Score","type":{"checkbox":{}},"isRequired":false}]}"#
        let legacy = try JSONDecoder().decode(ObjectSchema.self, from: Data(old.utf8))
        #expect(legacy.label(of: "Score__c", in: "de_DE") == "Score")
        #expect(legacy.standardFields.isEmpty)
    }
}
