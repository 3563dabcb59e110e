/// The permissions a profile or permission set carries: object permissions per object,
/// field-level security per field, and system permissions.
public struct PermissionGrants: Hashable, Sendable, Codable {
    /// Object permissions, by object name (`Case`, `Project__c`).
    public var objects: [EntityType: ObjectPermissions]
    /// Field-level security, by object and field API name.
    public var fields: [EntityType: [String: FieldAccess]]
    /// System permissions.
    public var system: Set<SystemPermission>

    /// Creates a permission payload.
    public init(
        objects: [EntityType: ObjectPermissions] = [:], fields: [EntityType: [String: FieldAccess]] = [:],
        system: Set<SystemPermission> = []
    ) {
        self.objects = objects
        self.fields = fields
        self.system = system
    }

    /// Nothing granted.
    public static let empty = PermissionGrants()
}
