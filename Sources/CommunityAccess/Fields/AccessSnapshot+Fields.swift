public import CommunityModel

/// A record as one user may see it: only the fields the user may read.
public struct RedactedRecord: Sendable {
    /// The object.
    public var object: EntityType
    /// The record's id.
    public var id: String
    /// Readable fields and their values (fields without a value are absent).
    public var fields: [String: FieldValue]
    /// Fields hidden from the user.
    public var hiddenFields: Set<String>

    /// A readable field's value; `nil` when hidden or empty.
    public func value(of field: String) -> FieldValue? { fields[field] }
}

extension AccessSnapshot {
    /// The standard field names of the built-in objects (custom fields come from the record).
    static let standardFields: [EntityType: [String]] = [
        "Account": ["Id", "Name", "OwnerId", "ParentId", "IsPartner", "PartnerTier", "Region", "Industry", "Website"],
        "Contact": ["Id", "FirstName", "LastName", "Name", "Email", "Phone", "AccountId", "OwnerId"],
        "Case": [
            "Id", "Subject", "Description", "AccountId", "ContactId", "Status", "Priority", "Origin", "Product",
            "CreatedDate", "OwnerId", "NetworkId",
        ],
        "Opportunity": [
            "Id", "Name", "AccountId", "StageName", "Amount", "CloseDate", "Probability", "PartnerAccountId",
            "NextStep", "Region", "OwnerId", "NetworkId",
        ],
        "Lead": [
            "Id", "FirstName", "LastName", "Company", "Email", "Status", "LeadSource", "PartnerAccountId", "Region",
            "Product", "OwnerId", "NetworkId",
        ],
    ]

    /// Fields always readable when the record is: identity and ownership.
    static let alwaysReadable: Set<String> = ["Id", "Name", "OwnerId"]

    /// Field-level security of one field for a user: `.hidden`, `.read` or `.edit`.
    ///
    /// A field that no profile or permission set mentions follows the object permissions
    /// (Read ⇒ read, Edit ⇒ edit). A field some profile or set mentions must be granted.
    /// View All Fields grants read on every field.
    public func fieldAccess(_ user: ID<User>, object: EntityType, field: String) -> FieldAccess {
        guard let p = permissions(user) else { return .hidden }
        let op = objectPermissions(user, on: object)
        guard op.contains(.read) else { return .hidden }
        let objectLevel: FieldAccess = op.contains(.edit) ? .edit : .read
        if Self.alwaysReadable.contains(field) { return field == "Id" ? .read : objectLevel }
        var granted: FieldAccess
        if state.controlledFields(object).contains(field) {
            granted = min(p.fields[object]?[field] ?? .hidden, objectLevel)
        } else {
            granted = objectLevel
        }
        if op.contains(.viewAllFields) || p.viewAllData { granted = max(granted, .read) }
        return granted
    }

    /// The record with the fields the user may not read removed; `nil` if the user may not
    /// read the record at all.
    public func redact<R: Record>(_ record: R, for user: ID<User>) -> RedactedRecord? {
        guard access(user, to: record) >= .read else { return nil }
        var names = Self.standardFields[R.entityType] ?? ["Id", "OwnerId"]
        names += record.customFields.keys.sorted()
        var out = RedactedRecord(object: R.entityType, id: record.id.rawValue, fields: [:], hiddenFields: [])
        for name in names {
            if fieldAccess(user, object: R.entityType, field: name) >= .read {
                if let v = record.value(of: name) { out.fields[name] = v }
            } else {
                out.hiddenFields.insert(name)
            }
        }
        return out
    }

    /// Checks that the user may save `updated` over `original`: edit access to the record,
    /// and edit permission on every field whose value changes.
    ///
    /// - Throws: ``AccessError/insufficientAccess(user:object:record:action:)`` or
    ///   ``AccessError/fieldNotEditable(user:object:field:)`` naming the first field refused.
    public func authorizeEdit<R: Record>(_ user: ID<User>, original: R, updated: R) throws(AccessError) {
        guard can(user, .edit, original) else {
            throw .insufficientAccess(user: user, object: R.entityType, record: original.id.rawValue, action: .edit)
        }
        var names = Self.standardFields[R.entityType] ?? []
        names += Set(original.customFields.keys).union(updated.customFields.keys).sorted()
        for name in names where name != "Id" && name != "OwnerId" {
            guard original.value(of: name) != updated.value(of: name) else { continue }
            if fieldAccess(user, object: R.entityType, field: name) < .edit {
                throw .fieldNotEditable(user: user, object: R.entityType, field: name)
            }
        }
        if original.owner != updated.owner, !can(user, .transfer, original) {
            throw .insufficientAccess(user: user, object: R.entityType, record: original.id.rawValue, action: .transfer)
        }
    }

    /// Checks that the user may change these fields of the record.
    public func authorizeFieldEdits<R: Record>(_ user: ID<User>, record: R, fields: [String]) throws(AccessError) {
        guard can(user, .edit, record) else {
            throw .insufficientAccess(user: user, object: R.entityType, record: record.id.rawValue, action: .edit)
        }
        for name in fields where fieldAccess(user, object: R.entityType, field: name) < .edit {
            throw .fieldNotEditable(user: user, object: R.entityType, field: name)
        }
    }
}

extension AccessState {
    /// Fields of an object that some profile or permission set mentions.
    func controlledFields(_ object: EntityType) -> Set<String> {
        var out: Set<String> = []
        for p in profiles.values { out.formUnion(p.permissions.fields[object]?.keys ?? [:].keys) }
        for p in permissionSets.values { out.formUnion(p.permissions.fields[object]?.keys ?? [:].keys) }
        return out
    }
}
