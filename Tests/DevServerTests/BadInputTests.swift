import DevServer
import Testing

@Suite("Bad input gets a clean 4xx and the server lives on")
struct BadInputTests {
    /// Sends raw bytes on a fresh connection, expects `status`, then checks a normal request still works.
    func expect(_ raw: String, status: Int, _ configuration: HTTPServerConfiguration = .testing) throws {
        try withServer(configuration) { port, _ in
            let client = try RawClient(port: port)
            client.send(raw)
            let response = try #require(try client.readResponse())
            #expect(response.status == status, "\(raw.prefix(60).debugDescription) → \(response.status) \(response.body)")
            #expect(response.headers["connection"] == "close")
            let next = try RawClient(port: port)
            next.send(get("/still-alive"))
            #expect(try next.readResponse()?.status == 200)
        }
    }

    @Test func anOversizedRequestLineGets414() throws {
        try expect(get("/" + String(repeating: "a", count: 2000)), status: 414)
    }

    @Test func anOversizedRequestLineWithoutAnEndGets414() throws {
        try expect("GET /" + String(repeating: "a", count: 5000), status: 414)
    }

    @Test func tooManyHeadersGet431() throws {
        let extra = (0..<30).map { "X-H\($0): v\r\n" }.joined()
        try expect(get("/", extra: extra), status: 431)
    }

    @Test func oversizedHeadersGet431() throws {
        try expect(get("/", extra: "X-Big: \(String(repeating: "b", count: 3000))\r\n"), status: 431)
    }

    @Test func oversizedHeadersWithoutAnEndGet431() throws {
        try expect("GET / HTTP/1.1\r\nHost: t\r\nX-Big: " + String(repeating: "b", count: 8000), status: 431)
    }

    @Test func anOversizedBodyGets413() throws {
        try expect("POST / HTTP/1.1\r\nHost: t\r\nContent-Length: 999999\r\n\r\n", status: 413)
    }

    @Test func chunkedBodiesAreRefused() throws {
        try expect("POST / HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n", status: 501)
    }

    @Test func transferEncodingWithContentLengthIsRefused() throws {
        try expect("POST / HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\nabc", status: 400)
    }

    @Test func aPostWithoutLengthGets411() throws {
        try expect("POST / HTTP/1.1\r\nHost: t\r\n\r\n", status: 411)
    }

    @Test(arguments: [
        "/%FF", "/%C3", "/%zz", "/%4", "/a%", "/?q=%FF", "/?q=%G1", "/?%=1", "/%00",
    ])
    func badPercentEncodingOrInvalidUTF8Gets400(target: String) throws {
        try expect(get(target), status: 400)
    }

    @Test func rawInvalidUTF8InAHeaderGets400() throws {
        try withServer { port, _ in
            let client = try RawClient(port: port)
            client.send(Array("GET / HTTP/1.1\r\nHost: t\r\nX-Test: ".utf8) + [0xC3, 0x28] + Array("\r\n\r\n".utf8))
            #expect(try client.readResponse()?.status == 400)
        }
    }

    @Test func rawNonASCIIInTheTargetGets400() throws {
        try withServer { port, _ in
            let client = try RawClient(port: port)
            client.send(Array("GET /".utf8) + [0xEB, 0x94, 0x9C] + Array(" HTTP/1.1\r\nHost: t\r\n\r\n".utf8))
            #expect(try client.readResponse()?.status == 400)
        }
    }

    @Test func aBadFormBodyGets400() throws {
        let body = "name=%FF"
        try expect("POST / HTTP/1.1\r\nHost: t\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: \(body.utf8.count)\r\n\r\n\(body)", status: 400)
    }

    @Test func tooManyFormFieldsGet400() throws {
        let body = (0..<20).map { "f\($0)=v" }.joined(separator: "&")
        try expect("POST / HTTP/1.1\r\nHost: t\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: \(body.utf8.count)\r\n\r\n\(body)", status: 400)
    }

    @Test(arguments: [
        "GET http://example.com/ HTTP/1.1\r\nHost: t\r\n\r\n",   // absolute-form
        "GET * HTTP/1.1\r\nHost: t\r\n\r\n",                     // asterisk-form
        "GET / HTTP/1.1\r\n\r\n",                                // no Host
        "GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n",          // two Hosts
        "GET  / HTTP/1.1\r\nHost: t\r\n\r\n",                    // double space
        "GET / HTTP/1.1\r\nHost : t\r\n\r\n",                    // space before colon
        "GET / HTTP/1.1\r\nHost: t\r\n folded\r\n\r\n",          // obsolete line folding
        "GET / HTTP/1.1\r\nHost: t\r\nNoColon\r\n\r\n",
        "GET / HTTP/1.1\r\nHost: t\nX: y\r\n\r\n",               // bare LF
        "GET /#frag HTTP/1.1\r\nHost: t\r\n\r\n",
        "GET / HTTP/1.1\r\nHost: t\r\nContent-Length: -1\r\n\r\n",
        "GET / HTTP/1.1\r\nHost: t\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab",
        "GET / FTP/1.0\r\nHost: t\r\n\r\n",
    ])
    func malformedRequestsGet400(raw: String) throws {
        try expect(raw, status: 400)
    }

    @Test func unknownMethodsGet501() throws {
        try expect("BREW / HTTP/1.1\r\nHost: t\r\n\r\n", status: 501)
    }

    @Test func otherHTTPVersionsGet505() throws {
        try expect("GET / HTTP/2.0\r\nHost: t\r\n\r\n", status: 505)
    }

    @Test func aSlowClientIsDroppedAfterTheHeaderTimeout() throws {
        var configuration = HTTPServerConfiguration.testing
        configuration.headerTimeout = .milliseconds(300)
        try withServer(configuration) { port, _ in
            let client = try RawClient(port: port)
            client.send("GET / HTTP/1.1\r\nHost: t\r\nX-Half: ")
            let response = try client.readResponse()
            #expect(response?.status == 408)
            #expect(client.isClosedByServer())
            let next = try RawClient(port: port)
            next.send(get("/"))
            #expect(try next.readResponse()?.status == 200)
        }
    }

    @Test func anIdleKeepAliveConnectionIsClosedSilently() throws {
        var configuration = HTTPServerConfiguration.testing
        configuration.headerTimeout = .milliseconds(300)
        try withServer(configuration) { port, _ in
            let client = try RawClient(port: port)
            client.send(get("/"))
            #expect(try client.readResponse()?.status == 200)
            #expect(try client.readResponse() == nil)
        }
    }

    @Test func aSlowBodyIsDroppedAfterTheBodyTimeout() throws {
        var configuration = HTTPServerConfiguration.testing
        configuration.bodyTimeout = .milliseconds(300)
        try withServer(configuration) { port, _ in
            let client = try RawClient(port: port)
            client.send("POST / HTTP/1.1\r\nHost: t\r\nContent-Length: 10\r\n\r\nabc")
            #expect(try client.readResponse()?.status == 408)
            #expect(client.isClosedByServer())
        }
    }
}
