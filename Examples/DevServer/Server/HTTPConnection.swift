/// Serves one client connection: reads requests one after another (pipelined bytes stay in
/// the buffer for the next round), answers each through the handler and closes when the
/// client asks, a limit is reached, the server stops or the client is too slow.
struct HTTPConnection: Sendable {
    let socket: Socket
    let clientAddress: String?
    let configuration: HTTPServerConfiguration
    let handler: @Sendable (HTTPRequest) -> HTTPResponse
    let isStopping: @Sendable () -> Bool

    private static let sliceMilliseconds: Int32 = 200
    private static let readChunk = 16_384

    /// What reading a request ended with.
    private enum Read {
        case request(HTTPRequest, consumed: Int)
        case refuse(HTTPError)
        case close
    }

    func serve() {
        var buffer: [UInt8] = []
        var served = 0
        while true {
            switch readRequest(&buffer) {
            case .close:
                return
            case .refuse(let error):
                _ = socket.sendAll(HTTPResponse.plain(error.status, error.reason).serialized(keepAlive: false, omitBody: false))
                return
            case .request(let request, let consumed):
                served += 1
                let keepAlive = request.wantsKeepAlive && served < configuration.maxRequestsPerConnection && !isStopping()
                let response = handler(request)
                guard socket.sendAll(response.serialized(keepAlive: keepAlive, omitBody: request.method == .head)) else { return }
                buffer.removeFirst(consumed)
                if !keepAlive { return }
            }
        }
    }

    private func readRequest(_ buffer: inout [UInt8]) -> Read {
        let clock = ContinuousClock()
        let headDeadline = clock.now.advanced(by: configuration.headerTimeout)
        var scanned = 0
        var headEnd: Int?
        while true {
            // Blank lines before a request line are allowed (RFC 9112 section 2.2).
            while buffer.count >= 2, buffer[0] == 13, buffer[1] == 10 { buffer.removeFirst(2) }
            if let end = Self.endOfHead(in: buffer, from: max(0, scanned - 3)) {
                headEnd = end
                break
            }
            scanned = buffer.count
            if let error = limitError(buffer) { return .refuse(error) }
            if isStopping() { return .close }
            let remaining = clock.now.duration(to: headDeadline)
            if remaining <= .zero {
                return buffer.isEmpty ? .close : .refuse(HTTPError(408, "the request head took too long"))
            }
            switch socket.waitReadable(milliseconds: min(Self.sliceMilliseconds, max(1, remaining.clampedMilliseconds))) {
            case .timedOut: continue
            case .failed: return .close
            case .readable:
                guard let count = socket.receive(into: &buffer, limit: Self.readChunk), count > 0 else { return .close }
            }
        }
        guard let headEnd else { return .close }
        let head: RequestHead
        do {
            head = try RequestHeadParser(configuration: configuration).parse(buffer[0..<headEnd])
        } catch {
            return .refuse(error)
        }
        let bodyStart = headEnd + 4
        let needed = bodyStart + head.contentLength
        if head.expectsContinue, buffer.count < needed {
            guard socket.sendAll(Array("HTTP/1.1 100 Continue\r\n\r\n".utf8)) else { return .close }
        }
        let bodyDeadline = clock.now.advanced(by: configuration.bodyTimeout)
        while buffer.count < needed {
            if isStopping() { return .close }
            let remaining = clock.now.duration(to: bodyDeadline)
            if remaining <= .zero { return .refuse(HTTPError(408, "the request body took too long")) }
            switch socket.waitReadable(milliseconds: min(Self.sliceMilliseconds, max(1, remaining.clampedMilliseconds))) {
            case .timedOut: continue
            case .failed: return .close
            case .readable:
                guard let count = socket.receive(into: &buffer, limit: min(Self.readChunk, needed - buffer.count)), count > 0 else {
                    return .close
                }
            }
        }
        let body = Array(buffer[bodyStart..<needed])
        var form: [String: String] = [:]
        if head.method == .post, Self.isForm(head.headers["Content-Type"]) {
            do {
                form = try PercentDecoding.fields(body, maxFields: configuration.maxFields, maxFieldBytes: configuration.maxFieldBytes, what: "form")
            } catch {
                return .refuse(error)
            }
        }
        let cookies = CookieParser(maxCookies: configuration.maxCookies, maxValueBytes: configuration.maxCookieValueBytes)
            .parse(head.headers.values("Cookie"))
        let request = HTTPRequest(
            method: head.method, target: head.target, encodedPath: head.encodedPath, path: head.path, query: head.query,
            isHTTP11: head.isHTTP11, headers: head.headers, cookies: cookies, body: body, form: form, clientAddress: clientAddress)
        return .request(request, consumed: needed)
    }

    /// A 414 or 431 as soon as the bytes received so far cannot become an acceptable head.
    private func limitError(_ buffer: [UInt8]) -> HTTPError? {
        let lineEnd = Self.firstCRLF(in: buffer)
        let lineLength = lineEnd ?? buffer.count
        if lineLength > configuration.maxRequestLineBytes {
            return HTTPError(414, "the request line is longer than \(configuration.maxRequestLineBytes) bytes")
        }
        if let lineEnd, buffer.count - lineEnd - 2 > configuration.maxHeaderBytes + 2 {
            return HTTPError(431, "header fields longer than \(configuration.maxHeaderBytes) bytes")
        }
        return nil
    }

    static func isForm(_ contentType: String?) -> Bool {
        guard let contentType else { return false }
        let media = contentType.split(separator: ";", maxSplits: 1).first.map { $0.trimmingSpaces().lowercased() }
        return media == "application/x-www-form-urlencoded"
    }

    static func firstCRLF(in buffer: [UInt8]) -> Int? {
        var i = 0
        while i + 1 < buffer.count {
            if buffer[i] == 13, buffer[i + 1] == 10 { return i }
            i += 1
        }
        return nil
    }

    /// The index of the `\r\n\r\n` that ends the head, searching from `start`.
    static func endOfHead(in buffer: [UInt8], from start: Int) -> Int? {
        var i = start
        while i + 3 < buffer.count {
            if buffer[i] == 13, buffer[i + 1] == 10, buffer[i + 2] == 13, buffer[i + 3] == 10 { return i }
            i += 1
        }
        return nil
    }
}
