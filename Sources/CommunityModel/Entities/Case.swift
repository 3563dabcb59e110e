public import Foundation

/// A support request from a customer or partner.
public struct Case: Record, Hashable {
    /// How urgent the case is.
    public enum Priority: String, Hashable, Sendable, Codable, CaseIterable, Comparable {
        case low, medium, high, critical

        public static func < (lhs: Priority, rhs: Priority) -> Bool {
            allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
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
    public var priority: Priority
    public var origin: Origin
    /// Product the case is about.
    public var product: String?
    /// When the case was opened.
    public var createdAt: Date
    /// The owner: a user or a queue.
    public var owner: Owner
    public var customFields: [String: FieldValue]

    /// Creates a case.
    public init(
        id: ID<Case>, subject: String, description: String = "", accountID: ID<Account>? = nil,
        contactID: ID<Contact>? = nil, status: String = "New", priority: Priority = .medium,
        origin: Origin = .web, product: String? = nil, createdAt: Date = Date(timeIntervalSince1970: 0),
        owner: Owner, customFields: [String: FieldValue] = [:]
    ) {
        self.id = id
        self.subject = subject
        self.description = description
        self.accountID = accountID
        self.contactID = contactID
        self.status = status
        self.priority = priority
        self.origin = origin
        self.product = product
        self.createdAt = createdAt
        self.owner = owner
        self.customFields = customFields
    }

    public func value(of field: String) -> FieldValue? {
        switch field {
        case "Id": .reference(id.rawValue)
        case "Subject": .text(subject)
        case "Description": .text(description)
        case "AccountId": accountID.map { .reference($0.rawValue) }
        case "ContactId": contactID.map { .reference($0.rawValue) }
        case "Status": .picklist(status)
        case "Priority": .picklist(priority.rawValue)
        case "Origin": .picklist(origin.rawValue)
        case "Product": product.map(FieldValue.picklist)
        case "CreatedDate": .dateTime(createdAt)
        case "OwnerId": .reference(owner.description)
        default: customFields[field]
        }
    }

    /// Checks standard fields: a subject of at most 255 characters, a description of at most 32,000.
    public func validate() throws(ValidationError) {
        try Check.text(subject, field: "Case.Subject", max: 255)
        try Check.text(description, field: "Case.Description", max: 32_000, required: false)
        try Check.text(status, field: "Case.Status", max: 40)
    }
}
