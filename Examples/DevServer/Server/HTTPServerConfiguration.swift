/// Where a ``HTTPServer`` listens and the limits it holds every client to.
///
/// The defaults suit a development server on the loopback interface; tests shorten the
/// timeouts so that a slow client is dropped quickly.
public struct HTTPServerConfiguration: Sendable, Hashable {
    /// The IPv4 address to listen on, in dotted form (`127.0.0.1`).
    public var host: String
    /// The TCP port; `0` asks the system for a free (ephemeral) port.
    public var port: UInt16
    /// The longest request line accepted, in bytes; longer lines get 414.
    public var maxRequestLineBytes: Int
    /// The most header fields accepted in one request; more get 431.
    public var maxHeaderCount: Int
    /// The most bytes of header fields accepted in one request (after the request line); more get 431.
    public var maxHeaderBytes: Int
    /// The largest body accepted (by `Content-Length`); larger bodies get 413.
    public var maxBodyBytes: Int
    /// The most query parameters or form fields accepted; more get 400.
    public var maxFields: Int
    /// The longest query parameter or form field (name or value), in bytes after decoding; longer get 400.
    public var maxFieldBytes: Int
    /// The most cookies taken from the `Cookie` header; later ones are ignored.
    public var maxCookies: Int
    /// The longest cookie value kept, in bytes; longer cookies are ignored.
    public var maxCookieValueBytes: Int
    /// How long a client may take to send a request's head, including waiting for the next
    /// request on a kept-alive connection; then the connection is closed.
    public var headerTimeout: Duration
    /// How long a client may take to send a request's body; then it gets 408 and is closed.
    public var bodyTimeout: Duration
    /// How many requests one connection may make before the server closes it.
    public var maxRequestsPerConnection: Int
    /// How many connections are served at once; a client above the cap gets 503.
    public var maxConnections: Int
    /// How long ``HTTPServer/run()`` waits for open connections to finish after a stop.
    public var shutdownGrace: Duration
    /// How many requests are handled at the same moment; other connections wait their turn.
    /// Rendering is CPU work, so more than one per core only adds contention.
    public var maxConcurrentHandlers: Int

    /// A configuration with development defaults: 8 KiB request line, 100 headers in
    /// 16 KiB, 1 MiB bodies, 10 s to send a head, 30 s to send a body, 1,000 requests per
    /// connection, 128 connections at once, and as many requests handled at once as there
    /// are processor cores (`maxConcurrentHandlers` 0).
    public init(
        host: String = "127.0.0.1", port: UInt16 = 8080, maxRequestLineBytes: Int = 8192, maxHeaderCount: Int = 100,
        maxHeaderBytes: Int = 16_384, maxBodyBytes: Int = 1 << 20, maxFields: Int = 200, maxFieldBytes: Int = 65_536,
        maxCookies: Int = 50, maxCookieValueBytes: Int = 4096, headerTimeout: Duration = .seconds(10),
        bodyTimeout: Duration = .seconds(30), maxRequestsPerConnection: Int = 1000, maxConnections: Int = 128,
        shutdownGrace: Duration = .seconds(5), maxConcurrentHandlers: Int = 0
    ) {
        self.host = host
        self.port = port
        self.maxRequestLineBytes = maxRequestLineBytes
        self.maxHeaderCount = maxHeaderCount
        self.maxHeaderBytes = maxHeaderBytes
        self.maxBodyBytes = maxBodyBytes
        self.maxFields = maxFields
        self.maxFieldBytes = maxFieldBytes
        self.maxCookies = maxCookies
        self.maxCookieValueBytes = maxCookieValueBytes
        self.headerTimeout = headerTimeout
        self.bodyTimeout = bodyTimeout
        self.maxRequestsPerConnection = maxRequestsPerConnection
        self.maxConnections = maxConnections
        self.shutdownGrace = shutdownGrace
        self.maxConcurrentHandlers = maxConcurrentHandlers
    }
}
