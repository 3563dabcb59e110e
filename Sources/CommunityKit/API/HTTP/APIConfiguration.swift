public import Foundation

/// How the JSON API behaves: body size, page sizes, token lifetimes, rate limits, CORS origins
/// per site and the webhook transport.
public struct APIConfiguration: Sendable {
    /// The largest JSON body accepted, in bytes (also bounded by the site's `maxBodyBytes`).
    public var maxBodyBytes: Int = 64 * 1024
    /// The largest page a list returns.
    public var maxPageSize: Int = 100
    /// How long a personal access token lasts when its creator names no lifetime.
    public var defaultTokenLifetime: TimeInterval = 90 * 86_400
    /// The longest lifetime a personal access token may have.
    public var maxTokenLifetime: TimeInterval = 366 * 86_400
    /// How long a client-credentials token lasts.
    public var clientTokenLifetime: TimeInterval = 3_600
    /// Requests allowed per token in one ``rateWindow``.
    public var requestsPerToken: Int = 600
    /// Requests allowed per user (or, for the guest, per client address) in one ``rateWindow``.
    public var requestsPerUser: Int = 1_200
    /// The rate-limit window, in seconds.
    public var rateWindow: TimeInterval = 60
    /// Origins (`https://app.example.com`) allowed to call each site's API from a browser, by site id.
    public var allowedOrigins: [String: Set<String>] = [:]
    /// How long an idempotency key is remembered, in seconds (kept in the store as
    /// ``APIIdempotencyRecord``s; the due job `idempotencyExpiry` purges expired ones).
    public var idempotencyLifetime: TimeInterval = 86_400
    /// Where webhook deliveries are sent (a ``MemoryWebhookTransport`` by default).
    public var webhookTransport: any WebhookTransport = MemoryWebhookTransport()
    /// Delays between webhook attempts, in seconds; after the last one a delivery is dead-lettered.
    public var webhookRetryDelays: [TimeInterval] = [30, 120, 600, 3_600, 21_600]

    /// The standard configuration.
    public init() {}

    /// The standard configuration.
    public static var standard: APIConfiguration { APIConfiguration() }
}
