import CommunityModel
import CommunityEngagement
import CommunityRendering
import Foundation
import Synchronization

/// Turns domain events into pending ``WebhookDelivery`` records (one per subscribed endpoint)
/// and sends due deliveries through the transport, retrying failures with backoff and
/// dead-lettering after the last retry.
final class WebhookDispatcher: Sendable {
    /// The event names endpoints can subscribe to.
    static let eventNames = ["lead.approved", "lead.rejected", "case.opened", "case.statusChanged"]

    private let store: any Store
    private let clock: any WallClock
    private let transport: any WebhookTransport
    private let delays: [TimeInterval]
    private let subscriptions = Mutex<[EventSubscription]>([])

    init(store: any Store, clock: any WallClock, transport: any WebhookTransport, delays: [TimeInterval]) {
        self.store = store
        self.clock = clock
        self.transport = transport
        self.delays = delays
    }

    /// Follows the bus.
    func connect(to bus: EventBus) {
        let decided = bus.subscribe(ApprovalDecided.self) { [weak self] event in
            guard event.item.entityType == Lead.entityType, event.status == .approved || event.status == .rejected else { return }
            self?.enqueue(event.status == .approved ? "lead.approved" : "lead.rejected", at: event.occurredAt, data: [
                "leadID": .string(event.item.id), "approvalRequestID": .string(event.requestID.rawValue), "actor": .string(event.actor.rawValue),
            ])
        }
        let opened = bus.subscribe(CaseOpened.self) { [weak self] event in
            self?.enqueue("case.opened", at: event.occurredAt, data: ["caseID": .string(event.caseID.rawValue), "origin": .string("\(event.origin)")])
        }
        let changed = bus.subscribe(CaseStatusChanged.self) { [weak self] event in
            self?.enqueue("case.statusChanged", at: event.occurredAt, data: [
                "caseID": .string(event.caseID.rawValue), "from": .string(event.from), "to": .string(event.to),
                "actor": event.actor.map { .string($0.rawValue) } ?? .null,
            ])
        }
        subscriptions.withLock { $0 = [decided, opened, changed] }
    }

    func stop() { subscriptions.withLock { $0.forEach { $0.cancel() }; $0 = [] } }

    /// Stores one pending delivery per active endpoint subscribed to the event.
    func enqueue(_ event: String, at time: Date, data: [String: JSONValue]) {
        do {
            let endpoints = try store.snapshot().all(WebhookEndpoint.self).map(\.value).filter { $0.isActive && $0.events.contains(event) }
            guard !endpoints.isEmpty else { return }
            try store.write { tx in
                for endpoint in endpoints {
                    let id = ID<WebhookDelivery>.generate(prefix: "whd")
                    let payload = Community.encode(.object([
                        "id": .string(id.rawValue), "type": .string(event),
                        "occurredAt": .string(ISO8601DateFormatter().string(from: time)), "data": .object(data),
                    ]))
                    try tx.put(WebhookDelivery(id: id, endpointID: endpoint.id, event: event, payload: payload, createdAt: clock.now()), expecting: .absent)
                }
            }
        } catch {
            // The event is lost for webhooks only; the change itself committed. Nothing to undo.
        }
    }

    /// Sends every pending delivery that is due at `now`; returns how many were delivered.
    func deliverDue(at now: Date) throws -> (delivered: Int, failed: Int) {
        let due = try store.snapshot().query(Query<WebhookDelivery>().where("status", equals: .picklist("pending")))
            .filter { $0.value.nextAttemptAt <= now }
        var delivered = 0, failed = 0
        for versioned in due {
            var delivery = versioned.value
            guard let endpoint = try store.snapshot().value(delivery.endpointID), endpoint.isActive else {
                delivery.status = .deadLetter
                delivery.lastError = "the endpoint was removed or deactivated"
                try store.write { tx in try tx.put(delivery, expecting: .exactly(versioned.version)) }
                failed += 1
                continue
            }
            let body = Array(delivery.payload.utf8)
            let timestamp = Int64(now.timeIntervalSince1970.rounded(.down).clamped(to: 0...1e15))  // trap-safe: clamped to 0...1e15 first
            let request = WebhookRequest(url: endpoint.url, headers: [
                "Content-Type": "application/json", "Webhook-Id": delivery.id.rawValue, "Webhook-Timestamp": String(timestamp),
                "Webhook-Signature": WebhookSignature.header(secret: endpoint.secret, timestamp: timestamp, body: body),
            ], body: body)
            delivery.attempts += 1
            do {
                let status = try transport.send(request)
                delivery.lastStatus = status
                delivery.lastError = (200..<300).contains(status) ? nil : "the endpoint answered \(status)"
            } catch {
                delivery.lastStatus = nil
                delivery.lastError = "\(error)".prefix(500).description
            }
            if delivery.lastError == nil {
                delivery.status = .delivered
                delivery.deliveredAt = now
                delivered += 1
            } else if delivery.attempts > delays.count {
                delivery.status = .deadLetter
                failed += 1
            } else {
                delivery.nextAttemptAt = now.addingTimeInterval(delays[delivery.attempts - 1])
                failed += 1
            }
            try store.write { tx in try tx.put(delivery, expecting: .exactly(versioned.version)) }
        }
        return (delivered, failed)
    }
}

extension Double {
    fileprivate func clamped(to range: ClosedRange<Double>) -> Double { Swift.min(Swift.max(self, range.lowerBound), range.upperBound) }
}
