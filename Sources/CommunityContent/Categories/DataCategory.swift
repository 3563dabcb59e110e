public import CommunityModel

/// One node of a data category group's tree.
public struct DataCategory: Entity, Hashable {
    /// The store table name.
    public static let entityType: EntityType = "DataCategory"
    /// Fields the store indexes for queries.
    public static var indexedFields: [IndexedField<DataCategory>] {
        [IndexedField("groupID") { .reference($0.groupID.rawValue) }]
    }

    /// The identifier.
    public var id: ID<DataCategory>
    /// The group it belongs to.
    public var groupID: ID<DataCategoryGroup>
    /// Its parent, or `nil` at the top of the group.
    public var parentID: ID<DataCategory>?
    /// The label.
    public var name: String

    /// Creates a category.
    public init(id: ID<DataCategory>, groupID: ID<DataCategoryGroup>, parentID: ID<DataCategory>? = nil, name: String) {
        self.id = id
        self.groupID = groupID
        self.parentID = parentID
        self.name = name
    }
}
