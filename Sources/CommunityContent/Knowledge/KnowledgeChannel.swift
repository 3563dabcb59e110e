public import CommunityModel

/// Where an article may be shown: the internal app, the customer or partner portal, or
/// the public knowledge base that guests read.
public enum KnowledgeChannel: String, Hashable, Sendable, Codable, CaseIterable {
    case `internal`, customer, partner, `public`

    /// The channel a kind of user reads through.
    public init(for kind: User.Kind) {
        switch kind {
        case .internal: self = .internal
        case .customer: self = .customer
        case .partner: self = .partner
        case .guest: self = .public
        }
    }

    /// The search access key of the channel.
    public var accessKey: String { SearchAccessKey.channel(rawValue) }
}
