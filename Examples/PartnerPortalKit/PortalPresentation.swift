import CommunityKit

/// How Northwind's records read: the built-in labels plus its custom fields in English, German
/// and Korean, a lead layout for channel managers with the internal score, and euro deals.
enum PortalPresentation {
    static func make() throws -> RecordPresentation {
        var schemas = SchemaCatalog.standard
        try schemas.merge(ObjectSchema(object: "Lead", fields: [
            FieldDefinition(name: "Internal_Score__c", type: .number(min: 0, max: 100),
                            labels: ["en": "Internal score", "de": "Interne Bewertung", "ko": "내부 점수"]),
        ]))
        try schemas.merge(ObjectSchema(object: "Opportunity", fields: [
            FieldDefinition(name: "Margin__c", type: .number(), labels: ["en": "Margin", "de": "Marge", "ko": "마진"]),
        ]))
        var layouts = RecordLayoutCatalog.standard
        let internalSection = RecordLayoutSection(["en": "Channel team only", "de": "Nur Channel-Team", "ko": "채널 팀 전용"],
                                                  fields: [LayoutField("Internal_Score__c", readOnly: true)])
        let lead = layouts.layout(for: "Lead", profile: nil)
        try layouts.add(RecordLayout(name: "Channel Lead Layout", object: "Lead", sections: lead.sections + [internalSection]),
                        assignedTo: ["channel"])
        let deal = layouts.layout(for: "Opportunity", profile: nil)
        try layouts.add(RecordLayout(name: "Channel Opportunity Layout", object: "Opportunity", sections: deal.sections + [
            RecordLayoutSection(["en": "Channel team only", "de": "Nur Channel-Team", "ko": "채널 팀 전용"], fields: ["Margin__c"]),
        ]), assignedTo: ["channel"])
        return RecordPresentation(schemas: schemas, layouts: layouts, currencyCode: "USD")
    }
}
