import DevServer
import Foundation
import Synchronization
import Testing

@Suite("Serving requests over sockets")
struct ServingTests {
    @Test func normalGetIsAnsweredWithTheParsedRequest() throws {
        try withServer { port, _ in
            let client = try RawClient(port: port)
            client.send(get("/hello/world?x=1&y=two", extra: "X-Test: yes\r\n"))
            let response = try #require(try client.readResponse())
            #expect(response.status == 200)
            #expect(response.body.contains("method: GET"))
            #expect(response.body.contains("path: /hello/world"))
            #expect(response.body.contains("query x: 1"))
            #expect(response.body.contains("query y: two"))
            #expect(response.body.contains("x-test: yes"))
            #expect(response.body.contains("client: 127.0.0.1"))
            #expect(response.headers["connection"] == "keep-alive")
        }
    }

    @Test func keepAliveServesTwoRequestsOnOneConnection() throws {
        try withServer { port, _ in
            let client = try RawClient(port: port)
            client.send(get("/one"))
            #expect(try client.readResponse()?.body.contains("path: /one") == true)
            client.send(get("/two"))
            #expect(try client.readResponse()?.body.contains("path: /two") == true)
        }
    }

    @Test func connectionCloseIsHonoured() throws {
        try withServer { port, _ in
            let client = try RawClient(port: port)
            client.send(get("/", extra: "Connection: close\r\n"))
            let response = try #require(try client.readResponse())
            #expect(response.headers["connection"] == "close")
            #expect(client.isClosedByServer())
        }
    }

    @Test func http10ClosesUnlessAskedToKeepAlive() throws {
        try withServer { port, _ in
            let client = try RawClient(port: port)
            client.send("GET / HTTP/1.0\r\n\r\n")
            #expect(try client.readResponse()?.status == 200)
            #expect(client.isClosedByServer())
        }
    }

    @Test func aConnectionIsClosedAfterItsRequestLimit() throws {
        var configuration = HTTPServerConfiguration.testing
        configuration.maxRequestsPerConnection = 2
        try withServer(configuration) { port, _ in
            let client = try RawClient(port: port)
            client.send(get("/1"))
            #expect(try client.readResponse()?.headers["connection"] == "keep-alive")
            client.send(get("/2"))
            #expect(try client.readResponse()?.headers["connection"] == "close")
            #expect(client.isClosedByServer())
        }
    }

    @Test func pipelinedRequestsAreAnsweredInOrder() throws {
        try withServer { port, _ in
            let client = try RawClient(port: port)
            client.send(get("/first") + get("/second") + get("/third", extra: "Connection: close\r\n"))
            #expect(try client.readResponse()?.body.contains("path: /first") == true)
            #expect(try client.readResponse()?.body.contains("path: /second") == true)
            #expect(try client.readResponse()?.body.contains("path: /third") == true)
            #expect(client.isClosedByServer())
        }
    }

    @Test func headAnswersWithoutABody() throws {
        try withServer { port, _ in
            let client = try RawClient(port: port)
            client.send("HEAD / HTTP/1.1\r\nHost: test\r\n\r\n")
            let response = try #require(try client.readResponse(headOnly: true))
            #expect(response.status == 200)
            #expect(Int(response.headers["content-length"] ?? "") ?? 0 > 0)
            client.send(get("/after"))
            #expect(try client.readResponse()?.body.contains("path: /after") == true)
        }
    }

    @Test func formBodiesAreDecodedIntoFields() throws {
        try withServer { port, _ in
            let client = try RawClient(port: port)
            let body = "company=Caf%C3%A9+Ltd&name=%EB%94%9C&empty=&company=second"
            client.send("POST /submit HTTP/1.1\r\nHost: test\r\nContent-Type: application/x-www-form-urlencoded; charset=utf-8\r\nContent-Length: \(body.utf8.count)\r\n\r\n\(body)")
            let response = try #require(try client.readResponse())
            #expect(response.status == 200)
            #expect(response.body.contains("form company: Café Ltd"))
            #expect(response.body.contains("form name: 딜"))
            #expect(response.body.contains("form empty: "))
        }
    }

    @Test func expectContinueGetsAnInterimResponse() throws {
        try withServer { port, _ in
            let client = try RawClient(port: port)
            client.send("POST /x HTTP/1.1\r\nHost: test\r\nExpect: 100-continue\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 3\r\n\r\n")
            #expect(try client.readResponse(headOnly: true)?.status == 100)
            client.send("a=b")
            let response = try #require(try client.readResponse())
            #expect(response.status == 200)
            #expect(response.body.contains("form a: b"))
        }
    }

