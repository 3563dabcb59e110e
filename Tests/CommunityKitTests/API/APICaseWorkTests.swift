import CommunityKit
import Foundation
import Testing

/// Case attachments and case status changes through the API: the case page's upload rules and
/// file service, the case service's transitions, webhooks, and who may do what.
@Suite struct APICaseWorkTests {
    private func submitCase(_ caller: APICaller) throws -> String {
        let submitted = caller.post("/cases", #"{"subject": "Export fails", "description": "Every night."}"#)
        #expect(submitted.status == 201)
        return try #require(submitted.json["id"]?.stringValue)
    }

    private func attachment(name: String, type: String, bytes: [UInt8]) -> String {
        #"{"name": "\#(name)", "contentType": "\#(type)", "content": "\#(Data(bytes).base64EncodedString())"}"#
    }

    @Test func aMemberAttachesAFileAndDownloadsItWithItsTypeAndName() throws {
        let community = try APIFixture.community(caseOwner: .user("cara"))
        let pat = APICaller(community, token: try APIFixture.token(community, "pat"))
        let caseID = try submitCase(pat)
        let added = pat.post("/cases/\(caseID)/attachments", attachment(name: "../logs/export.txt", type: "text/plain", bytes: Array("line 1\n".utf8)))
        #expect(added.status == 201)
        let fileID = try #require(added.json["id"]?.stringValue)
        #expect(added.json["name"]?.stringValue == "export.txt")
        #expect(added.json["size"] == .number(7))
        #expect(added.response.headers["Location"] == "/partners/api/v1/cases/\(caseID)/attachments/\(fileID)")
        #expect(pat.get("/cases/" + caseID).json["attachments"] == .array([.string(fileID)]))
        // The page's case activity lists the same file.
        #expect(try community.cases.attachments(of: ID(parsing: caseID), viewer: "pat") == [fileID])

        let download = pat.get("/cases/\(caseID)/attachments/\(fileID)")
        #expect(download.status == 200)
        #expect(download.response.bytesToSend == Array("line 1\n".utf8))
        #expect(download.contentType == "text/plain")
        #expect(download.response.headers["Content-Disposition"] == #"attachment; filename="export.txt""#)
        #expect(download.response.headers["X-Content-Type-Options"] == "nosniff")
        // An image whose bytes are an image is shown inline.
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0]
        let image = pat.post("/cases/\(caseID)/attachments", attachment(name: "shot.png", type: "image/png", bytes: png))
        #expect(image.status == 201)
        let shown = pat.get("/cases/\(caseID)/attachments/\(image.json["id"]?.stringValue ?? "")")
        #expect(shown.response.headers["Content-Disposition"] == #"inline; filename="shot.png""#)
        #expect(shown.contentType == "image/png")
    }

    @Test func onlyThoseWhoReadTheCaseAttachOrDownload() throws {
        let community = try APIFixture.community(caseOwner: .user("cara"))
        let pat = APICaller(community, token: try APIFixture.token(community, "pat"))
        let caseID = try submitCase(pat)
        let fileID = try #require(pat.post("/cases/\(caseID)/attachments", attachment(name: "a.txt", type: "text/plain", bytes: [65])).json["id"]?.stringValue)
        let files = try community.store.snapshot().all(ContentFile.self).count

        let bo = APICaller(community, token: try APIFixture.token(community, "bo"))
        let refused = bo.post("/cases/\(caseID)/attachments", attachment(name: "b.txt", type: "text/plain", bytes: [66]))
        #expect(refused.status == 403 || refused.status == 404)
        let download = bo.get("/cases/\(caseID)/attachments/\(fileID)")
        #expect(download.status == 403 || download.status == 404)
        #expect(download.contentType == "application/problem+json")
        #expect(try community.store.snapshot().all(ContentFile.self).count == files)
        // The guest and a token without the cases scope get nothing either.
        #expect(APICaller(community).get("/cases/\(caseID)/attachments/\(fileID)").status == 401)
        let readOnly = APICaller(community, token: try APIFixture.token(community, "pat", scopes: [APIScope(.cases, .read)]))
        #expect(readOnly.post("/cases/\(caseID)/attachments", attachment(name: "c.txt", type: "text/plain", bytes: [67])).kind == "missing-scope")
        #expect(readOnly.get("/cases/\(caseID)/attachments/\(fileID)").status == 200)
        // A file of another case, or no file, is not found through this case.
        let otherCase = try submitCase(pat)
        #expect(pat.get("/cases/\(otherCase)/attachments/\(fileID)").status == 404)
        #expect(pat.get("/cases/\(caseID)/attachments/file-missing").status == 404)
    }

