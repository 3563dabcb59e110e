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

    /// Registers the example endpoint for every event and an ERP client (once per store), and
    /// tells the receiver the endpoint's secret.
    static func connect(_ community: Community, receiver: Receiver) throws {
        var endpoint = try community.webhookEndpoints().first { $0.url == webhookURL }
        if endpoint == nil { endpoint = try community.registerWebhook(url: webhookURL, events: Community.webhookEventNames) }
        if let endpoint { receiver.trust(endpoint.secret) }
        if try community.apiClients().isEmpty {
            // An integration for /partners/api-tokens/clients to show: the ERP reads and registers
            // leads as Cara. Its secret is not kept; an administrator registers a new client there.
            _ = try community.registerAPIClient(name: "Northwind ERP lead sync", user: "cara", scopes: [APIScope(.records, .write)])
        }
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

    /// Times a record read and a knowledge search as pat: the Swift calls the API wraps, then the
    /// same through `community.handle` with a bearer token (authentication, rate limits, routing,
    /// validation, JSON). Each line: p50 and mean in microseconds.
    static func latency(iterations: Int) throws -> [String] {
        let community = try Portal().community
        let pat = community.viewer("pat")
        guard let responder = community.site("partners"), let knowledge = responder.services.get((any KnowledgeProvider).self) else {
            return ["no partners site"]
        }
        let reader = RecordReader(engine: community.access)
        guard let lead = reader.records(of: "Lead", viewer: pat, fields: ["Company"], limit: 1).first?.id else { return ["pat reads no lead"] }
        func token() throws -> String { try community.createPersonalAccessToken(for: "pat", name: "latency", scopes: APIScope.all).text }
        func measure(_ label: String, _ body: () throws -> Void) rethrows -> String {
            for _ in 0..<min(iterations, 50) { try body() }  // warm up
            var samples: [Double] = []
            samples.reserveCapacity(iterations)
            for _ in 0..<iterations {
                let start = ContinuousClock.now
                try body()
                let elapsed = ContinuousClock.now - start
                samples.append(Double(elapsed.components.seconds) * 1e6 + Double(elapsed.components.attoseconds) / 1e12)
            }
            samples.sort()
            let mean = samples.reduce(0, +) / Double(max(1, samples.count))
            let p50 = samples.isEmpty ? 0 : samples[samples.count / 2]
            return label.padding(toLength: 46, withPad: " ", startingAt: 0) + String(format: "p50 %8.1f µs   mean %8.1f µs", p50, mean)
        }
        let recordToken = try token(), searchToken = try token()
        var lines = ["api-latency: \(iterations) calls each, as pat (lead \(lead))"]
        // Both sides must do the same work: same status, same articles in the same order.
        let direct = try knowledge.search("partner", locale: "en_US", viewer: pat, limit: 25).map(\.id)
        let answer = community.handle(SiteRequest(
            .get, "/partners/api/v1/knowledge/articles", query: ["q": "partner"], headers: ["authorization": "Bearer " + searchToken]))
        let listed = ((try? JSONDecoder().decode(JSONValue.self, from: Data(answer.body.utf8)))?["items"]).map { items -> [String] in
            guard case .array(let elements) = items else { return [] }
            return elements.compactMap { $0["id"]?.stringValue }
        } ?? []
        let record = community.handle(SiteRequest(.get, "/partners/api/v1/records/Lead/" + lead, headers: ["authorization": "Bearer " + recordToken]))
        lines.append("checked: record answer \(record.status), search answer \(answer.status) with \(listed.count) articles"
            + (listed == direct ? ", the same as the Swift call" : ", NOT the same as the Swift call's \(direct.count)"))
        lines.append(try measure("record: RecordReader + store version (Swift)") {
            _ = reader.record(of: "Lead", id: lead, viewer: pat)
            _ = try community.store.snapshot().get(ID<Lead>(parsing: lead))
        })
        lines.append(measure("record: GET /api/v1/records/Lead/{id}") {
            _ = community.handle(SiteRequest(.get, "/partners/api/v1/records/Lead/" + lead, headers: ["authorization": "Bearer " + recordToken]))
        })
        lines.append(try measure("search: KnowledgeProvider.search (Swift)") {
            _ = try knowledge.search("partner", locale: "en_US", viewer: pat, limit: 25)
        })
        lines.append(measure("search: GET /api/v1/knowledge/articles?q=") {
            _ = community.handle(SiteRequest(
                .get, "/partners/api/v1/knowledge/articles", query: ["q": "partner"], headers: ["authorization": "Bearer " + searchToken]))
        })
        return lines
    }
}
