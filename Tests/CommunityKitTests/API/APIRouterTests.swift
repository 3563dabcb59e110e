import CommunityKit
import CommunityTesting
import Foundation
import Testing

/// The router and the OpenAPI document come from the same endpoint values; bodies are decoded
/// strictly against the schema those values carry.
@Suite struct APIRouterTests {
    @Test func theOpenAPIDocumentListsExactlyTheRoutesTheRouterServes() throws {
        let community = try APIFixture.community()
        let answer = APICaller(community).get("/openapi.json")
        #expect(answer.status == 200)
        #expect(answer.json["openapi"]?.stringValue == "3.1.0")
        guard case .object(let paths)? = answer.json["paths"] else { Issue.record("no paths"); return }
        var documented = Set<String>()
        for (path, operations) in paths {
            for method in operations.objectValue.keys { documented.insert(method.uppercased() + " " + path) }
        }
        // Every documented operation is routed (it answers something other than 404/405 "no such route").
        for entry in documented {
            let parts = entry.split(separator: " ", maxSplits: 1)
            let concrete = String(parts[1]).replacingOccurrences(of: "{object}", with: "Lead").replacingOccurrences(of: "{id}", with: "x")
                .replacingOccurrences(of: "{slug}", with: "x")
            let method = try #require(SiteRequest.Method(rawValue: String(parts[0])))
            let answer = APICaller(community, token: try APIFixture.token(community, "cara")).call(method, concrete)
            #expect(answer.kind != "method-not-allowed", "\(entry)")
            #expect(!(answer.status == 404 && answer.json["detail"]?.stringValue?.hasPrefix("No API resource") == true), "\(entry)")
        }
        #expect(documented.contains("GET /records/{object}"))
        #expect(documented.contains("PATCH /records/{object}/{id}"))
        #expect(documented.contains("POST /leads"))
        #expect(documented.count >= 25)
    }

    @Test func requestBodySchemasAreClosedInTheDocument() throws {
        let community = try APIFixture.community()
        let document = try #require(community.openAPIDocument(forSite: "partners"))
        let register = document["paths"]?["/leads"]?["post"]?["requestBody"]?["content"]?["application/json"]?["schema"]
        #expect(register?["additionalProperties"] == .bool(false))
        #expect(register?["required"] == .array([.string("lastName"), .string("company")]))
        let security = document["paths"]?["/leads"]?["post"]?["security"]
        #expect(security?.description.contains("records:write") == true)
    }

    @Test func unknownPathsAndMethodsAreProblems() throws {
        let community = try APIFixture.community()
        let caller = APICaller(community, token: try APIFixture.token(community, "pat"))
        let missing = caller.get("/nothing-here")
        #expect(missing.status == 404)
        #expect(missing.contentType == "application/problem+json")
        let wrong = caller.call(.put, "/leads")
        #expect(wrong.status == 405)
        #expect(wrong.response.headers["Allow"]?.contains("POST") == true)
    }

    @Test func duplicateEndpointsAreRefusedWhenTheRouterIsBuilt() {
        let a = APIEndpoint("a", .get, "/x/{id}", summary: "", tag: "t", scope: nil, parameters: [.pathID("id", "")], response: nil) { _ in APIReply(nil) }
        let b = APIEndpoint("b", .get, "/x/{other}", summary: "", tag: "t", scope: nil, parameters: [.pathID("other", "")], response: nil) { _ in APIReply(nil) }
        #expect(throws: APIRouterError.duplicateRoute("GET /x/{other}")) { try APIRouter([a, b]) }
        #expect(throws: APIRouterError.duplicateOperation("a")) { try APIRouter([a, a]) }
        let undeclared = APIEndpoint("c", .get, "/y/{id}", summary: "", tag: "t", scope: nil, response: nil) { _ in APIReply(nil) }
        #expect(throws: APIRouterError.malformedPath("/y/{id}")) { try APIRouter([undeclared]) }
    }

    @Test func literalSegmentsWinOverParameters() throws {
        let literal = APIEndpoint("lit", .get, "/x/me", summary: "", tag: "t", scope: nil, response: nil) { _ in APIReply(.string("literal")) }
        let param = APIEndpoint("par", .get, "/x/{id}", summary: "", tag: "t", scope: nil, parameters: [.pathID("id", "")], response: nil) { _ in APIReply(nil) }
        let router = try APIRouter([param, literal])
        guard case .endpoint(let e, _) = router.match(.get, "/x/me") else { Issue.record("no match"); return }
        #expect(e.operationID == "lit")
        guard case .endpoint(let p, let parameters) = router.match(.get, "/x/42") else { Issue.record("no match"); return }
        #expect(p.operationID == "par" && parameters["id"] == "42")
        if case .none = router.match(.get, "/x//") {} else { Issue.record("empty segment matched") }
    }

