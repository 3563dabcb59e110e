import CommunityKit
import Foundation
import Testing

/// A lead's registration status on `GET /leads/{id}` and the channel manager's decision through
/// `POST /leads/{id}/approval` (the approval queue's engine), with the `lead.approved` webhook.
@Suite struct APILeadApprovalTests {
    @Test func aChannelManagerApprovesARegistrationAndThePartnerSeesItsStatus() throws {
        let transport = MemoryWebhookTransport()
        var configuration = APIConfiguration()
        configuration.webhookTransport = transport
        let community = try APIFixture.community(api: configuration)
        _ = try community.registerWebhook(url: "https://erp.example/hooks", events: ["lead.approved", "lead.rejected"])
        let pat = APICaller(community, token: try APIFixture.token(community, "pat"))
        let cara = APICaller(community, token: try APIFixture.token(community, "cara"))
        let registered = pat.post("/leads", #"{"lastName": "Shah", "company": "Woodgrove"}"#)
        #expect(registered.status == 201)
        let leadID = try #require(registered.json["lead"]?["id"]?.stringValue)

        let before = pat.get("/leads/" + leadID)
        #expect(before.status == 200)
        #expect(before.json["id"]?.stringValue == leadID)
        #expect(before.json["registrationStatus"]?.stringValue == "submitted")
        #expect(before.json["approval"]?["status"]?.stringValue == "pending")
        #expect(before.json["approval"]?["step"] == .number(1))

        // The partner who registered it is no approver.
        let selfApproved = pat.post("/leads/\(leadID)/approval", #"{"decision": "approve"}"#)
        #expect(selfApproved.status == 403)
        #expect(pat.get("/leads/" + leadID).json["registrationStatus"]?.stringValue == "submitted")
        // Another partner does not even see it.
        let bo = APICaller(community, token: try APIFixture.token(community, "bo"))
        #expect(bo.get("/leads/" + leadID).status == 404)
        #expect(bo.post("/leads/\(leadID)/approval", #"{"decision": "approve"}"#).status == 404)

        let approved = cara.post("/leads/\(leadID)/approval", #"{"decision": "approve", "reason": "Known customer"}"#)
        #expect(approved.status == 200)
        #expect(approved.json["registrationStatus"]?.stringValue == "approved")
        #expect(approved.json["approval"]?["status"]?.stringValue == "approved")
        #expect(pat.get("/leads/" + leadID).json["registrationStatus"]?.stringValue == "approved")
        let request = try #require(try community.approvals.requests(for: ApprovalItem(ID<Lead>(parsing: leadID))).last)
        #expect(request.history.last?.comment == "Known customer")
        // The decision went through the approval engine's event: the webhook fires.
        community.runDueWork()
        let payload = try JSONDecoder().decode(JSONValue.self, from: Data(try #require(transport.sent.first).body))
        #expect(payload["type"]?.stringValue == "lead.approved")
        #expect(payload["data"]?["leadID"]?.stringValue == leadID)

        // Nothing is pending any more.
        let again = cara.post("/leads/\(leadID)/approval", #"{"decision": "reject"}"#)
        #expect(again.status == 409 && again.kind == "conflict")
    }

    @Test func aRejectionWithAReasonAndBadDecisions() throws {
        let community = try APIFixture.community()
        let pat = APICaller(community, token: try APIFixture.token(community, "pat"))
        let cara = APICaller(community, token: try APIFixture.token(community, "cara"))
        let leadID = try #require(pat.post("/leads", #"{"lastName": "Ode", "company": "Fabrikam"}"#).json["lead"]?["id"]?.stringValue)
        #expect(cara.post("/leads/\(leadID)/approval", #"{"decision": "maybe"}"#).invalidFields == ["decision"])
        #expect(cara.post("/leads/\(leadID)/approval", #"{"reason": "x"}"#).invalidFields == ["decision"])
        let long = String(repeating: "r", count: 4_001)
        #expect(cara.post("/leads/\(leadID)/approval", #"{"decision": "reject", "reason": "\#(long)"}"#).invalidFields == ["reason"])
        #expect(pat.get("/leads/" + leadID).json["registrationStatus"]?.stringValue == "submitted")
        let rejected = cara.post("/leads/\(leadID)/approval", #"{"decision": "reject", "reason": "Duplicate of an open deal"}"#)
        #expect(rejected.status == 200 && rejected.json["registrationStatus"]?.stringValue == "rejected")
        // A lead that never entered approval has none to decide.
        let seeded = cara.get("/leads/lead-acme-1")
        #expect(seeded.json["approval"] == .null)
        #expect(cara.post("/leads/lead-acme-1/approval", #"{"decision": "approve"}"#).status == 409)
        #expect(cara.post("/leads/lead-none/approval", #"{"decision": "approve"}"#).status == 404)
    }
}
