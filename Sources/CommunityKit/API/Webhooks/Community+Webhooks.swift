import CommunityModel
import CommunityIdentity
public import Foundation

/// Outbound webhooks: register endpoints for domain events, read the delivery log and the
/// dead-letter list. Deliveries are sent by ``runDueWork(now:)`` (job `webhookDeliveries`) or
/// ``deliverWebhooks(now:)``, through ``APIConfiguration/webhookTransport``.
extension Community {
    /// The event names an endpoint can subscribe to.
    public static var webhookEventNames: [String] { WebhookDispatcher.eventNames }

    /// Registers an endpoint; the returned value carries the signing secret (shown once).
    ///
    /// - Throws: ``APIProblem`` (422) for an unknown event name or no events; a validation
    ///   error for a URL that is not http(s).
    public func registerWebhook(url: String, events: [String]) throws -> WebhookEndpoint {
        let unknown = events.filter { !WebhookDispatcher.eventNames.contains($0) }
        guard !events.isEmpty, unknown.isEmpty else {
            throw APIProblem.unprocessable("Unknown or no events: \(unknown.joined(separator: ", ")).", fields: [.init("events", "one or more of \(WebhookDispatcher.eventNames.joined(separator: ", "))")])
        }
        guard let secret = SecureRandom.bytes(32) else { throw APIProblem.internalError() }
        let endpoint = WebhookEndpoint(
            id: .generate(prefix: "whe"), url: url, events: Array(Set(events)).sorted(), secret: "whsec_" + ByteEncoding.base64URL(secret), createdAt: clock.now())
        try store.write { tx in try tx.put(endpoint, expecting: .absent) }
        return endpoint
    }

    /// Every registered endpoint.
    public func webhookEndpoints() throws -> [WebhookEndpoint] { try store.snapshot().all(WebhookEndpoint.self).map(\.value) }

    /// Deliveries, newest first; only those with `status` when given.
    public func webhookDeliveries(status: WebhookDelivery.Status? = nil) throws -> [WebhookDelivery] {
        let snapshot = store.snapshot()
        let all = try status.map { try snapshot.query(Query<WebhookDelivery>().where("status", equals: .picklist($0.rawValue))) } ?? snapshot.all(WebhookDelivery.self)
        return all.map(\.value).sorted { ($0.createdAt, $0.id.rawValue) > ($1.createdAt, $1.id.rawValue) }
    }

    /// Sends every due delivery now; how many were delivered and how many attempts failed.
    @discardableResult
    public func deliverWebhooks(now: Date? = nil) throws -> (delivered: Int, failed: Int) {
        try api.webhooks.deliverDue(at: now ?? clock.now())
    }
}
