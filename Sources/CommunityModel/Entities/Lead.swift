/// A prospective customer; partners register leads (deal registration).
public struct Lead: SharedFieldsRecord {
    /// Where a lead is in its life.
    public enum Status: String, Hashable, Sendable, Codable, CaseIterable {
        case new, working, submitted, approved, rejected, qualified, unqualified, converted
    }

    public static let entityType: EntityType = "Lead"
    public static var indexedFields: [IndexedField<Lead>] {
        [
            IndexedField("owner") { .reference($0.owner.description) },
            IndexedField("status") { .picklist($0.status.rawValue) },
            IndexedField("partnerAccountID") { $0.partnerAccountID.map { .reference($0.rawValue) } },
            IndexedField("normalizedCompany") { .text(Account.normalize(name: $0.company)) },
            IndexedField("emailDomain") { $0.emailDomain.map(FieldValue.text) },
            IndexedField("region") { $0.region.map(FieldValue.picklist) },
        ]
    }

    /// The stored fields; read and write them as properties of the record itself, which
    /// looks them up here.
    public struct Fields: RecordFieldValues {
        /// The record's id.
        public var id: ID<Lead>
        /// The firstName.
        public var firstName: String
        /// The lastName.
        public var lastName: String
        /// The company.
        public var company: String
        /// The email.
        public var email: String?
        /// The status.
        public var status: Status
        /// Lead source, such as `Partner Referral` or `Web`.
        public var source: String?
        /// The partner account that registered or was assigned the lead.
        public var partnerAccountID: ID<Account>?
        /// The region.
        public var region: String?
        /// Product of interest.
        public var product: String?
        /// The owner.
        public var owner: Owner
        /// Custom field values by API name.
        public var customFields: CustomFieldValues
        /// The site it was created through (Salesforce's NetworkId); `nil` when the host created it outside any site.
        public var siteID: String?
    }

    private var storage: FieldStorage<Fields>

    /// Creates a lead.
    public init(
        id: ID<Lead>, firstName: String = "", lastName: String, company: String, email: String? = nil,
        status: Status = .new, source: String? = nil, partnerAccountID: ID<Account>? = nil,
        region: String? = nil, product: String? = nil, owner: Owner, customFields: [String: FieldValue] = [:], siteID: String? = nil
    ) {
        storage = FieldStorage(
            Fields(
                id: id, firstName: firstName, lastName: lastName, company: company, email: email, status: status,
                source: source, partnerAccountID: partnerAccountID, region: region, product: product, owner: owner,
                customFields: CustomFieldValues(customFields), siteID: siteID))
    }

    /// All fields at once; copies of the record share them until one copy changes.
    public var fields: Fields {
        get { storage.fields }
        set { storage = FieldStorage(newValue) }
    }

    /// A record holding `fields`.
    public init(fields: Fields) { storage = FieldStorage(fields) }

    public var id: ID<Lead> { storage.fields.id }

    /// Leads belong to no account until converted.
    public var accountID: ID<Account>? { nil }

    /// The lower-cased domain of the e-mail address, for duplicate detection.
    public var emailDomain: String? {
        guard let email = storage.fields.email, let at = email.lastIndex(of: "@") else { return nil }
        return email[email.index(after: at)...].lowercased()
    }

    public func value(of field: String) -> FieldValue? {
        switch field {
        case "Id": .reference(storage.fields.id.rawValue)
        case "FirstName": .text(storage.fields.firstName)
        case "LastName": .text(storage.fields.lastName)
        case "Company": .text(storage.fields.company)
        case "Email": storage.fields.email.map(FieldValue.text)
        case "Status": .picklist(storage.fields.status.rawValue)
        case "LeadSource": storage.fields.source.map(FieldValue.picklist)
        case "PartnerAccountId": storage.fields.partnerAccountID.map { .reference($0.rawValue) }
        case "Region": storage.fields.region.map(FieldValue.picklist)
        case "Product": storage.fields.product.map(FieldValue.picklist)
        case "OwnerId": .reference(storage.fields.owner.description)
        case "NetworkId": storage.fields.siteID.map { .reference($0) }
        default: storage.fields.customFields[field]
        }
    }

    /// Checks standard fields: last name and company required, lengths, e-mail format; source
    /// and region of at most 40 characters, product of at most 255; no control characters in
    /// any text; custom values as ``Check/customFields(_:object:)`` checks them.
    public func validate() throws(ValidationError) {
        let f = storage.fields
        try Check.text(f.lastName, field: "Lead.LastName", max: 80)
        try Check.text(f.firstName, field: "Lead.FirstName", max: 40, required: false)
        try Check.text(f.company, field: "Lead.Company", max: 255)
        if let email = f.email { try Check.email(email, field: "Lead.Email") }
        try Check.optionalText(f.source, field: "Lead.LeadSource", max: 40)
        try Check.optionalText(f.region, field: "Lead.Region", max: 40)
        try Check.optionalText(f.product, field: "Lead.Product", max: 255)
        try Check.optionalText(f.siteID, field: "Lead.NetworkId", max: 64)
        try Check.customFields(f.customFields, object: Self.entityType)
    }
}
