public import CommunityModel

/// A file shared with someone beyond its owner.
public struct FileShare: Entity, Hashable {
    /// Who the file is shared with.
    public enum Target: Hashable, Sendable, Codable {
        /// Members of a public group (through Access membership, nested groups included).
        case group(ID<PublicGroup>)
        /// Everyone who may read a record (a case, an opportunity), through Access.
        case record(EntityType, String)
        /// Partner users whose account tier is at least this (and employees).
        case partnerTier(Account.PartnerTier)
        /// Every signed-in member.
        case allMembers

        var key: String {
            switch self {
            case .group(let id): "group:\(id.rawValue)"
            case .record(let type, let id): "record:\(type.name):\(id)"
            case .partnerTier(let tier): "tier:\(tier.rawValue)"
            case .allMembers: "members"
            }
        }
    }

    /// The store table name.
    public static let entityType: EntityType = "FileShare"
    /// Fields the store indexes for queries.
    public static var indexedFields: [IndexedField<FileShare>] {
        [IndexedField("fileID") { .reference($0.fileID.rawValue) }]
    }

    /// The identifier.
    public var id: ID<FileShare>
    /// The file.
    public var fileID: ID<ContentFile>
    /// Who or what it applies to.
    public var target: Target

    /// Creates a share; the id is derived from file and target.
    public init(fileID: ID<ContentFile>, target: Target) {
        self.id = StableID.make("fs", fileID.rawValue, target.key)
        self.fileID = fileID
        self.target = target
    }
}
