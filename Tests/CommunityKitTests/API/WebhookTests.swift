import CommunityKit
import Foundation
import Testing

/// Outbound webhooks: domain events become signed deliveries, retried with backoff by
/// `runDueWork`, and dead-lettered after the last retry.
@Suite struct WebhookTests {
    @Test func anApprovedLeadIsDeliveredSignedWithATimestamp() throws {
        let transport = MemoryWebhookTransport()
        var configuration = APIConfiguration()
        configuration.webhookTransport = transport
        let clock = ManualClock()
        let community = try APIFixture.community(api: configuration, clock: clock)
        let endpoint = try community.registerWebhook(url: "https://erp.example/hooks", events: ["lead.approved"])
        let registration = try community.deals.register(LeadRegistrationDraft(lastName: "Shah", company: "Woodgrove"), by: "pat")
        _ = try community.approvals.approve(registration.request.id, by: "cara")
        #expect(try community.webhookDeliveries(status: .pending).count == 1)
        let summary = community.runDueWork()
        #expect(summary.webhooksDelivered == 1)
        let sent = try #require(transport.sent.first)
        #expect(sent.url == "https://erp.example/hooks")
        let payload = try JSONDecoder().decode(JSONValue.self, from: Data(sent.body))
        #expect(payload["type"]?.stringValue == "lead.approved")
        #expect(payload["data"]?["leadID"]?.stringValue == registration.lead.id.rawValue)
        let signature = try #require(sent.headers["Webhook-Signature"])
        #expect(WebhookSignature.verify(signature, secret: endpoint.secret, body: sent.body, now: clock.now()))
        #expect(!WebhookSignature.verify(signature, secret: endpoint.secret, body: sent.body + [0x20], now: clock.now()))
        #expect(!WebhookSignature.verify(signature, secret: "whsec_other", body: sent.body, now: clock.now()))
        #expect(!WebhookSignature.verify(signature, secret: endpoint.secret, body: sent.body, now: clock.now().addingTimeInterval(3_600)))
        #expect(try community.webhookDeliveries(status: .delivered).count == 1)
    }

    @Test func failuresAreRetriedWithBackoffThenDeadLettered() throws {
        let transport = MemoryWebhookTransport()
        transport.respond(to: "https://down.example/h", with: 503)
        var configuration = APIConfiguration()
        configuration.webhookTransport = transport
        configuration.webhookRetryDelays = [30, 120]
        let clock = ManualClock()
        let community = try APIFixture.community(api: configuration, clock: clock)
        _ = try community.registerWebhook(url: "https://down.example/h", events: ["case.opened"])
        _ = try community.cases.submit(CaseDraft(subject: "Down", description: "x"), by: "pat")
        try community.deliverWebhooks()
        var delivery = try #require(try community.webhookDeliveries().first)
        #expect(delivery.status == .pending && delivery.attempts == 1 && delivery.lastStatus == 503)
        try community.deliverWebhooks()  // not due yet
        #expect(try community.webhookDeliveries().first?.attempts == 1)
        clock.advance(by: 30)
        try community.deliverWebhooks()
        clock.advance(by: 120)
        try community.deliverWebhooks()
        delivery = try #require(try community.webhookDeliveries().first)
        #expect(delivery.status == .deadLetter && delivery.attempts == 3)
        #expect(try community.webhookDeliveries(status: .deadLetter).count == 1)
        #expect(transport.sent.count == 3)
    }

    @Test func registrationChecksTheURLAndEvents() throws {
        let community = try APIFixture.community()
        #expect(throws: APIProblem.self) { try community.registerWebhook(url: "https://x.example", events: ["nope"]) }
        #expect(throws: APIProblem.self) { try community.registerWebhook(url: "https://x.example", events: []) }
        #expect(throws: (any Error).self) { try community.registerWebhook(url: "javascript:alert(1)", events: ["case.opened"]) }
        #expect(try community.webhookEndpoints().isEmpty)
    }
}
