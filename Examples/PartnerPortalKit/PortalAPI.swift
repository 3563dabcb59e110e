import CommunityKit
import Foundation
import Synchronization

/// The JSON API in the example: generous rate limits for the fuzzing run, demo tokens printed by
/// `serve`, and a webhook endpoint inside the process that checks each delivery's signature.
enum PortalAPI {
    /// The example's webhook endpoint (answered in process by ``Receiver``, not over the network).
    static let webhookURL = "http://127.0.0.1/webhooks/example"

    /// API settings and the in-process webhook receiver.
    static func configure(_ configuration: inout CommunityConfiguration, receiver: Receiver) {
        var api = APIConfiguration()
        api.requestsPerToken = 6_000
        api.requestsPerUser = 12_000
        api.webhookTransport = receiver
        configuration.api = api
    }

    /// Registers the example endpoint for every event (once per store) and tells the receiver its secret.
    static func connect(_ community: Community, receiver: Receiver) throws {
        var endpoint = try community.webhookEndpoints().first { $0.url == webhookURL }
        if endpoint == nil { endpoint = try community.registerWebhook(url: webhookURL, events: Community.webhookEventNames) }
        if let endpoint { receiver.trust(endpoint.secret) }
    }

    /// A personal access token with every scope for `pat` (partner user) and `cara` (channel
    /// manager), valid for one day, for the README's `curl` examples.
    static func demoTokens(_ community: Community) -> [(String, String)] {
        ["pat", "cara"].compactMap { (name: String) -> (String, String)? in
            guard let id = try? ID<User>(parsing: name),
                  let issued = try? community.createPersonalAccessToken(for: id, name: "demo (serve)", scopes: APIScope.all, lifetime: 86_400) else { return nil }
            return (name, issued.text)
        }
    }

    /// Receives the example's webhook deliveries: answers 200 for a correctly signed, fresh
    /// payload and 401 otherwise, and keeps the event types it accepted.
    final class Receiver: WebhookTransport {
        private let state = Mutex<(secret: String?, accepted: [String])>((nil, []))
        private let clock: any WallClock

        /// A receiver that checks timestamps against `clock` (the community's).
        init(clock: any WallClock) { self.clock = clock }

        func trust(_ secret: String) { state.withLock { $0.secret = secret } }

        /// Event types accepted so far, oldest first.
        var accepted: [String] { state.withLock { $0.accepted } }

        func send(_ request: WebhookRequest) throws -> Int {
            state.withLock { state in
                guard let secret = state.secret, let signature = request.headers["Webhook-Signature"],
                      WebhookSignature.verify(signature, secret: secret, body: request.body, now: clock.now()) else { return 401 }
                let type = (try? JSONDecoder().decode(JSONValue.self, from: Data(request.body)))?["type"]?.stringValue ?? "?"
                state.accepted.append(type)
                return 200
            }
        }
    }
}
