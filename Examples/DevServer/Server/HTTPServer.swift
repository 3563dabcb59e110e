#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch
import Foundation
import Synchronization

/// A small HTTP/1.1 server on POSIX sockets, for developing and demonstrating sites on the
/// loopback interface. Not a production server: no TLS, one thread per connection.
///
/// - Requests are parsed strictly into ``HTTPRequest`` values; bad input gets a 4xx (or 5xx
///   for what is not implemented) and the connection is closed; the process lives on.
/// - Limits and timeouts come from ``HTTPServerConfiguration``.
/// - Keep-alive is the HTTP/1.1 default; `Connection: close` is honoured.
/// - ``stop()`` (or SIGINT/SIGTERM while ``run(stopOnSignals:)`` runs) stops accepting, lets
///   requests in progress finish, closes idle connections and makes ``run(stopOnSignals:)`` return.
///
/// ```swift
/// let server = HTTPServer(HTTPServerConfiguration(port: 8080)) { request in .plain(200, "hello") }
/// let port = try server.start()
/// server.run(stopOnSignals: true)
/// ```
public final class HTTPServer: Sendable {
    /// The configuration.
    public let configuration: HTTPServerConfiguration
    private let handler: @Sendable (HTTPRequest) -> HTTPResponse
    private let listener = Mutex<Socket?>(nil)
    private let stopping = Atomic<Bool>(false)
    private let active = Atomic<Int>(0)
    private let acceptLoopDone = Atomic<Bool>(false)
    private let handlerSlots: DispatchSemaphore

    /// A server that answers every request with `handler` (called on many threads at once).
    public init(_ configuration: HTTPServerConfiguration, handler: @escaping @Sendable (HTTPRequest) -> HTTPResponse) {
        self.configuration = configuration
        self.handler = handler
        let slots = configuration.maxConcurrentHandlers > 0
            ? configuration.maxConcurrentHandlers : ProcessInfo.processInfo.activeProcessorCount
        handlerSlots = DispatchSemaphore(value: max(1, slots))
    }

    /// Binds and listens; returns the port (the system's choice when the configuration says 0).
    ///
    /// - Throws: ``HTTPServerError`` when the address is malformed or the port cannot be bound.
    @discardableResult
    public func start() throws(HTTPServerError) -> UInt16 {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = configuration.port.bigEndian
        guard inet_pton(AF_INET, configuration.host, &address.sin_addr) == 1 else {
            throw .invalidAddress(configuration.host)
        }
        #if canImport(Glibc)
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let descriptor = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard descriptor >= 0 else { throw .system("socket", errno) }
        let socket = Socket(descriptor: descriptor)
        socket.setOption(level: SOL_SOCKET, name: SO_REUSEADDR, value: 1)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0 else {
            let code = errno
            socket.close()
            throw code == EADDRINUSE ? .portInUse(configuration.port) : .system("bind", code)
        }
        guard listen(descriptor, 128) == 0 else {
            let code = errno
            socket.close()
            throw .system("listen", code)
        }
        var actual = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &actual) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        listener.withLock { $0 = socket }
        return UInt16(bigEndian: actual.sin_port)
    }

    /// Accepts connections on the calling thread until ``stop()``, then waits (up to the
    /// configured grace) for open connections to finish, and closes the listening socket.
    /// With `stopOnSignals`, SIGINT and SIGTERM call ``stop()`` while it runs.
    public func run(stopOnSignals: Bool = false) {
        var sources: [any DispatchSourceSignal] = []
        if stopOnSignals {
            for number in [SIGINT, SIGTERM] {
                signal(number, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
                source.setEventHandler { [self] in stop() }
                source.resume()
                sources.append(source)
            }
        }
        signal(SIGPIPE, SIG_IGN)
        defer {
            for source in sources { source.cancel() }
            acceptLoopDone.store(true, ordering: .releasing)
        }
        guard let socket = listener.withLock({ $0 }) else { return }
        while !stopping.load(ordering: .acquiring) {
            guard socket.waitReadable(milliseconds: 200) == .readable else { continue }
            var address = sockaddr_in()
            var length = socklen_t(MemoryLayout<sockaddr_in>.size)
            let client = withUnsafeMutablePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { accept(socket.descriptor, $0, &length) }
            }
            guard client >= 0 else {
                // Out of descriptors: back off instead of spinning on a readable listener.
                if errno == EMFILE || errno == ENFILE { usleep(50_000) }
                continue
            }
            spawn(Socket(descriptor: client), address: Self.text(of: address))
        }
        socket.close()
        listener.withLock { $0 = nil }
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: configuration.shutdownGrace)
        while active.load(ordering: .acquiring) > 0, clock.now < deadline {
            usleep(20_000)
        }
    }

    /// Starts ``run(stopOnSignals:)`` on a thread of its own (for tests and embedding).
    public func runInBackground() {
        let thread = Thread { [self] in run() }
        thread.start()
    }

    /// Stops accepting; requests in progress finish and their connections close.
    public func stop() {
        stopping.store(true, ordering: .releasing)
    }

    /// Whether the accept loop has ended (after ``stop()``, once open connections finished or the grace ran out).
    public var hasStopped: Bool { acceptLoopDone.load(ordering: .acquiring) }

    /// How many connections are open right now.
    public var openConnections: Int { active.load(ordering: .relaxed) }

    private func spawn(_ client: Socket, address: String?) {
        let (previous, _) = active.wrappingAdd(1, ordering: .acquiringAndReleasing)
        guard previous < configuration.maxConnections else {
            _ = client.sendAll(HTTPResponse.plain(503, "too many connections; try again shortly").serialized(keepAlive: false, omitBody: false))
            client.closeGracefully()
            active.wrappingSubtract(1, ordering: .acquiringAndReleasing)
            return
        }
        client.setOption(level: Int32(IPPROTO_TCP), name: Int32(TCP_NODELAY), value: 1)
        client.setSendTimeout(configuration.bodyTimeout)
        let slots = handlerSlots
        let handler = handler
        let connection = HTTPConnection(
            socket: client, clientAddress: address, configuration: configuration,
            handler: { request in
                // Thread-per-connection I/O, but only as many renders at once as there are slots.
                slots.wait()
                defer { slots.signal() }
                return handler(request)
            },
            isStopping: { [self] in isStopping })
        let thread = Thread { [self] in
            connection.serve()
            client.closeGracefully()
            active.wrappingSubtract(1, ordering: .acquiringAndReleasing)
        }
        thread.stackSize = 4 << 20
        thread.start()
    }

    private var isStopping: Bool { stopping.load(ordering: .acquiring) }

    private static func text(of address: sockaddr_in) -> String? {
        var address = address.sin_addr
        var buffer = [CChar](repeating: 0, count: Int(INET_ADDRSTRLEN))
        guard inet_ntop(AF_INET, &address, &buffer, socklen_t(INET_ADDRSTRLEN)) != nil else { return nil }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
