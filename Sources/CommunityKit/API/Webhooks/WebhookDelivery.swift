public import CommunityModel
public import Foundation

/// One event on its way to one endpoint: the signed payload, every attempt's outcome, and when
/// it is tried next. After the last retry it is dead-lettered and kept for an administrator.
public struct WebhookDelivery: Entity, Hashable {
    /// Where a delivery is.
    public enum Status: String, Sendable, Hashable, Codable, CaseIterable {
        /// Waiting for its next attempt.
        case pending
        /// The endpoint answered 2xx.
        case delivered
        /// Every attempt failed; kept in the dead-letter list.
        case deadLetter
    }

    public static let entityType: EntityType = "WebhookDelivery"
    public static var indexedFields: [IndexedField<WebhookDelivery>] {
        [IndexedField("status") { .picklist($0.status.rawValue) }]
    }

    /// The delivery's id (also sent as `Webhook-Id`).
    public var id: ID<WebhookDelivery>
    /// The endpoint.
    public var endpointID: ID<WebhookEndpoint>
    /// The event's name (`lead.approved`).
    public var event: String
    /// The JSON payload as sent.
    public var payload: String
    /// Where it is.
    public var status: Status
    /// Attempts made so far.
    public var attempts: Int
    /// When it is tried next (pending deliveries).
    public var nextAttemptAt: Date
    /// The last attempt's HTTP status, if the endpoint answered.
    public var lastStatus: Int?
    /// The last attempt's error, if it failed.
    public var lastError: String?
    /// When the event happened.
    public var createdAt: Date
    /// When it was delivered.
    public var deliveredAt: Date?

    /// A new pending delivery.
    public init(id: ID<WebhookDelivery>, endpointID: ID<WebhookEndpoint>, event: String, payload: String, createdAt: Date) {
        self.id = id
        self.endpointID = endpointID
        self.event = event
        self.payload = payload
        self.status = .pending
        self.attempts = 0
        self.nextAttemptAt = createdAt
        self.createdAt = createdAt
    }
}
