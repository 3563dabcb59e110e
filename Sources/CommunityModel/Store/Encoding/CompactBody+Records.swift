import Foundation

// The direct compact forms of the record types: each record stores the flat object of its
// `Fields`, keys in declaration order, optionals that are `nil` left out (the synthesised
// `Codable` form). Readers look keys up by name, so bodies with keys in another order,
// unknown keys or absent optionals read as the `Codable` path reads them.

extension SharedFieldsRecord where Fields: CompactBodyCodable {
    /// Writes the record's fields.
    public func writeCompactBody(to writer: inout CompactBodyWriter) { fields.writeCompactBody(to: &writer) }

    /// Reads the record's fields.
    ///
    /// - Throws: `DecodingError` when the bytes are not the fields' compact form.
    public init(compactBody reader: inout CompactBodyReader) throws { self.init(fields: try Fields(compactBody: &reader)) }
}

/// 1 for a value, 0 for `nil`: the entry count of a keyed container leaves out `nil` optionals.
@inline(__always)
func presence<T>(_ value: T?) -> Int { value == nil ? 0 : 1 }

extension Account: CompactBodyCodable {}
extension Case: CompactBodyCodable {}
extension Contact: CompactBodyCodable {}
extension Lead: CompactBodyCodable {}
extension Opportunity: CompactBodyCodable {}

extension Account.Fields: CompactBodyCodable {
    private static let keys = CompactBodyKeys([
        "id", "name", "owner", "parentID", "isPartner", "partnerTier", "region", "industry", "website", "customFields",
    ])

    /// Writes the synthesised form.
    public func writeCompactBody(to w: inout CompactBodyWriter) {
        w.keyed(count: 5 + presence(parentID) + presence(partnerTier) + presence(region) + presence(industry) + presence(website))
        w.key("id"); w.id(id)
        w.key("name"); w.string(name)
        w.key("owner"); w.value(owner)
        if let parentID { w.key("parentID"); w.id(parentID) }
        w.key("isPartner"); w.bool(isPartner)
        if let partnerTier { w.key("partnerTier"); w.rawValue(partnerTier) }
        if let region { w.key("region"); w.string(region) }
        if let industry { w.key("industry"); w.string(industry) }
        if let website { w.key("website"); w.string(website) }
        w.key("customFields"); w.value(customFields)
    }

    /// Reads the synthesised form.
    ///
    /// - Throws: `DecodingError` when a required field is missing or a value is malformed.
    public init(compactBody r: inout CompactBodyReader) throws {
        var id: ID<Account>?, name: String?, owner: Owner?, parentID: ID<Account>?, isPartner: Bool?
        var partnerTier: Account.PartnerTier?, region: String?, industry: String?, website: String?
        var customFields: CustomFieldValues?
        var entries = try r.entries(Self.keys)
        while let field = try entries.next(&r) {
            switch field {
            case 0: id = try r.id()
            case 1: name = try r.string()
            case 2: owner = try r.value()
            case 3: parentID = try r.optionalID()
            case 4: isPartner = try r.bool()
            case 5: partnerTier = try r.optionalRawValue()
            case 6: region = try r.optionalString()
            case 7: industry = try r.optionalString()
            case 8: website = try r.optionalString()
            default: customFields = try r.value()
            }
        }
        self.init(
            id: try CompactBodyReader.required(id, "id"), name: try CompactBodyReader.required(name, "name"),
            owner: try CompactBodyReader.required(owner, "owner"), parentID: parentID,
            isPartner: try CompactBodyReader.required(isPartner, "isPartner"), partnerTier: partnerTier, region: region,
            industry: industry, website: website, customFields: try CompactBodyReader.required(customFields, "customFields"))
    }
}

extension Case.Fields: CompactBodyCodable {
    private static let keys = CompactBodyKeys([
        "id", "subject", "description", "accountID", "contactID", "status", "priority", "origin", "product", "createdAt",
        "owner", "customFields", "siteID",
    ])

    /// Writes the synthesised form.
    public func writeCompactBody(to w: inout CompactBodyWriter) {
        w.keyed(count: 9 + presence(accountID) + presence(contactID) + presence(product) + presence(siteID))
        w.key("id"); w.id(id)
        w.key("subject"); w.string(subject)
        w.key("description"); w.string(description)
        if let accountID { w.key("accountID"); w.id(accountID) }
        if let contactID { w.key("contactID"); w.id(contactID) }
        w.key("status"); w.string(status)
        w.key("priority"); w.rawValue(priority)
        w.key("origin"); w.rawValue(origin)
        if let product { w.key("product"); w.string(product) }
        w.key("createdAt"); w.date(createdAt)
        w.key("owner"); w.value(owner)
        w.key("customFields"); w.value(customFields)
        if let siteID { w.key("siteID"); w.string(siteID) }
    }

