import CommunityModel

/// A custom object for tests: `Project__c`, owned by users.
struct Project: Record, Hashable {
    static let entityType: EntityType = "Project__c"
    var id: ID<Project>
    var owner: Owner
    var accountID: ID<Account>?
    var customFields: [String: FieldValue]

    init(_ id: String, owner: String, account: String? = nil, fields: [String: FieldValue] = [:]) {
        self.id = ID(id)
        self.owner = .user(ID(owner))
        self.accountID = account.map { ID($0) }
        self.customFields = fields
    }

    func value(of field: String) -> FieldValue? {
        switch field {
        case "Id": .reference(id.rawValue)
        case "OwnerId": .reference(owner.description)
        case "AccountId": accountID.map { .reference($0.rawValue) }
        default: customFields[field]
        }
    }
}

extension Record {
    /// The record's id as a string (usable on an existential).
    var testID: String { id.rawValue }
}
