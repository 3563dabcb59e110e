public import CommunityModel
public import Foundation

/// A folder of files, such as the partner marketing library. Partner users see it when
/// their account's tier is at least ``minimumTier``; employees always; customers when
/// ``customersSee`` is set.
public struct Library: Entity, Hashable {
    /// The store table name.
    public static let entityType: EntityType = "Library"

    /// The identifier.
    public var id: ID<Library>
    /// The name.
    public var name: String
    public var description: String
    /// The lowest partner tier that sees the library; `nil` hides it from partners.
    public var minimumTier: Account.PartnerTier?
    /// Whether customer users see it.
    public var customersSee: Bool
    /// When it was created.
    public var createdAt: Date

    /// Creates a library.
    public init(
        id: ID<Library>, name: String, description: String = "", minimumTier: Account.PartnerTier? = .registered,
        customersSee: Bool = false, createdAt: Date
    ) {
        self.id = id
        self.name = name
        self.description = description
        self.minimumTier = minimumTier
        self.customersSee = customersSee
        self.createdAt = createdAt
    }
}