    /// Reads the synthesised form.
    ///
    /// - Throws: `DecodingError` when a required field is missing or a value is malformed.
    public init(compactBody r: inout CompactBodyReader) throws {
        var id: ID<Case>?, subject: String?, description: String?, accountID: ID<Account>?, contactID: ID<Contact>?
        var status: String?, priority: Case.Priority?, origin: Case.Origin?, product: String?, createdAt: Date?
        var owner: Owner?, customFields: CustomFieldValues?, siteID: String?
        var entries = try r.entries(Self.keys)
        while let field = try entries.next(&r) {
            switch field {
            case 0: id = try r.id()
            case 1: subject = try r.string()
            case 2: description = try r.string()
            case 3: accountID = try r.optionalID()
            case 4: contactID = try r.optionalID()
            case 5: status = try r.string()
            case 6: priority = try r.rawValue()
            case 7: origin = try r.rawValue()
            case 8: product = try r.optionalString()
            case 9: createdAt = try r.date()
            case 10: owner = try r.value()
            case 11: customFields = try r.value()
            default: siteID = try r.optionalString()
            }
        }
        self.init(
            id: try CompactBodyReader.required(id, "id"), subject: try CompactBodyReader.required(subject, "subject"),
            description: try CompactBodyReader.required(description, "description"), accountID: accountID,
            contactID: contactID, status: try CompactBodyReader.required(status, "status"),
            priority: try CompactBodyReader.required(priority, "priority"),
            origin: try CompactBodyReader.required(origin, "origin"), product: product,
            createdAt: try CompactBodyReader.required(createdAt, "createdAt"),
            owner: try CompactBodyReader.required(owner, "owner"),
            customFields: try CompactBodyReader.required(customFields, "customFields"), siteID: siteID)
    }
}

extension Contact.Fields: CompactBodyCodable {
    private static let keys = CompactBodyKeys([
        "id", "firstName", "lastName", "email", "phone", "accountID", "owner", "customFields",
    ])

    /// Writes the synthesised form.
    public func writeCompactBody(to w: inout CompactBodyWriter) {
        w.keyed(count: 5 + presence(email) + presence(phone) + presence(accountID))
        w.key("id"); w.id(id)
        w.key("firstName"); w.string(firstName)
        w.key("lastName"); w.string(lastName)
        if let email { w.key("email"); w.string(email) }
        if let phone { w.key("phone"); w.string(phone) }
        if let accountID { w.key("accountID"); w.id(accountID) }
        w.key("owner"); w.value(owner)
        w.key("customFields"); w.value(customFields)
    }

    /// Reads the synthesised form.
    ///
    /// - Throws: `DecodingError` when a required field is missing or a value is malformed.
    public init(compactBody r: inout CompactBodyReader) throws {
        var id: ID<Contact>?, firstName: String?, lastName: String?, email: String?, phone: String?
        var accountID: ID<Account>?, owner: Owner?, customFields: CustomFieldValues?
        var entries = try r.entries(Self.keys)
        while let field = try entries.next(&r) {
            switch field {
            case 0: id = try r.id()
            case 1: firstName = try r.string()
            case 2: lastName = try r.string()
            case 3: email = try r.optionalString()
            case 4: phone = try r.optionalString()
            case 5: accountID = try r.optionalID()
            case 6: owner = try r.value()
            default: customFields = try r.value()
            }
        }
        self.init(
            id: try CompactBodyReader.required(id, "id"), firstName: try CompactBodyReader.required(firstName, "firstName"),
            lastName: try CompactBodyReader.required(lastName, "lastName"), email: email, phone: phone,
            accountID: accountID, owner: try CompactBodyReader.required(owner, "owner"),
            customFields: try CompactBodyReader.required(customFields, "customFields"))
    }
}

extension Lead.Fields: CompactBodyCodable {
    private static let keys = CompactBodyKeys([
        "id", "firstName", "lastName", "company", "email", "status", "source", "partnerAccountID", "region", "product",
        "owner", "customFields", "siteID",
    ])

    /// Writes the synthesised form.
    public func writeCompactBody(to w: inout CompactBodyWriter) {
        w.keyed(
            count: 7 + presence(email) + presence(source) + presence(partnerAccountID) + presence(region)
                + presence(product) + presence(siteID))
        w.key("id"); w.id(id)
        w.key("firstName"); w.string(firstName)
        w.key("lastName"); w.string(lastName)
        w.key("company"); w.string(company)
        if let email { w.key("email"); w.string(email) }
        w.key("status"); w.rawValue(status)
        if let source { w.key("source"); w.string(source) }
        if let partnerAccountID { w.key("partnerAccountID"); w.id(partnerAccountID) }
        if let region { w.key("region"); w.string(region) }
        if let product { w.key("product"); w.string(product) }
        w.key("owner"); w.value(owner)
        w.key("customFields"); w.value(customFields)
        if let siteID { w.key("siteID"); w.string(siteID) }
    }

