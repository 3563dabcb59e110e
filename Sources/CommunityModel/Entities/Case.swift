public import Foundation

/// A support request from a customer or partner.
public struct Case: SharedFieldsRecord {
    /// How urgent the case is.
    public enum Priority: String, Hashable, Sendable, Codable, CaseIterable, Comparable {
        case low, medium, high, critical

        public static func < (lhs: Priority, rhs: Priority) -> Bool {
            (allCases.firstIndex(of: lhs) ?? 0) < (allCases.firstIndex(of: rhs) ?? 0)
        }
    }

    /// Where the case came from.
    public enum Origin: String, Hashable, Sendable, Codable, CaseIterable {
        case web, email, phone, community, chat, question
    }

    public static let entityType: EntityType = "Case"
    public static var indexedFields: [IndexedField<Case>] {
        [
            IndexedField("owner") { .reference($0.owner.description) },
            IndexedField("accountID") { $0.accountID.map { .reference($0.rawValue) } },
            IndexedField("contactID") { $0.contactID.map { .reference($0.rawValue) } },
            IndexedField("status") { .picklist($0.status) },
            IndexedField("priority") { .picklist($0.priority.rawValue) },
            IndexedField("createdAt") { .dateTime($0.createdAt) },
        ]
    }

    /// The stored fields of a case; read and write them as properties of the case itself
    /// (`case.status`), which looks them up here.
    public struct Fields: RecordFieldValues {
        public var id: ID<Case>
        /// A one-line summary.
        public var subject: String
        /// The full description.
        public var description: String
        /// The customer's account.
        public var accountID: ID<Account>?
        /// The contact who raised the case.
        public var contactID: ID<Contact>?
        /// Status name from the site's configured lifecycle, such as `New` or `Closed`.
        public var status: String
        /// How urgent the case is.
        public var priority: Priority
        /// Where the case came from.
        public var origin: Origin
        /// Product the case is about.
        public var product: String?
        /// When the case was opened.
        public var createdAt: Date
        /// The owner: a user or a queue.
        public var owner: Owner
        /// Custom field values by API name.
        public var customFields: CustomFieldValues
        /// The site it was created through (Salesforce's NetworkId); `nil` when the host created it outside any site.
        public var siteID: String?
    }

    private var storage: FieldStorage<Fields>

    /// Creates a case.
    public init(
        id: ID<Case>, subject: String, description: String = "", accountID: ID<Account>? = nil,
        contactID: ID<Contact>? = nil, status: String = "New", priority: Priority = .medium,
        origin: Origin = .web, product: String? = nil, createdAt: Date = Date(timeIntervalSince1970: 0),
        owner: Owner, customFields: [String: FieldValue] = [:], siteID: String? = nil
    ) {
        storage = FieldStorage(
            Fields(
                id: id, subject: subject, description: description, accountID: accountID, contactID: contactID,
                status: status, priority: priority, origin: origin, product: product, createdAt: createdAt,
                owner: owner, customFields: CustomFieldValues(customFields), siteID: siteID))
    }

    /// All fields at once; copies of the record share them until one copy changes.
    public var fields: Fields {
        get { storage.fields }
        set { storage = FieldStorage(newValue) }
    }

    /// A record holding `fields`.
    public init(fields: Fields) { storage = FieldStorage(fields) }

    public var id: ID<Case> { storage.fields.id }
    public var accountID: ID<Account>? { storage.fields.accountID }

    public func value(of field: String) -> FieldValue? {
        switch field {
        case "Id": .reference(storage.fields.id.rawValue)
        case "Subject": .text(storage.fields.subject)
        case "Description": .text(storage.fields.description)
        case "AccountId": storage.fields.accountID.map { .reference($0.rawValue) }
        case "ContactId": storage.fields.contactID.map { .reference($0.rawValue) }
        case "Status": .picklist(storage.fields.status)
        case "Priority": .picklist(storage.fields.priority.rawValue)
        case "Origin": .picklist(storage.fields.origin.rawValue)
        case "Product": storage.fields.product.map(FieldValue.picklist)
        case "CreatedDate": .dateTime(storage.fields.createdAt)
        case "OwnerId": .reference(storage.fields.owner.description)
        case "NetworkId": storage.fields.siteID.map { .reference($0) }
        default: storage.fields.customFields[field]
        }
    }

    /// Checks standard fields: a subject of at most 255 characters, a description of at most
    /// 32,000, a status of at most 40, a product of at most 255, a finite creation date; no
    /// control characters in any text; custom values as ``Check/customFields(_:object:)`` checks them.
    public func validate() throws(ValidationError) {
        let f = storage.fields
        try Check.text(f.subject, field: "Case.Subject", max: 255)
        try Check.text(f.description, field: "Case.Description", max: 32_000, required: false)
        try Check.text(f.status, field: "Case.Status", max: 40)
        try Check.optionalText(f.product, field: "Case.Product", max: 255)
        try Check.finite(f.createdAt.timeIntervalSinceReferenceDate, field: "Case.CreatedDate")
        try Check.optionalText(f.siteID, field: "Case.NetworkId", max: 64)
        try Check.customFields(f.customFields, object: Self.entityType)
    }
}
