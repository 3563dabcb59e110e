import CommunityKit
import DevServer
import Testing
@testable import PartnerPortalKit

@Suite("The portal behind the development server")
struct PortalServerTests {
    func request(_ target: String, method: HTTPMethod = .get, form: [String: String] = [:]) throws -> HTTPRequest {
        let parts = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        let encoded = String(parts[0])
        let path = try PercentDecoding.decode(Array(encoded.utf8), plusIsSpace: false, what: "path")
        let query = parts.count > 1 ? try PercentDecoding.fields(Array(parts[1].utf8), maxFields: 50, maxFieldBytes: 1000, what: "query") : [:]
        return HTTPRequest(method: method, target: target, encodedPath: encoded, path: path, query: query, form: form)
    }

    @Test func pagesAssetsAndTheRootAreServed() throws {
        let server = PortalServer(portal: try Portal())
        let home = server.respond(to: try request("/partners/"))
        #expect(home.status == 200)
        #expect(String(decoding: home.body, as: UTF8.self).contains("/partners/_assets/logo.svg"))
        let logo = server.respond(to: try request("/partners/_assets/logo.svg"))
        #expect(logo.status == 200)
        #expect(logo.headers.contains(HTTPResponse.HeaderField("Content-Type", "image/svg+xml")))
        #expect(String(decoding: logo.body, as: UTF8.self).hasPrefix("<svg"))
        let icon = server.respond(to: try request("/favicon.ico"))
        #expect(icon.status == 200)
        #expect(icon.headers.contains(HTTPResponse.HeaderField("Content-Type", "image/x-icon")))
        #expect(icon.body.starts(with: [0, 0, 1, 0]), "an ICO file, not text")
        #expect(String(decoding: home.body, as: UTF8.self).contains("<link rel=\"icon\" href=\"/partners/_assets/favicon.svg\">"))
        #expect(server.respond(to: try request("/")).headers.contains(HTTPResponse.HeaderField("Location", "/partners/")))
        #expect(server.respond(to: try request("/help/")).status == 200)
        let head = server.respond(to: try request("/partners/", method: .head))
        #expect(head.status == 200)
        #expect(head.body.count == home.body.count, "HEAD is rendered as GET so Content-Length matches; the server omits the body")
        #expect(server.respond(to: try request("/nowhere")).status == 404)
    }

    @Test func aKoreanArticleIsServedFromItsEncodedPath() throws {
        let portal = try Portal()
        let korean = try #require(portal.articles.paths.first { $0.contains("%EB%94%9C") })
        let parsed = try request("/partners" + korean)
        #expect(parsed.path == "/partners/article/딜-등록-방법")
        let response = PortalServer.bridge(parsed, to: portal.community, as: portal.viewer("jisoo"))
        #expect(response.status == 200)
        #expect(String(decoding: response.body, as: UTF8.self).contains("딜 등록 방법"))
    }

    @Test func aMultipartUploadPassesThroughTheBridgeAndTheFileComesBackAsBytes() throws {
        let portal = try Portal()
        let pat = portal.viewer("pat")
        let page = "/partners/case/case-acme-1"
        let html = String(decoding: PortalServer.bridge(try request(page), to: portal.community, as: pat).body, as: UTF8.self)
        let token = try #require(Portal.token(in: html))
        let bytes: [UInt8] = Array("first line\r\n".utf8) + [0, 0xFF, 0x80]
        var body = Array("--b0undary\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n\(token)\r\n".utf8)
        body += Array("--b0undary\r\nContent-Disposition: form-data; name=\"case\"\r\n\r\ncase-acme-1\r\n".utf8)
        body += Array("--b0undary\r\nContent-Disposition: form-data; name=\"file\"; filename=\"raw.txt\"\r\nContent-Type: text/plain\r\n\r\n".utf8)
        body += bytes + Array("\r\n--b0undary--\r\n".utf8)
        var upload = try request("/partners/_action/attachCaseFile", method: .post)
        upload.headers = HTTPHeaders([("Content-Type", "multipart/form-data; boundary=b0undary")])
        upload.body = body
        let response = PortalServer.bridge(upload, to: portal.community, as: pat)
        #expect(response.status == 303)
        let ids = try portal.community.cases.attachments(of: "case-acme-1", viewer: "pat")
        let download = PortalServer.bridge(try request("/partners/_file/" + (ids.last ?? "")), to: portal.community, as: pat)
        #expect(download.status == 200)
        #expect(download.body == bytes)
    }

    @Test func aPostWithoutAValidTokenIsRefusedNotCrashed() throws {
        let server = PortalServer(portal: try Portal())
        let response = server.respond(to: try request("/partners/_action/registerLead", method: .post, form: ["company": "X"]))
        #expect((400..<500).contains(response.status))
    }

    @Test func theServerAnswersOverASocket() throws {
        let site = PortalServer(portal: try Portal())
        let server = HTTPServer(HTTPServerConfiguration(port: 0)) { site.respond(to: $0) }
        let port = try server.start()
        server.runInBackground()
        defer { server.stop() }
        let client = try PortalClient(port: port)
        let first = try #require(try client.get("/partners/"))
        #expect(first.status == 200)
        #expect(first.body.contains("Northwind Partner Central"))
        let second = try #require(try client.get("/partners/_assets/logo.svg"))
        #expect(second.status == 200)
        #expect(second.body.contains("<svg"))
    }
}
