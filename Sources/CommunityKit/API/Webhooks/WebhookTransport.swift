import Foundation
import Synchronization

/// One signed webhook POST, ready to send.
public struct WebhookRequest: Sendable, Hashable {
    /// The endpoint's URL.
    public var url: String
    /// Headers: `Content-Type`, `Webhook-Id`, `Webhook-Timestamp`, `Webhook-Signature`.
    public var headers: [String: String]
    /// The JSON body.
    public var body: [UInt8]

    /// A request.
    public init(url: String, headers: [String: String], body: [UInt8]) {
        self.url = url
        self.headers = headers
        self.body = body
    }
}

/// Sends webhook requests. The engine calls it from ``Community/runDueWork(now:)``; a host
/// implements it over its HTTP client (with its own timeout) and returns the response status.
/// Throwing or answering other than 2xx counts as a failed attempt, retried with backoff.
public protocol WebhookTransport: Sendable {
    /// Sends one request and returns the HTTP status the endpoint answered.
    func send(_ request: WebhookRequest) throws -> Int
}

/// A transport that keeps every request in memory and answers 200, or the status set for a URL
/// (``respond(to:with:)``) — for tests and the example.
public final class MemoryWebhookTransport: WebhookTransport {
    private let state = Mutex<(sent: [WebhookRequest], statuses: [String: Int])>(([], [:]))

    /// An empty transport.
    public init() {}

    public func send(_ request: WebhookRequest) throws -> Int {
        state.withLock { state in
            state.sent.append(request)
            return state.statuses[request.url] ?? 200
        }
    }

    /// Makes requests to `url` answer `status` from now on.
    public func respond(to url: String, with status: Int) { state.withLock { $0.statuses[url] = status } }

    /// Every request sent so far, oldest first.
    public var sent: [WebhookRequest] { state.withLock { $0.sent } }
}
