import CommunityModel
import Foundation
import Testing

/// Page layouts per object and profile, field-level security on layouts, compact layouts.
@Suite struct RecordLayoutTests {
    func catalog() throws -> RecordLayoutCatalog {
        var catalog = RecordLayoutCatalog.standard
        try catalog.add(RecordLayout(name: "Channel Lead", object: "Lead", sections: [
            RecordLayoutSection("Scoring", fields: ["Internal_Score__c", "Company"]),
        ]), assignedTo: ["channel"])
        return catalog
    }

    @Test func profilesSeeTheirAssignedLayoutOthersTheDefault() throws {
        let catalog = try catalog()
        #expect(catalog.layout(for: "Lead", profile: "channel").name == "Channel Lead")
        #expect(catalog.layout(for: "Lead", profile: "partner").name == "Lead Layout")
        #expect(catalog.layout(for: "Lead", profile: nil).name == "Lead Layout")
        let generated = catalog.layout(for: "Invoice__c", profile: "partner", fallbackFields: ["Total__c", "Due__c"])
        #expect(generated.fieldNames == ["Total__c", "Due__c"])
    }

    @Test func sectionsKeepTheirOrderAndFieldOrder() {
        let lead = RecordLayoutCatalog.standard.layout(for: "Lead", profile: nil)
        #expect(lead.sections.map { $0.heading["en"] ?? "" } == ["Information", "Contact details", "Ownership"])
        #expect(lead.sections[0].fields.map(\.name) == ["FirstName", "LastName", "Company", "Status", "Product", "Region", "LeadSource"])
        #expect(lead.sections[1].heading.text(for: "de_DE") == "Kontaktdaten")
    }

    @Test func fieldLevelSecurityRemovesFieldsAndEmptySections() {
        let layout = RecordLayout(name: "L", object: "Lead", sections: [
            RecordLayoutSection("A", fields: ["Company", "Internal_Score__c", "Status"]),
            RecordLayoutSection("B", fields: ["Internal_Score__c"]),
        ])
        let visible = layout.visibleSections { $0 != "Internal_Score__c" }
        #expect(visible.count == 1)
        #expect(visible[0].fields.map(\.name) == ["Company", "Status"])
    }

    @Test func readOnlyFieldsAndReadOnlyAccessAreNotEditable() {
        let layout = RecordLayout(name: "L", object: "Lead", sections: [
            RecordLayoutSection("A", fields: ["Company", LayoutField("OwnerId", readOnly: true), "Status", "Region"]),
            RecordLayoutSection("B", fields: ["Company"]),
        ])
        let access: [String: FieldAccess] = ["Company": .edit, "OwnerId": .edit, "Status": .read, "Region": .hidden]
        #expect(layout.editableFields { access[$0] ?? .hidden } == ["Company"])
    }

    @Test func malformedLayoutsAreRejected() {
        var catalog = RecordLayoutCatalog()
        #expect(throws: ValidationError.self) {
            try catalog.add(RecordLayout(name: "Bad", object: "Lead", sections: [RecordLayoutSection("A", fields: ["no spaces"])]))
        }
        #expect(throws: ValidationError.self) {
            try catalog.add(RecordLayout(name: "Bad", object: "Lead", sections: [], relatedLists: [RelatedList("Case", field: "AccountId", columns: [])]))
        }
        #expect(catalog.layouts.isEmpty)
        #expect(RecordLayoutSection("A", columns: 9, fields: []).columns == 2)
        #expect(RelatedList("Case", field: "AccountId", columns: ["Subject"], limit: -4).limit == 1)
    }

    @Test func aLeadIsTitledByItsFullNameWithItsCompanyBelow() {
        let compact = RecordLayoutCatalog.standard.compactLayout(for: "Lead")
        let lopez: [String: String] = ["FirstName": "Lena", "LastName": "Lopez", "Company": "Contoso Retail"]
        #expect(compact.title { lopez[$0] } == "Lena Lopez")
        #expect(compact.subtitle { lopez[$0] } == "Contoso Retail")
        let meyer: [String: String] = ["FirstName": "", "LastName": "Meyer"]
        #expect(compact.title { meyer[$0] } == "Meyer")
        #expect(compact.subtitle { meyer[$0] } == nil)
        #expect(compact.title { _ in nil } == nil)
        #expect(RecordLayoutCatalog().compactLayout(for: "Account").titleFields == ["Name"])
    }
}

extension RecordLayoutTests {
    @Test func builtInLayoutsShowCustomFieldsNoSectionPlaces() throws {
        let lead = RecordLayoutCatalog.standard.layout(for: "Lead", profile: nil)
        #expect(lead.showsOtherCustomFields)
        #expect(lead.unplacedCustomFields(["Company", "Zeta__c", "Alpha__c"]) == ["Alpha__c", "Zeta__c"])
        let host = RecordLayout(name: "H", object: "Lead", sections: [RecordLayoutSection("A", fields: ["Alpha__c"])])
        #expect(!host.showsOtherCustomFields && host.unplacedCustomFields(["Alpha__c", "Beta__c"]) == ["Beta__c"])
        let old = #"{"name":"H","object":"Lead","sections":[]}"#
        let decoded = try JSONDecoder().decode(RecordLayout.self, from: Data(old.utf8))
        #expect(decoded.relatedLists.isEmpty && !decoded.showsOtherCustomFields)
    }
}

extension RecordLayoutTests {
    @Test func aResolvedLayoutAppliesFieldLevelSecurity() {
        let layout = RecordLayoutCatalog.standard.layout(for: "Opportunity", profile: nil)
        let access: [String: FieldAccess] = ["Name": .edit, "Amount": .read, "StageName": .edit, "OwnerId": .edit]
        let resolved = ResolvedRecordLayout(layout) { access[$0] ?? .hidden }
        #expect(resolved.sections.flatMap(\.fields).map(\.name) == ["Name", "StageName", "Amount", "OwnerId"])
        #expect(resolved.editableFields == ["Name", "StageName"])
        #expect(resolved.layout == layout)
    }
}