    @Test func theSiteUploadRulesRefuseBadFilesAndNothingIsStored() throws {
        let community = try APIFixture.community(caseOwner: .user("cara"))
        var site = try #require(community.site("partners")?.site)
        var limits = SiteLimits.standard
        limits.maxUploadBytes = 16
        site.limits = limits
        try community.addSite(site)
        let pat = APICaller(community, token: try APIFixture.token(community, "pat"))
        let caseID = try submitCase(pat)
        let path = "/cases/\(caseID)/attachments"

        let exe = pat.post(path, attachment(name: "setup.exe", type: "application/x-msdownload", bytes: [0x4D, 0x5A]))
        #expect(exe.status == 415 && exe.invalidFields == ["contentType"])
        let fake = pat.post(path, attachment(name: "fake.png", type: "image/png", bytes: Array("not a png".utf8)))
        #expect(fake.status == 415 && fake.kind == "upload-refused")
        let large = pat.post(path, attachment(name: "big.txt", type: "text/plain", bytes: Array(repeating: 65, count: 17)))
        #expect(large.status == 413 && large.invalidFields == ["content"])
        let notBase64 = pat.post(path, #"{"name": "x.txt", "contentType": "text/plain", "content": "***"}"#)
        #expect(notBase64.status == 400 && notBase64.invalidFields == ["content"])
        #expect(pat.post(path, #"{"name": "x.txt", "contentType": "text/plain", "content": ""}"#).invalidFields == ["content"])
        #expect(pat.post(path, #"{"name": "x.txt", "contentType": "text/plain", "content": "QQ==", "extra": 1}"#).invalidFields == ["extra"])
        #expect(try community.store.snapshot().all(ContentFile.self).isEmpty)
        #expect(try community.cases.attachments(of: ID(parsing: caseID), viewer: "pat").isEmpty)
        #expect(pat.post(path, attachment(name: "ok.txt", type: "text/plain", bytes: Array(repeating: 65, count: 16))).status == 201)
    }

    @Test func anAgentMovesACaseThroughTheLifecycleAndTheWebhookFires() throws {
        let transport = MemoryWebhookTransport()
        var configuration = APIConfiguration()
        configuration.webhookTransport = transport
        let community = try APIFixture.community(api: configuration, caseOwner: .user("cara"))
        _ = try community.registerWebhook(url: "https://desk.example/hooks", events: ["case.statusChanged"])
        let pat = APICaller(community, token: try APIFixture.token(community, "pat"))
        let cara = APICaller(community, token: try APIFixture.token(community, "cara"))
        let caseID = try submitCase(pat)

        let moved = cara.post("/cases/\(caseID)/status", #"{"status": "Working"}"#)
        #expect(moved.status == 200)
        #expect(moved.json["fields"]?["Status"]?.stringValue == "Working")
        #expect(try community.store.snapshot().value(ID<Case>(parsing: caseID))?.status == "Working")
        community.runDueWork()
        let payload = try JSONDecoder().decode(JSONValue.self, from: Data(try #require(transport.sent.first).body))
        #expect(payload["type"]?.stringValue == "case.statusChanged")
        #expect(payload["data"]?["to"]?.stringValue == "Working")

        let illegal = cara.post("/cases/\(caseID)/status", #"{"status": "New"}"#)
        #expect(illegal.status == 409 && illegal.kind == "illegal-transition")
        #expect(illegal.json["from"]?.stringValue == "Working" && illegal.json["to"]?.stringValue == "New")
        let unknown = cara.post("/cases/\(caseID)/status", #"{"status": "Lost"}"#)
        #expect(unknown.status == 422 && unknown.invalidFields == ["status"])
        // Partners (even the one who raised it) do not work cases; strangers do not see them.
        #expect(pat.post("/cases/\(caseID)/status", #"{"status": "Closed"}"#).status == 403)
        let bo = APICaller(community, token: try APIFixture.token(community, "bo"))
        #expect(bo.post("/cases/\(caseID)/status", #"{"status": "Closed"}"#).status == 403)
        #expect(try community.store.snapshot().value(ID<Case>(parsing: caseID))?.status == "Working")
    }

    @Test func theOpenAPIDocumentDescribesTheNewOperations() throws {
        let community = try APIFixture.community()
        let document = try #require(community.openAPIDocument(forSite: "partners"))
        let attach = document["paths"]?["/cases/{id}/attachments"]?["post"]
        #expect(attach?["operationId"]?.stringValue == "addCaseAttachment")
        #expect(attach?["requestBody"]?["content"]?["application/json"]?["schema"]?["required"] == .array([.string("name"), .string("contentType"), .string("content")]))
        let download = document["paths"]?["/cases/{id}/attachments/{fileID}"]?["get"]?["responses"]?["200"]?["content"]?["*/*"]
        #expect(download?["schema"]?["format"]?.stringValue == "binary")
        #expect(document["paths"]?["/cases/{id}/status"]?["post"]?["responses"]?["409"] != nil)
        #expect(document["paths"]?["/leads/{id}/approval"]?["post"]?["operationId"]?.stringValue == "decideLeadApproval")
        #expect(document["components"]?["schemas"]?["Lead"]?["properties"]?["registrationStatus"] != nil)
        #expect(attach?["requestBody"]?["content"]?["application/json"]?["schema"]?["properties"]?["content"]?["format"]?.stringValue == "byte")
        // The comment schema says what the case service accepts (4,000 characters), so a longer one is a 400 naming the field.
        let comment = document["paths"]?["/cases/{id}/comments"]?["post"]?["requestBody"]?["content"]?["application/json"]?["schema"]?["properties"]?["body"]
        #expect(comment?["maxLength"] == .number(4_000))
        let pat = APICaller(community, token: try APIFixture.token(community, "pat"))
        let caseID = try submitCase(pat)
        #expect(pat.post("/cases/\(caseID)/comments", #"{"body": "\#(String(repeating: "x", count: 4_001))"}"#).invalidFields == ["body"])
        #expect(try community.cases.comments(of: ID(parsing: caseID), viewer: "pat").isEmpty)
    }
}
