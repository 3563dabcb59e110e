import DevServer

/// Starts a server on an ephemeral loopback port for the length of a test.
func withServer(
    _ configuration: HTTPServerConfiguration = .testing,
    handler: @escaping @Sendable (HTTPRequest) -> HTTPResponse = echo,
    _ body: (UInt16, HTTPServer) throws -> Void
) throws {
    var configuration = configuration
    configuration.port = 0
    let server = HTTPServer(configuration, handler: handler)
    let port = try server.start()
    server.runInBackground()
    defer { server.stop() }
    try body(port, server)
}

extension HTTPServerConfiguration {
    /// Short timeouts so slow-client tests finish quickly.
    static var testing: HTTPServerConfiguration {
        HTTPServerConfiguration(
            port: 0, maxRequestLineBytes: 1024, maxHeaderCount: 20, maxHeaderBytes: 2048, maxBodyBytes: 4096, maxFields: 10,
            maxFieldBytes: 256, maxCookies: 5, maxCookieValueBytes: 64, headerTimeout: .seconds(2), bodyTimeout: .seconds(2),
            maxRequestsPerConnection: 5, maxConnections: 64, shutdownGrace: .seconds(2))
    }
}

/// Answers with the request as the server understood it, one `key: value` a line.
let echo: @Sendable (HTTPRequest) -> HTTPResponse = { request in
    var lines = ["method: \(request.method.rawValue)", "path: \(request.path)", "encodedPath: \(request.encodedPath)"]
    lines += request.query.sorted { $0.key < $1.key }.map { "query \($0.key): \($0.value)" }
    lines += request.cookies.sorted { $0.key < $1.key }.map { "cookie \($0.key): \($0.value)" }
    lines += request.form.sorted { $0.key < $1.key }.map { "form \($0.key): \($0.value)" }
    if let value = request.headers["x-test"] { lines.append("x-test: \(value)") }
    lines.append("client: \(request.clientAddress ?? "?")")
    return .plain(200, lines.joined(separator: "\n"))
}

/// A GET with a Host header.
func get(_ target: String, extra: String = "") -> String {
    "GET \(target) HTTP/1.1\r\nHost: test\r\n\(extra)\r\n"
}
