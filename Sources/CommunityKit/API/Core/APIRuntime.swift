import CommunityModel
import CommunityIdentity
import Foundation
import Synchronization

/// The JSON API's state inside a ``Community``: its configuration and router, rate-limit
/// windows, the webhook dispatcher that follows the event bus, and the cursor key — derived
/// from the store's ``APICursorSecret`` so every host behind a load balancer signs alike.
/// Idempotency records live in the store too (``APIIdempotencyRecord``).
final class APIRuntime: Sendable {
    let configuration: APIConfiguration
    let router: APIRouter
    let limiter: APIRateLimiter
    let webhooks: WebhookDispatcher
    private let store: any Store
    private let clock: any WallClock
    private let loadedCursorKey = Mutex<[UInt8]?>(nil)

    init(_ configuration: APIConfiguration, endpoints: [APIEndpoint], webhooks: WebhookDispatcher, store: any Store, clock: any WallClock) throws {
        self.configuration = configuration
        router = try APIRouter(endpoints)
        limiter = APIRateLimiter(window: configuration.rateWindow)
        self.webhooks = webhooks
        self.store = store
        self.clock = clock
    }

    /// The key list cursors are signed with: HMAC-SHA-256 of the store's cursor secret (created
    /// on first use; when two hosts race, the first write wins and both read it back).
    ///
    /// - Throws: ``APIProblem/internalError()`` when the store cannot be read or written, or
    ///   no randomness is available.
    func cursorKey() throws(APIProblem) -> [UInt8] {
        if let key = loadedCursorKey.withLock({ $0 }) { return key }
        let secret: APICursorSecret
        do {
            if let stored = try store.snapshot().value(APICursorSecret.singletonID) {
                secret = stored
            } else {
                guard let bytes = SecureRandom.bytes(32) else { throw APIProblem.internalError() }
                let fresh = APICursorSecret(secret: ByteEncoding.base64URL(bytes), createdAt: clock.now())
                secret = try store.write { tx -> APICursorSecret in
                    if let existing = try tx.value(APICursorSecret.singletonID) { return existing }
                    try tx.put(fresh, expecting: .absent)
                    return fresh
                }
            }
        } catch {
            // A racing host created it between our read and write: read theirs.
            guard let stored = try? store.snapshot().value(APICursorSecret.singletonID) else { throw .internalError() }
            secret = stored
        }
        guard let bytes = ByteEncoding.bytes(base64URL: secret.secret) else { throw .internalError() }
        let key = MessageAuthentication.sha256(key: bytes, message: Array("communitykit.api.cursor.v1".utf8))
        loadedCursorKey.withLock { $0 = key }
        return key
    }
}
