extension RecordLayoutCatalog {
    /// Layouts and compact layouts for the built-in objects (Account, Contact, Lead,
    /// Opportunity, Case), each the default for every profile.
    public static let standard: RecordLayoutCatalog = {
        var catalog = RecordLayoutCatalog()
        for var layout in standardLayouts {
            layout.showsOtherCustomFields = true
            try? catalog.add(layout, isDefault: true)
        }
        for compact in standardCompactLayouts { catalog.setCompactLayout(compact) }
        return catalog
    }()

    private static let information: LocalizedText = ["en": "Information", "de": "Informationen", "ko": "정보"]
    private static let ownership: LocalizedText = ["en": "Ownership", "de": "Zuständigkeit", "ko": "담당"]
    private static let contactInfo: LocalizedText = ["en": "Contact details", "de": "Kontaktdaten", "ko": "연락처 정보"]
    private static let description: LocalizedText = ["en": "Description", "de": "Beschreibung", "ko": "설명"]

    static let standardLayouts: [RecordLayout] = [
        RecordLayout(name: "Lead Layout", object: "Lead", sections: [
            RecordLayoutSection(information, fields: ["FirstName", "LastName", "Company", "Status", "Product", "Region", "LeadSource"]),
            RecordLayoutSection(contactInfo, fields: ["Email"]),
            RecordLayoutSection(ownership, fields: [LayoutField("OwnerId", readOnly: true), LayoutField("PartnerAccountId", readOnly: true)]),
        ]),
        RecordLayout(name: "Opportunity Layout", object: "Opportunity", sections: [
            RecordLayoutSection(information, fields: ["Name", "AccountId", "StageName", "Amount", "CloseDate", "Probability", "NextStep", "Region"]),
            RecordLayoutSection(ownership, fields: [LayoutField("OwnerId", readOnly: true), LayoutField("PartnerAccountId", readOnly: true)]),
        ]),
        RecordLayout(name: "Case Layout", object: "Case", sections: [
            RecordLayoutSection(information, fields: ["Subject", "Status", "Priority", "Origin", "Product", LayoutField("CreatedDate", readOnly: true)]),
            RecordLayoutSection(description, columns: 1, fields: ["Description"]),
            RecordLayoutSection(ownership, fields: ["AccountId", "ContactId", LayoutField("OwnerId", readOnly: true)]),
        ]),
        RecordLayout(name: "Account Layout", object: "Account", sections: [
            RecordLayoutSection(information, fields: ["Name", "Industry", "Region", "Website", "IsPartner", "PartnerTier", "ParentId"]),
            RecordLayoutSection(ownership, fields: [LayoutField("OwnerId", readOnly: true)]),
        ], relatedLists: [
            RelatedList("Opportunity", field: "AccountId", columns: ["Name", "StageName", "Amount", "CloseDate"]),
            RelatedList("Case", field: "AccountId", columns: ["Subject", "Status", "Priority"]),
            RelatedList("Contact", field: "AccountId", columns: ["Name", "Email", "Phone"]),
        ]),
        RecordLayout(name: "Contact Layout", object: "Contact", sections: [
            RecordLayoutSection(information, fields: ["FirstName", "LastName", "AccountId"]),
            RecordLayoutSection(contactInfo, fields: ["Email", "Phone"]),
            RecordLayoutSection(ownership, fields: [LayoutField("OwnerId", readOnly: true)]),
        ], relatedLists: [RelatedList("Case", field: "ContactId", columns: ["Subject", "Status", "Priority"])]),
    ]

    static let standardCompactLayouts: [CompactLayout] = [
        CompactLayout(object: "Lead", title: ["FirstName", "LastName"], subtitle: ["Company"], keyFields: ["Company", "Status", "Email", "OwnerId"]),
        CompactLayout(object: "Opportunity", title: ["Name"], subtitle: ["AccountId"], keyFields: ["StageName", "Amount", "CloseDate", "OwnerId"]),
        CompactLayout(object: "Case", title: ["Subject"], keyFields: ["Status", "Priority", "CreatedDate"]),
        CompactLayout(object: "Account", title: ["Name"], subtitle: ["Industry"], keyFields: ["PartnerTier", "Region", "OwnerId"]),
        CompactLayout(object: "Contact", title: ["FirstName", "LastName"], subtitle: ["AccountId"], keyFields: ["Email", "Phone"]),
    ]
}
