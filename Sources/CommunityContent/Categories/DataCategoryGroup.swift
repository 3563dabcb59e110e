public import CommunityModel

/// A tree of data categories, such as "Products" or "Regions"; articles are classified in
/// categories of one or more groups.
public struct DataCategoryGroup: Entity, Hashable {
    /// The store table name.
    public static let entityType: EntityType = "DataCategoryGroup"

    /// The identifier.
    public var id: ID<DataCategoryGroup>
    /// The group's label.
    public var name: String

    /// Creates a group.
    public init(id: ID<DataCategoryGroup>, name: String) {
        self.id = id
        self.name = name
    }
}
