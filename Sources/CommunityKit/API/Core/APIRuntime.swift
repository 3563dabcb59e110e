import CommunityModel
import CommunityIdentity
import Foundation

/// The JSON API's state inside a ``Community``: its configuration and router, rate-limit
/// windows, remembered idempotency keys, the key cursors are signed with, and the webhook
/// dispatcher that follows the event bus.
final class APIRuntime: Sendable {
    let configuration: APIConfiguration
    let router: APIRouter
    let limiter: APIRateLimiter
    let idempotency: APIIdempotencyCache
    let cursorKey: [UInt8]
    let webhooks: WebhookDispatcher

    init(_ configuration: APIConfiguration, endpoints: [APIEndpoint], webhooks: WebhookDispatcher) throws {
        self.configuration = configuration
        router = try APIRouter(endpoints)
        limiter = APIRateLimiter(window: configuration.rateWindow)
        idempotency = APIIdempotencyCache(capacity: configuration.idempotencyCapacity, lifetime: configuration.idempotencyLifetime)
        guard let key = SecureRandom.bytes(32) else { throw CommunityError.configuration("no randomness for the API cursor key") }
        cursorKey = key
        self.webhooks = webhooks
    }
}