    /// The router splits templates once and compares only templates as long as the path; a
    /// plain matcher that splits every template per request must agree on random tables and
    /// paths (endpoint, parameters, 405 with the allowed methods, 404).
    @Test func routingAgreesWithAPlainMatcherOnRandomTables() throws {
        var random = SeededRandom(seed: 0x20_07E5)
        let words = ["a", "b", "me", "records", "x"]
        let methods: [SiteRequest.Method] = [.get, .post, .patch, .delete]
        for _ in 0..<60 {
            var endpoints: [APIEndpoint] = []
            var shapes = Set<String>()
            for index in 0..<Int.random(in: 1...12, using: &random) {
                let length = Int.random(in: 1...3, using: &random)
                var segments: [String] = []
                var parameters: [APIParameter] = []
                for position in 0..<length {
                    if Bool.random(using: &random) {
                        segments.append("{p\(position)}")
                        parameters.append(.pathID("p\(position)", ""))
                    } else {
                        segments.append(words.randomElement(using: &random) ?? "a")
                    }
                }
                let method = methods.randomElement(using: &random) ?? .get
                let shape = method.rawValue + " " + segments.map { $0.hasPrefix("{") ? "{}" : $0 }.joined(separator: "/")
                guard shapes.insert(shape).inserted else { continue }
                endpoints.append(APIEndpoint("op\(index)", method, "/" + segments.joined(separator: "/"), summary: "", tag: "t", scope: nil,
                                             parameters: parameters, response: nil) { _ in APIReply(nil) })
            }
            let router = try APIRouter(endpoints)
            for _ in 0..<40 {
                let path = "/" + (0..<Int.random(in: 1...3, using: &random)).map { _ in words.randomElement(using: &random) ?? "a" }.joined(separator: "/")
                let method = methods.randomElement(using: &random) ?? .get
                #expect(describe(router.match(method, path)) == plainMatch(endpoints, method, path), "\(method.rawValue) \(path)")
            }
        }
    }

    private func describe(_ match: APIRouter.Match) -> String {
        switch match {
        case .endpoint(let endpoint, let parameters): "endpoint \(endpoint.operationID) \(parameters.sorted { $0.key < $1.key })"
        case .wrongMethod(let allowed): "405 \(allowed)"
        case .none: "404"
        }
    }

    /// The obvious matcher: split each template, count literals, the most literals win.
    private func plainMatch(_ endpoints: [APIEndpoint], _ method: SiteRequest.Method, _ path: String) -> String {
        let given = path.split(separator: "/").map(String.init)
        var best: (APIEndpoint, [String: String], Int)?
        var allowed = Set<String>()
        for endpoint in endpoints {
            let template = endpoint.path.split(separator: "/").map(String.init)
            guard template.count == given.count else { continue }
            var parameters: [String: String] = [:]
            var literals = 0
            var matches = true
            for (t, g) in zip(template, given) {
                if t.hasPrefix("{") { parameters[String(t.dropFirst().dropLast())] = g } else if t == g { literals += 1 } else { matches = false }
            }
            guard matches else { continue }
            if endpoint.method == method {
                if best == nil || literals > best?.2 ?? 0 { best = (endpoint, parameters, literals) }
            } else {
                allowed.insert(endpoint.method.rawValue)
            }
        }
        if let best { return "endpoint \(best.0.operationID) \(best.1.sorted { $0.key < $1.key })" }
        if !allowed.isEmpty { return "405 \((allowed.union(["OPTIONS"])).sorted())" }
        return "404"
    }

    @Test func scopeNamesParseToTheirScopesAndNothingElse() {
        for scope in APIScope.all { #expect(APIScope(parsing: scope.name) == scope) }
        for text in ["", "records", "records:", ":read", "records:read:x", "RECORDS:READ", "records:admin", " records:read"] {
            #expect(APIScope(parsing: text) == nil, "\(text)")
        }
    }

    @Test(arguments: [
        (#"{"lastName": 5, "company": "C"}"#, "lastName"),
        (#"{"lastName": "L", "company": "C", "extra": true}"#, "extra"),
        (#"{"company": "C"}"#, "lastName"),
        (#"{"lastName": "", "company": "C"}"#, "lastName"),
        ("{\"lastName\": \"" + String(repeating: "x", count: 81) + "\", \"company\": \"C\"}", "lastName"),
        (#"{"lastName": "L\u0000", "company": "C"}"#, "lastName"),
        (#"[1, 2]"#, ""),
    ])
    func badBodiesNameTheFieldAndWriteNothing(body: String, field: String) throws {
        let community = try APIFixture.community()
        let before = try community.store.snapshot().all(Lead.self).count
        let answer = APICaller(community, token: try APIFixture.token(community, "pat")).post("/leads", body)
        #expect(answer.status == 400)
        #expect(answer.kind == "invalid-request")
        #expect(answer.invalidFields.contains(field), "\(answer.invalidFields)")
        #expect(try community.store.snapshot().all(Lead.self).count == before)
    }

    @Test func malformedDeepAndOversizedBodiesAreProblems() throws {
        let community = try APIFixture.community()
        let caller = APICaller(community, token: try APIFixture.token(community, "pat"))
        #expect(caller.post("/leads", "{\"lastName\": ").kind == "invalid-request")
        #expect(caller.post("/leads", String(repeating: "[", count: 40) + String(repeating: "]", count: 40)).invalidFields == ["body"])
        let big = caller.post("/leads", "{\"lastName\": \"" + String(repeating: "x", count: 70_000) + "\"}")
        #expect(big.status == 413 && big.kind == "body-too-large")
        let text = caller.call(.post, "/leads", headers: ["content-type": "text/plain"])
        #expect(text.status == 400 || text.status == 415)
        let notJSON = APIAnswer(response: community.handle(SiteRequest(
            .post, "/partners/api/v1/leads", headers: ["authorization": "Bearer " + (caller.token ?? ""), "content-type": "text/plain"], body: Array("x".utf8))))
        #expect(notJSON.status == 415)
        #expect(caller.get("/leads", query: ["limit": "1000"]).invalidFields == ["limit"])
        #expect(caller.get("/leads", query: ["limit": "abc"]).invalidFields == ["limit"])
        #expect(caller.get("/leads", query: ["bogus": "1"]).invalidFields == ["bogus"])
        #expect(try community.store.snapshot().all(Lead.self).count == 3)
    }
}
