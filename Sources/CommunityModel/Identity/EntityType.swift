/// The name of a kind of stored entity, such as `"Account"` or `"KnowledgeArticle"`.
///
/// Higher layers declare their own entity types; the store keys its tables by this name.
public struct EntityType: Hashable, Comparable, Sendable, Codable, CustomStringConvertible,
    ExpressibleByStringLiteral
{
    /// The type's name.
    public let name: String

    /// Creates an entity type name.
    public init(_ name: String) { self.name = name }

    /// Creates an entity type name from a literal.
    public init(stringLiteral value: String) { self.name = value }

    /// Decodes the bare string form.
    public init(from decoder: any Decoder) throws {
        self.name = try decoder.singleValueContainer().decode(String.self)
    }

    /// Encodes the bare string form.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(name)
    }

    public var description: String { name }

    public static func < (lhs: EntityType, rhs: EntityType) -> Bool { lhs.name < rhs.name }
}
