public import CommunityModel

/// A folder of saved reports and dashboards, shared the way records are: it is a ``Record`` of
/// the object `ReportFolder`, so the access engine decides who reads it from its owner, the
/// org-wide default for `ReportFolder`, the role hierarchy, sharing rules and manual shares
/// (``RecordShare``). Reading a folder lets a user read and run what is in it; editing it lets
/// them save into it. Profiles need object permissions on `ReportFolder` as on any object.
public struct ReportFolder: Record, Hashable {
    /// The table name.
    public static let entityType: EntityType = "ReportFolder"
    /// Indexed by owner (and folder).
    public static var indexedFields: [IndexedField<ReportFolder>] {
        [IndexedField("owner") { .reference($0.owner.description) }]
    }

    /// The identifier.
    public var id: ID<ReportFolder>
    /// The folder's name.
    public var name: String
    /// Who owns it.
    public var owner: Owner
    /// Custom field values (folders have none of their own; sharing rules may read these).
    public var customFields: [String: FieldValue]

    /// A folder.
    public init(id: ID<ReportFolder>, name: String, owner: Owner, customFields: [String: FieldValue] = [:]) {
        self.id = id
        self.name = name
        self.owner = owner
        self.customFields = customFields
    }

    /// Folders belong to no account.
    public var accountID: ID<Account>? { nil }

    /// `Id`, `Name`, `OwnerId` or a custom field.
    public func value(of field: String) -> FieldValue? {
        switch field {
        case "Id": .reference(id.rawValue)
        case "Name": .text(name)
        case "OwnerId": .reference(owner.description)
        default: customFields[field]
        }
    }

    /// A name of 1 to 80 characters without control characters.
    public func validate() throws {
        try Check.text(name, field: "ReportFolder.Name", max: 80)
        try Check.customFields(CustomFieldValues(customFields), object: Self.entityType)
    }
}
