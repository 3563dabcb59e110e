public import CommunityModel
public import Foundation

/// A guest's request to join a site through self-registration.
public struct SiteRegistration: Entity, Hashable {
    /// Where a request stands.
    public enum Status: String, Sendable, Hashable, Codable {
        /// Waiting for review (sites with `.pending` self-registration).
        case pending
        /// Approved: the member's user exists.
        case approved
        /// Turned down.
        case rejected
    }

    public static let entityType: EntityType = "SiteRegistration"
    public static var indexedFields: [IndexedField<SiteRegistration>] {
        [IndexedField("email") { .text($0.email.lowercased()) }, IndexedField("status") { .picklist($0.status.rawValue) }]
    }

    public var id: ID<SiteRegistration>
    /// The site joined.
    public var siteID: String
    /// The person's full name.
    public var name: String
    /// Their e-mail address.
    public var email: String
    /// Their locale.
    public var locale: String
    /// Where the request stands.
    public var status: Status
    /// The user created on approval.
    public var userID: ID<User>?
    /// When the request arrived.
    public var createdAt: Date

    /// A request.
    public init(id: ID<SiteRegistration>, siteID: String, name: String, email: String, locale: String, status: Status, userID: ID<User>? = nil, createdAt: Date) {
        self.id = id
        self.siteID = siteID
        self.name = name
        self.email = email
        self.locale = locale
        self.status = status
        self.userID = userID
        self.createdAt = createdAt
    }
}
