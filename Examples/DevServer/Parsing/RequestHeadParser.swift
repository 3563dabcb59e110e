/// Parses the bytes of a request head (request line and header fields, without the blank
/// line that ends it) into a ``RequestHead``, strictly:
///
/// - request line `METHOD SP origin-form SP HTTP/1.x`, method GET, HEAD or POST (else 501);
/// - target: visible ASCII, starting with `/`, no fragment; path and query percent-decode to UTF-8;
/// - header lines `token ":" OWS value OWS`, no line folding, no control characters, UTF-8 values;
/// - HTTP/1.1 needs exactly one `Host`; `Content-Length` digits only, repeated only with the
///   same value, at most the body limit (else 413); `Transfer-Encoding` is refused (501).
struct RequestHeadParser: Sendable {
    let configuration: HTTPServerConfiguration

    func parse(_ head: ArraySlice<UInt8>) throws(HTTPError) -> RequestHead {
        var lines = Self.lines(head)
        guard !lines.isEmpty else { throw .badRequest("empty request") }
        let requestLine = lines.removeFirst()
        guard requestLine.count <= configuration.maxRequestLineBytes else {
            throw HTTPError(414, "the request line is longer than \(configuration.maxRequestLineBytes) bytes")
        }
        guard lines.count <= configuration.maxHeaderCount else {
            throw HTTPError(431, "more than \(configuration.maxHeaderCount) header fields")
        }
        guard lines.reduce(0, { $0 + $1.count + 2 }) <= configuration.maxHeaderBytes else {
            throw HTTPError(431, "header fields longer than \(configuration.maxHeaderBytes) bytes")
        }
        let parts = requestLine.split(separator: UInt8(ascii: " "), omittingEmptySubsequences: false)
        guard parts.count == 3 else { throw .badRequest("malformed request line") }
        let version = parts[2]
        let isHTTP11: Bool
        if version.elementsEqual("HTTP/1.1".utf8) {
            isHTTP11 = true
        } else if version.elementsEqual("HTTP/1.0".utf8) {
            isHTTP11 = false
        } else if version.starts(with: "HTTP/".utf8) {
            throw HTTPError(505, "only HTTP/1.1 and HTTP/1.0 are supported")
        } else {
            throw .badRequest("malformed HTTP version")
        }
        let methodBytes = parts[0]
        guard !methodBytes.isEmpty, methodBytes.count <= 32, methodBytes.allSatisfy(Self.isTokenByte) else {
            throw .badRequest("malformed method")
        }
        if methodBytes.elementsEqual("TRACE".utf8) || methodBytes.elementsEqual("CONNECT".utf8) {
            throw HTTPError(405, "method not allowed; use GET, HEAD, POST, PUT, PATCH, DELETE or OPTIONS")
        }
        guard let methodText = String(validating: methodBytes, as: UTF8.self), let method = HTTPMethod(rawValue: methodText) else {
            throw HTTPError(501, "method not implemented; use GET, HEAD, POST, PUT, PATCH, DELETE or OPTIONS")
        }
        let targetBytes = parts[1]
        guard targetBytes.first == UInt8(ascii: "/") else {
            throw .badRequest("the request target must be a path starting with /")
        }
        guard targetBytes.allSatisfy({ $0 > 0x20 && $0 < 0x7F }), !targetBytes.contains(UInt8(ascii: "#")) else {
            throw .badRequest("the request target holds characters that must be percent-encoded")
        }
        let pathEnd = targetBytes.firstIndex(of: UInt8(ascii: "?")) ?? targetBytes.endIndex
        let encodedPathBytes = targetBytes[..<pathEnd]
        let path = try PercentDecoding.decode(encodedPathBytes, plusIsSpace: false, what: "path")
        guard !path.utf8.contains(0) else { throw .badRequest("the path holds a NUL byte") }
        var query: [String: String] = [:]
        if pathEnd != targetBytes.endIndex {
            query = try PercentDecoding.fields(
                targetBytes[targetBytes.index(after: pathEnd)...], maxFields: configuration.maxFields,
                maxFieldBytes: configuration.maxFieldBytes, what: "query")
        }

        var headers = HTTPHeaders()
        for line in lines {
            guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else { throw .badRequest("a header line has no colon") }
            let name = line[..<colon]
            guard !name.isEmpty, name.allSatisfy(Self.isTokenByte) else {
                throw .badRequest("malformed header name (no spaces or folding allowed)")
            }
            var value = line[line.index(after: colon)...]
            while let first = value.first, first == 32 || first == 9 { value = value.dropFirst() }
            while let last = value.last, last == 32 || last == 9 { value = value.dropLast() }
            guard value.allSatisfy({ $0 == 9 || ($0 >= 0x20 && $0 != 0x7F) }) else {
                throw .badRequest("a header value holds control characters")
            }
            guard let nameText = String(validating: name, as: UTF8.self),
                  let valueText = String(validating: value, as: UTF8.self) else {
                throw .badRequest("a header value is not valid UTF-8")
            }
            headers.add(nameText, valueText)
        }

        let hosts = headers.values("Host")
        if isHTTP11, hosts.count != 1 { throw .badRequest("HTTP/1.1 requests need exactly one Host header") }
        if !headers.values("Transfer-Encoding").isEmpty {
            if !headers.values("Content-Length").isEmpty {
                throw .badRequest("Transfer-Encoding and Content-Length together")
            }
            throw HTTPError(501, "chunked or encoded request bodies are not supported; send Content-Length")
        }
        var contentLength = 0
        let lengths = Set(headers.values("Content-Length").flatMap { $0.split(separator: ",").map { $0.trimmingSpaces() } })
        if lengths.count > 1 { throw .badRequest("conflicting Content-Length values") }
        if let text = lengths.first {
            guard !text.isEmpty, text.utf8.count <= 18, text.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }), let length = Int(text) else {
                throw .badRequest("malformed Content-Length")
            }
            guard length <= configuration.maxBodyBytes else {
                throw HTTPError(413, "the body is larger than \(configuration.maxBodyBytes) bytes")
            }
            contentLength = length
        } else if method == .post {
            throw HTTPError(411, "a POST needs a Content-Length")
        }
        let expectsContinue = headers["Expect"]?.lowercased() == "100-continue"
        return RequestHead(
            method: method, target: String(decoding: targetBytes, as: UTF8.self),
            encodedPath: String(decoding: encodedPathBytes, as: UTF8.self), path: path, query: query, isHTTP11: isHTTP11,
            headers: headers, contentLength: contentLength, expectsContinue: expectsContinue)
    }

    /// Splits on CRLF; a bare CR or LF inside a line is an error caught by the callers' checks.
    static func lines(_ head: ArraySlice<UInt8>) -> [ArraySlice<UInt8>] {
        var out: [ArraySlice<UInt8>] = []
        var start = head.startIndex
        var i = head.startIndex
        while i < head.endIndex {
            if head[i] == 13, i + 1 < head.endIndex, head[i + 1] == 10 {
                out.append(head[start..<i])
                i += 2
                start = i
            } else {
                i += 1
            }
        }
        out.append(head[start..<head.endIndex])
        return out
    }

    /// `tchar` of RFC 9110: letters, digits and ``!#$%&'*+-.^_`|~``.
    static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        case UInt8(ascii: "!"), UInt8(ascii: "#"), UInt8(ascii: "$"), UInt8(ascii: "%"), UInt8(ascii: "&"), UInt8(ascii: "'"),
             UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "^"), UInt8(ascii: "_"),
             UInt8(ascii: "`"), UInt8(ascii: "|"), UInt8(ascii: "~"):
            true
        default:
            false
        }
    }
}
