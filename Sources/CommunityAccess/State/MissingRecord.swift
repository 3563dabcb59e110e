import CommunityModel

/// The filler of empty record slots (ids interned before their record arrived, deleted
/// records), so that record storage needs no optionals and can be read without copies.
struct MissingRecord: Record {
    static let entityType: EntityType = "MissingRecord"
    var id: ID<MissingRecord> = "missing"
    var owner: Owner = .user("missing")
    var accountID: ID<Account>? { nil }
    var customFields: [String: FieldValue] = [:]

    func value(of field: String) -> FieldValue? { nil }
}
