/// A person at an account; external users are represented by a contact.
public struct Contact: SharedFieldsRecord {
    public static let entityType: EntityType = "Contact"
    public static var indexedFields: [IndexedField<Contact>] {
        [
            IndexedField("accountID") { $0.accountID.map { .reference($0.rawValue) } },
            IndexedField("email") { $0.email.map { .text($0.lowercased()) } },
        ]
    }

    /// The stored fields; read and write them as properties of the record itself, which
    /// looks them up here.
    public struct Fields: RecordFieldValues {
        /// The record's id.
        public var id: ID<Contact>
        /// The firstName.
        public var firstName: String
        /// The lastName.
        public var lastName: String
        /// The email.
        public var email: String?
        /// The phone.
        public var phone: String?
        /// The contact's account.
        public var accountID: ID<Account>?
        /// The owner.
        public var owner: Owner
        /// Custom field values by API name.
        public var customFields: CustomFieldValues
    }

    private var storage: FieldStorage<Fields>

    /// Creates a contact.
    public init(
        id: ID<Contact>, firstName: String = "", lastName: String, email: String? = nil, phone: String? = nil,
        accountID: ID<Account>?, owner: ID<User>, customFields: [String: FieldValue] = [:]
    ) {
        storage = FieldStorage(
            Fields(
                id: id, firstName: firstName, lastName: lastName, email: email, phone: phone, accountID: accountID,
                owner: .user(owner), customFields: CustomFieldValues(customFields)))
    }

    /// All fields at once; copies of the record share them until one copy changes.
    public var fields: Fields {
        get { storage.fields }
        set { storage = FieldStorage(newValue) }
    }

    /// A record holding `fields`.
    public init(fields: Fields) { storage = FieldStorage(fields) }

    public var id: ID<Contact> { storage.fields.id }

    public var accountID: ID<Account>? { storage.fields.accountID }

    /// First and last name.
    public var name: String {
        let f = storage.fields
        return f.firstName.isEmpty ? f.lastName : "\(f.firstName) \(f.lastName)"
    }

    public func value(of field: String) -> FieldValue? {
        switch field {
        case "Id": .reference(storage.fields.id.rawValue)
        case "FirstName": .text(storage.fields.firstName)
        case "LastName": .text(storage.fields.lastName)
        case "Name": .text(name)
        case "Email": storage.fields.email.map(FieldValue.text)
        case "Phone": storage.fields.phone.map(FieldValue.text)
        case "AccountId": storage.fields.accountID.map { .reference($0.rawValue) }
        case "OwnerId": .reference(storage.fields.owner.description)
        default: storage.fields.customFields[field]
        }
    }

    /// Checks standard fields: a last name, lengths, an e-mail address when given, no control
    /// characters in any text; custom values as ``Check/customFields(_:object:)`` checks them.
    public func validate() throws(ValidationError) {
        try Check.customFields(storage.fields.customFields, object: Self.entityType)
        try Check.text(storage.fields.lastName, field: "Contact.LastName", max: 80)
        try Check.text(storage.fields.firstName, field: "Contact.FirstName", max: 40, required: false)
        if let email = storage.fields.email { try Check.email(email, field: "Contact.Email") }
        if let phone = storage.fields.phone { try Check.text(phone, field: "Contact.Phone", max: 40, required: false) }
    }
}