    /// Reads the synthesised form.
    ///
    /// - Throws: `DecodingError` when a required field is missing or a value is malformed.
    public init(compactBody r: inout CompactBodyReader) throws {
        var id: ID<Lead>?, firstName: String?, lastName: String?, company: String?, email: String?
        var status: Lead.Status?, source: String?, partnerAccountID: ID<Account>?, region: String?, product: String?
        var owner: Owner?, customFields: CustomFieldValues?, siteID: String?
        var entries = try r.entries(Self.keys)
        while let field = try entries.next(&r) {
            switch field {
            case 0: id = try r.id()
            case 1: firstName = try r.string()
            case 2: lastName = try r.string()
            case 3: company = try r.string()
            case 4: email = try r.optionalString()
            case 5: status = try r.rawValue()
            case 6: source = try r.optionalString()
            case 7: partnerAccountID = try r.optionalID()
            case 8: region = try r.optionalString()
            case 9: product = try r.optionalString()
            case 10: owner = try r.value()
            case 11: customFields = try r.value()
            default: siteID = try r.optionalString()
            }
        }
        self.init(
            id: try CompactBodyReader.required(id, "id"), firstName: try CompactBodyReader.required(firstName, "firstName"),
            lastName: try CompactBodyReader.required(lastName, "lastName"),
            company: try CompactBodyReader.required(company, "company"), email: email,
            status: try CompactBodyReader.required(status, "status"), source: source,
            partnerAccountID: partnerAccountID, region: region, product: product,
            owner: try CompactBodyReader.required(owner, "owner"),
            customFields: try CompactBodyReader.required(customFields, "customFields"), siteID: siteID)
    }
}

extension Opportunity.Fields: CompactBodyCodable {
    private static let keys = CompactBodyKeys([
        "id", "name", "accountID", "stage", "amount", "closeDate", "probability", "partnerAccountID", "nextStep", "region",
        "owner", "customFields", "siteID",
    ])

    /// Writes the synthesised form.
    public func writeCompactBody(to w: inout CompactBodyWriter) {
        w.keyed(
            count: 7 + presence(accountID) + presence(amount) + presence(partnerAccountID) + presence(nextStep)
                + presence(region) + presence(siteID))
        w.key("id"); w.id(id)
        w.key("name"); w.string(name)
        if let accountID { w.key("accountID"); w.id(accountID) }
        w.key("stage"); w.string(stage)
        if let amount { w.key("amount"); w.decimal(amount) }
        w.key("closeDate"); w.value(closeDate)
        w.key("probability"); w.integer(Int64(probability))
        if let partnerAccountID { w.key("partnerAccountID"); w.id(partnerAccountID) }
        if let nextStep { w.key("nextStep"); w.string(nextStep) }
        if let region { w.key("region"); w.string(region) }
        w.key("owner"); w.value(owner)
        w.key("customFields"); w.value(customFields)
        if let siteID { w.key("siteID"); w.string(siteID) }
    }

    /// Reads the synthesised form.
    ///
    /// - Throws: `DecodingError` when a required field is missing or a value is malformed.
    public init(compactBody r: inout CompactBodyReader) throws {
        var id: ID<Opportunity>?, name: String?, accountID: ID<Account>?, stage: String?, amount: Decimal?
        var closeDate: Day?, probability: Int?, partnerAccountID: ID<Account>?, nextStep: String?, region: String?
        var owner: Owner?, customFields: CustomFieldValues?, siteID: String?
        var entries = try r.entries(Self.keys)
        while let field = try entries.next(&r) {
            switch field {
            case 0: id = try r.id()
            case 1: name = try r.string()
            case 2: accountID = try r.optionalID()
            case 3: stage = try r.string()
            case 4: amount = try r.optionalDecimal()
            case 5: closeDate = try r.value()
            case 6: probability = try r.int()
            case 7: partnerAccountID = try r.optionalID()
            case 8: nextStep = try r.optionalString()
            case 9: region = try r.optionalString()
            case 10: owner = try r.value()
            case 11: customFields = try r.value()
            default: siteID = try r.optionalString()
            }
        }
        self.init(
            id: try CompactBodyReader.required(id, "id"), name: try CompactBodyReader.required(name, "name"),
            accountID: accountID, stage: try CompactBodyReader.required(stage, "stage"), amount: amount,
            closeDate: try CompactBodyReader.required(closeDate, "closeDate"),
            probability: try CompactBodyReader.required(probability, "probability"),
            partnerAccountID: partnerAccountID, nextStep: nextStep, region: region,
            owner: try CompactBodyReader.required(owner, "owner"),
            customFields: try CompactBodyReader.required(customFields, "customFields"), siteID: siteID)
    }
}