    @Test func percentEncodedPathAndQueryAreDecoded() throws {
        try withServer { port, _ in
            let client = try RawClient(port: port)
            client.send(get("/article/%EB%94%9C-%EB%93%B1%EB%A1%9D?q=%EB%94%9C+%EB%93%B1%EB%A1%9D&plus=a%2Bb"))
            let response = try #require(try client.readResponse())
            #expect(response.body.contains("path: /article/딜-등록"))
            #expect(response.body.contains("encodedPath: /article/%EB%94%9C-%EB%93%B1%EB%A1%9D"))
            #expect(response.body.contains("query q: 딜 등록"))
            #expect(response.body.contains("query plus: a+b"))
        }
    }

    @Test func malformedCookiePiecesAreIgnored() throws {
        try withServer { port, _ in
            let client = try RawClient(port: port)
            let long = String(repeating: "v", count: 100)
            client.send(get("/", extra: "Cookie: a=1; broken; =nameless; b=\"quoted\"; c=has space; d=ok;;; e=\(long); a=second\r\n"))
            let response = try #require(try client.readResponse())
            #expect(response.status == 200)
            #expect(response.body.contains("cookie a: 1"))
            #expect(response.body.contains("cookie b: quoted"))
            #expect(response.body.contains("cookie d: ok"))
            #expect(!response.body.contains("cookie c"))
            #expect(!response.body.contains("cookie e"))
            #expect(!response.body.contains("broken"))
            #expect(!response.body.contains("nameless"))
        }
    }

    @Test func manyConcurrentConnectionsAreServed() throws {
        try withServer { port, _ in
            let clients = try (0..<40).map { _ in try RawClient(port: port) }
            for (i, client) in clients.enumerated() { client.send(get("/c/\(i)")) }
            for (i, client) in clients.enumerated() {
                #expect(try client.readResponse()?.body.contains("path: /c/\(i)\n") == true)
            }
        }
    }

    @Test func manyClientsOnManyThreadsAreServed() throws {
        try withServer { port, _ in
            let served = Mutex(0)
            DispatchQueue.concurrentPerform(iterations: 32) { i in
                guard let client = try? RawClient(port: port) else { return }
                for round in 0..<3 {
                    client.send(get("/t/\(i)/\(round)"))
                    if (try? client.readResponse())?.status == 200 { served.withLock { $0 += 1 } }
                }
            }
            #expect(served.withLock { $0 } == 96)
        }
    }

    @Test func connectionsAboveTheCapGet503() throws {
        var configuration = HTTPServerConfiguration.testing
        configuration.maxConnections = 2
        try withServer(configuration) { port, _ in
            let first = try RawClient(port: port)
            let second = try RawClient(port: port)
            for client in [first, second] {
                client.send(get("/"))
                #expect(try client.readResponse()?.status == 200)
            }
            let third = try RawClient(port: port)
            #expect(try third.readResponse()?.status == 503)
            first.send(get("/", extra: "Connection: close\r\n"))
            #expect(try first.readResponse()?.status == 200)
        }
    }

    @Test func stopClosesIdleConnectionsAndEndsTheAcceptLoop() throws {
        var configuration = HTTPServerConfiguration.testing
        configuration.port = 0
        let server = HTTPServer(configuration, handler: echo)
        let port = try server.start()
        server.runInBackground()
        let client = try RawClient(port: port)
        client.send(get("/"))
        #expect(try client.readResponse()?.status == 200)
        server.stop()
        #expect(client.isClosedByServer())
        var waited = 0
        while !server.hasStopped, waited < 500 {
            usleep(10_000)
            waited += 1
        }
        #expect(server.hasStopped)
        #expect(throws: (any Error).self) { try RawClient(port: port) }
    }

    @Test func aBusyPortIsReportedInWords() throws {
        try withServer { port, _ in
            var configuration = HTTPServerConfiguration.testing
            configuration.port = port
            let second = HTTPServer(configuration, handler: echo)
            #expect(throws: HTTPServerError.portInUse(port)) { try second.start() }
        }
    }
}

@Suite("Handler slots")
struct HandlerSlotTests {
    @Test func noMoreRequestsAreHandledAtOnceThanThereAreSlots() throws {
        var configuration = HTTPServerConfiguration.testing
        configuration.maxConcurrentHandlers = 1
        let inFlight = Atomic<Int>(0)
        let most = Atomic<Int>(0)
        try withServer(configuration, handler: { request in
            let now = inFlight.wrappingAdd(1, ordering: .acquiringAndReleasing).newValue
            most.max(now, ordering: .acquiringAndReleasing)
            usleep(20_000)
            inFlight.wrappingSubtract(1, ordering: .acquiringAndReleasing)
            return echo(request)
        }) { port, _ in
            let clients = try (0..<6).map { _ in try RawClient(port: port) }
            for client in clients { client.send(get("/slow")) }
            for client in clients { #expect(try client.readResponse()?.status == 200) }
        }
        #expect(most.load(ordering: .acquiring) == 1)
    }
}
