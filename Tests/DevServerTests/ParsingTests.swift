import DevServer
import Testing

@Suite("Parsing into typed values")
struct ParsingTests {
    @Test func headersAreLookedUpCaseInsensitively() {
        let headers = HTTPHeaders([("Content-Type", "text/html"), ("X-Many", "1"), ("x-many", "2")])
        #expect(headers["content-type"] == "text/html")
        #expect(headers["CONTENT-TYPE"] == "text/html")
        #expect(headers.values("X-MANY") == ["1", "2"])
        #expect(headers["missing"] == nil)
    }

    @Test func percentDecodingIsStrict() throws {
        #expect(try PercentDecoding.decode(Array("a%20b+c".utf8), plusIsSpace: true, what: "query") == "a b c")
        #expect(try PercentDecoding.decode(Array("a%20b+c".utf8), plusIsSpace: false, what: "path") == "a b+c")
        #expect(try PercentDecoding.decode(Array("%ea%b0%80".utf8), plusIsSpace: false, what: "path") == "가")
        #expect(throws: HTTPError(400, "invalid percent-encoding in the path")) {
            try PercentDecoding.decode(Array("%g0".utf8), plusIsSpace: false, what: "path")
        }
        #expect(throws: HTTPError(400, "the path is not valid UTF-8")) {
            try PercentDecoding.decode(Array("%C0%AF".utf8), plusIsSpace: false, what: "path")
        }
    }

    @Test func fieldsAreBounded() throws {
        let fields = try PercentDecoding.fields(Array("a=1&&b&a=2".utf8), maxFields: 5, maxFieldBytes: 10, what: "query")
        #expect(fields == ["a": "1", "b": ""])
        #expect(throws: HTTPError.self) {
            try PercentDecoding.fields(Array("a=1&b=2&c=3".utf8), maxFields: 2, maxFieldBytes: 10, what: "query")
        }
        #expect(throws: HTTPError.self) {
            try PercentDecoding.fields(Array("a=12345678901".utf8), maxFields: 2, maxFieldBytes: 10, what: "query")
        }
    }

    @Test func cookiesAreParsedWithinLimits() {
        let parser = CookieParser(maxCookies: 3, maxValueBytes: 8)
        #expect(parser.parse(["a=1; b=2", "c=3; d=4"]) == ["a": "1", "b": "2", "c": "3"])
        #expect(parser.parse(["x=toolongvalue; y=\"q\"; z=a\\b; w=a,b; v="]) == ["y": "q", "v": ""])
        #expect(parser.parse(["", ";;", "=", "n@me=1"]) == [:])
    }

    @Test func keepAliveFollowsTheVersionAndConnectionHeader() {
        var request = HTTPRequest(method: .get, target: "/", encodedPath: "/", path: "/")
        #expect(request.wantsKeepAlive)
        request.headers = HTTPHeaders([("Connection", "Upgrade, Close")])
        #expect(!request.wantsKeepAlive)
        request.isHTTP11 = false
        request.headers = HTTPHeaders()
        #expect(!request.wantsKeepAlive)
        request.headers = HTTPHeaders([("connection", "keep-alive")])
        #expect(request.wantsKeepAlive)
    }
}
