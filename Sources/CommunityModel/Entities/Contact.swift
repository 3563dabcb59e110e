/// A person at an account; external users are represented by a contact.
public struct Contact: Record, Hashable {
    public static let entityType: EntityType = "Contact"
    public static var indexedFields: [IndexedField<Contact>] {
        [
            IndexedField("accountID") { $0.accountID.map { .reference($0.rawValue) } },
            IndexedField("email") { $0.email.map { .text($0.lowercased()) } },
        ]
    }

    public var id: ID<Contact>
    public var firstName: String
    public var lastName: String
    public var email: String?
    public var phone: String?
    /// The contact's account.
    public var accountID: ID<Account>?
    public var owner: Owner
    public var customFields: [String: FieldValue]

    /// Creates a contact.
    public init(
        id: ID<Contact>, firstName: String = "", lastName: String, email: String? = nil, phone: String? = nil,
        accountID: ID<Account>?, owner: ID<User>, customFields: [String: FieldValue] = [:]
    ) {
        self.id = id
        self.firstName = firstName
        self.lastName = lastName
        self.email = email
        self.phone = phone
        self.accountID = accountID
        self.owner = .user(owner)
        self.customFields = customFields
    }

    /// First and last name.
    public var name: String { firstName.isEmpty ? lastName : "\(firstName) \(lastName)" }

    public func value(of field: String) -> FieldValue? {
        switch field {
        case "Id": .reference(id.rawValue)
        case "FirstName": .text(firstName)
        case "LastName": .text(lastName)
        case "Name": .text(name)
        case "Email": email.map(FieldValue.text)
        case "Phone": phone.map(FieldValue.text)
        case "AccountId": accountID.map { .reference($0.rawValue) }
        case "OwnerId": .reference(owner.description)
        default: customFields[field]
        }
    }

    /// Checks standard fields: a last name, lengths, an e-mail address when given.
    public func validate() throws(ValidationError) {
        try Check.text(lastName, field: "Contact.LastName", max: 80)
        try Check.text(firstName, field: "Contact.FirstName", max: 40, required: false)
        if let email { try Check.email(email, field: "Contact.Email") }
        if let phone { try Check.text(phone, field: "Contact.Phone", max: 40, required: false) }
    }
}
