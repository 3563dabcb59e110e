public import CommunityModel
public import Foundation

/// Where the engine sends a domain event (a lead approved, a case's status changed) as a signed
/// JSON POST. The signing ``secret`` is kept so each payload can be signed with HMAC-SHA-256;
/// it is shown to the registering administrator once and is never listed.
public struct WebhookEndpoint: Entity, Hashable {
    public static let entityType: EntityType = "WebhookEndpoint"

    /// The endpoint's id.
    public var id: ID<WebhookEndpoint>
    /// The `http(s)` URL deliveries are posted to.
    public var url: String
    /// Event names it receives (``WebhookEvent``'s `name`s).
    public var events: [String]
    /// The signing secret.
    public var secret: String
    /// When it was registered.
    public var createdAt: Date
    /// Whether it still receives events.
    public var isActive: Bool

    /// An endpoint.
    public init(id: ID<WebhookEndpoint>, url: String, events: [String], secret: String, createdAt: Date, isActive: Bool = true) {
        self.id = id
        self.url = url
        self.events = events
        self.secret = secret
        self.createdAt = createdAt
        self.isActive = isActive
    }

    public func validate() throws {
        try Check.text(url, field: "WebhookEndpoint.url", max: 2000)
        let lower = url.lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://"), URL(string: url)?.host != nil else {
            throw ValidationError(field: "WebhookEndpoint.url", reason: .invalidValue("must be an http(s) URL"))
        }
    }
}
