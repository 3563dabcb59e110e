public import CommunityModel
public import Foundation

/// A topic: a label members put on articles, discussions and files, with a page of its
/// own. Navigational topics form the site's menu and featured topics its highlights,
/// each in an order.
public struct Topic: Entity, Hashable {
    /// The store table name.
    public static let entityType: EntityType = "Topic"
    /// Fields the store indexes for queries.
    public static var indexedFields: [IndexedField<Topic>] {
        [IndexedField("normalizedName") { $0.mergedInto == nil ? .text($0.normalizedName) : nil }]
    }

    /// The identifier.
    public var id: ID<Topic>
    /// The name shown.
    public var name: String
    /// The name folded for uniqueness and matching (case, width, umlauts).
    public var normalizedName: String
    /// A description for the topic page.
    public var description: String
    /// Position in the navigation menu, or `nil` when not navigational.
    public var navigationalOrder: Int?
    /// Position among featured topics, or `nil` when not featured.
    public var featuredOrder: Int?
    /// Set when the topic was merged into another (its assignments moved there).
    public var mergedInto: ID<Topic>?
    /// When it was created.
    public var createdAt: Date

    /// Creates a topic.
    public init(id: ID<Topic>, name: String, description: String = "", createdAt: Date) {
        self.id = id
        self.name = name
        self.normalizedName = Self.normalize(name)
        self.description = description
        self.createdAt = createdAt
    }

    /// The folded form of a topic name.
    public static func normalize(_ name: String) -> String {
        Tokenizer.tokens(name).map(\.text).joined(separator: " ")
    }
}
