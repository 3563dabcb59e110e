/// A prospective customer; partners register leads (deal registration).
public struct Lead: Record, Hashable {
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

    public var id: ID<Lead>
    public var firstName: String
    public var lastName: String
    public var company: String
    public var email: String?
    public var status: Status
    /// Lead source, such as `Partner Referral` or `Web`.
    public var source: String?
    /// The partner account that registered or was assigned the lead.
    public var partnerAccountID: ID<Account>?
    public var region: String?
    /// Product of interest.
    public var product: String?
    public var owner: Owner
    public var customFields: [String: FieldValue]

    /// Creates a lead.
    public init(
        id: ID<Lead>, firstName: String = "", lastName: String, company: String, email: String? = nil,
        status: Status = .new, source: String? = nil, partnerAccountID: ID<Account>? = nil,
        region: String? = nil, product: String? = nil, owner: Owner, customFields: [String: FieldValue] = [:]
    ) {
        self.id = id
        self.firstName = firstName
        self.lastName = lastName
        self.company = company
        self.email = email
        self.status = status
        self.source = source
        self.partnerAccountID = partnerAccountID
        self.region = region
        self.product = product
        self.owner = owner
        self.customFields = customFields
    }

    /// Leads belong to no account until converted.
    public var accountID: ID<Account>? { nil }

    /// The lower-cased domain of the e-mail address, for duplicate detection.
    public var emailDomain: String? {
        guard let email, let at = email.lastIndex(of: "@") else { return nil }
        return email[email.index(after: at)...].lowercased()
    }

    public func value(of field: String) -> FieldValue? {
        switch field {
        case "Id": .reference(id.rawValue)
        case "FirstName": .text(firstName)
        case "LastName": .text(lastName)
        case "Company": .text(company)
        case "Email": email.map(FieldValue.text)
        case "Status": .picklist(status.rawValue)
        case "LeadSource": source.map(FieldValue.picklist)
        case "PartnerAccountId": partnerAccountID.map { .reference($0.rawValue) }
        case "Region": region.map(FieldValue.picklist)
        case "Product": product.map(FieldValue.picklist)
        case "OwnerId": .reference(owner.description)
        default: customFields[field]
        }
    }

    /// Checks standard fields: last name and company required, lengths, e-mail format.
    public func validate() throws(ValidationError) {
        try Check.text(lastName, field: "Lead.LastName", max: 80)
        try Check.text(firstName, field: "Lead.FirstName", max: 40, required: false)
        try Check.text(company, field: "Lead.Company", max: 255)
        if let email { try Check.email(email, field: "Lead.Email") }
    }
}
