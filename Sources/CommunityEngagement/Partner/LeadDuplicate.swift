public import CommunityModel

/// An existing record a lead registration appears to duplicate, and why.
public struct LeadDuplicate: Hashable, Sendable, Codable, CustomStringConvertible {
    /// What matched.
    public enum Reason: String, Hashable, Sendable, Codable {
        /// The normalised company name equals the lead's or account's normalised name.
        case companyName
        /// The e-mail domain equals the lead's e-mail domain or the account's web domain.
        case emailDomain
    }

    /// The existing record's type (`Lead` or `Account`).
    public var entityType: EntityType
    /// Its id.
    public var id: String
    public var reason: Reason

    /// Creates a match.
    public init(entityType: EntityType, id: String, reason: Reason) {
        self.entityType = entityType
        self.id = id
        self.reason = reason
    }

    public var description: String { "\(entityType) \(id) (\(reason.rawValue))" }
}
