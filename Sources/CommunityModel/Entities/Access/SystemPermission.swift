/// A system (org- or site-wide) permission held through a profile or permission set, such as
/// View All Data or Moderate Experiences Feeds. Hosts may define their own by name.
public struct SystemPermission: Hashable, Sendable, Codable, Comparable, CustomStringConvertible,
    ExpressibleByStringLiteral
{
    /// The permission's name, such as `viewAllData` or `acme.approveRebates`.
    public let name: String

    /// A permission by name.
    public init(_ name: String) { self.name = name }
    /// A permission from a literal.
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
    public static func < (lhs: SystemPermission, rhs: SystemPermission) -> Bool { lhs.name < rhs.name }

    /// Read every record of every object.
    public static let viewAllData: SystemPermission = "viewAllData"
    /// Read, edit, delete and transfer every record of every object.
    public static let modifyAllData: SystemPermission = "modifyAllData"
    /// Moderate site feeds: see and act on flagged posts and comments.
    public static let moderateCommunity: SystemPermission = "moderateCommunity"
    /// Approve posts and comments held for review.
    public static let approveContent: SystemPermission = "approveContent"
    /// Freeze and manage external members of a site.
    public static let moderateUsers: SystemPermission = "moderateUsers"
    /// Create, edit and publish knowledge articles.
    public static let manageKnowledge: SystemPermission = "manageKnowledge"
    /// Administer sites: pages, members, settings.
    public static let manageCommunity: SystemPermission = "manageCommunity"
    /// See every user record.
    public static let viewAllUsers: SystemPermission = "viewAllUsers"
}
