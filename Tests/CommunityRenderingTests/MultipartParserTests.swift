import CommunityRendering
import Foundation
import Testing

/// The strict `multipart/form-data` parser and the per-site upload checks.
@Suite struct MultipartParserTests {
    static let type = "multipart/form-data; boundary=XyZ"

    static func body(_ parts: [(headers: String, content: [UInt8])], boundary: String = "XyZ", close: Bool = true) -> [UInt8] {
        var out: [UInt8] = []
        for part in parts {
            out += Array("--\(boundary)\r\n\(part.headers)\r\n\r\n".utf8) + part.content + Array("\r\n".utf8)
        }
        if close { out += Array("--\(boundary)--\r\n".utf8) }
        return out
    }

    static func field(_ name: String, _ value: String) -> (headers: String, content: [UInt8]) {
        ("Content-Disposition: form-data; name=\"\(name)\"", Array(value.utf8))
    }

    static func file(_ name: String, _ fileName: String, _ type: String, _ bytes: [UInt8]) -> (headers: String, content: [UInt8]) {
        ("Content-Disposition: form-data; name=\"\(name)\"; filename=\"\(fileName)\"\r\nContent-Type: \(type)", bytes)
    }

    let parser = MultipartParser(maxParts: 5, maxFieldBytes: 64, maxFileBytes: 1024)

    @Test func fieldsAndFilesAreParsed() throws {
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 13, 10, 45, 45]
        let body = Self.body([
            Self.field("_csrf", "tok"), Self.field("note", "line one\r\nline two ü"),
            Self.file("photo", "C:\\Users\\me\\cat.png", "image/PNG; charset=binary", png),
        ])
        let form = try parser.parse(body, contentType: Self.type)
        #expect(form.fields == ["_csrf": "tok", "note": "line one\r\nline two ü"])
        let photo = try #require(form.files["photo"])
        #expect(photo.fileName == "cat.png")
        #expect(photo.contentType == "image/png")
        #expect(photo.bytes == png)
        #expect(photo.sniffedImageType == "image/png")
    }

    @Test func quotedValuesUnescapeOnlyQuotesAndBackslashes() throws {
        let body = Self.body([("Content-Disposition: form-data; name=\"say \\\"hi\\\"\"; filename=\"a\\\\b.txt\"", [49])])
        let form = try parser.parse(body, contentType: Self.type)
        #expect(form.files["say \"hi\""]?.fileName == "b.txt")  // "a\\b.txt" is a\b.txt: the last component
    }

    @Test func anEmptyFileInputIsLeftOutAndQuotedBoundariesWork() throws {
        let body = Self.body([Self.field("a", "1"), Self.file("doc", "", "application/octet-stream", [])], boundary: "a b'c")
        let form = try parser.parse(body, contentType: "Multipart/Form-Data; charset=utf-8; boundary=\"a b'c\"")
        #expect(form.fields == ["a": "1"])
        #expect(form.files.isEmpty)
    }

    @Test func theContentTypeMustNameAValidBoundary() {
        #expect(throws: MultipartError.notMultipart("application/json")) { try parser.parse([], contentType: "application/json") }
        #expect(throws: MultipartError.missingBoundary) { try parser.parse([], contentType: "multipart/form-data") }
        #expect(throws: MultipartError.invalidBoundary) { try parser.parse([], contentType: "multipart/form-data; boundary=\"\"") }
        #expect(throws: MultipartError.invalidBoundary) {
            try parser.parse([], contentType: "multipart/form-data; boundary=" + String(repeating: "x", count: 71))
        }
        #expect(throws: MultipartError.invalidBoundary) { try parser.parse([], contentType: "multipart/form-data; boundary=a\u{1}b") }
        #expect(MultipartError.notMultipart("x").status == 415)
        #expect(MultipartError.missingBoundary.status == 400)
    }

    @Test(arguments: [
        ("no leading boundary", Array("hello\r\n--XyZ--".utf8)),
        ("no closing boundary", MultipartParserTests.body([MultipartParserTests.field("a", "1")], close: false)),
        ("bytes after the close", MultipartParserTests.body([MultipartParserTests.field("a", "1")]) + Array("junk".utf8)),
        ("headers never end", Array("--XyZ\r\nContent-Disposition: form-data; name=\"a\"".utf8)),
        ("no name", MultipartParserTests.body([("Content-Disposition: form-data", Array("1".utf8))])),
        ("not form-data", MultipartParserTests.body([("Content-Disposition: attachment; name=\"a\"", Array("1".utf8))])),
        ("header without colon", MultipartParserTests.body([("Content-Disposition form-data; name=\"a\"", Array("1".utf8))])),
        ("boundary then garbage", Array("--XyZxx\r\n".utf8)),
        ("empty body", []),
    ] as [(String, [UInt8])])
    func malformedBodiesAreRefused(_ label: String, _ body: [UInt8]) {
        do {
            _ = try parser.parse(body, contentType: Self.type)
            Issue.record("\(label) was accepted")
        } catch {
            #expect(error.status == 400, "\(label): \(error)")
            if case .malformed = error {} else { Issue.record("\(label): \(error)") }
        }
    }

    @Test func countsAndSizesAreBounded() {
        let many = Self.body((0..<6).map { Self.field("f\($0)", "x") })
        #expect(throws: MultipartError.tooManyParts(limit: 5)) { try parser.parse(many, contentType: Self.type) }
        let longField = Self.body([Self.field("note", String(repeating: "x", count: 65))])
        #expect(throws: MultipartError.fieldTooLarge(field: "note", limit: 64)) { try parser.parse(longField, contentType: Self.type) }
        let bigFile = Self.body([Self.file("doc", "a.txt", "text/plain", Array(repeating: 65, count: 1025))])
        #expect(throws: MultipartError.fileTooLarge(field: "doc", limit: 1024)) { try parser.parse(bigFile, contentType: Self.type) }
        let bigHeaders = Self.body([("Content-Disposition: form-data; name=\"a\"\r\nX-Pad: " + String(repeating: "p", count: 5000), [49])])
        #expect(throws: MultipartError.headersTooLarge(limit: 4096)) { try parser.parse(bigHeaders, contentType: Self.type) }
        #expect(MultipartError.tooManyParts(limit: 5).status == 413)
    }

    @Test func duplicateNamesBadTextAndBadTypesAreRefused() {
        let twice = Self.body([Self.field("a", "1"), Self.field("a", "2")])
        #expect(throws: MultipartError.duplicateField("a")) { try parser.parse(twice, contentType: Self.type) }
        let latin1 = Self.body([("Content-Disposition: form-data; name=\"a\"", [0xFF, 0xFE])])
        #expect(throws: MultipartError.invalidText(field: "a")) { try parser.parse(latin1, contentType: Self.type) }
        let badType = Self.body([Self.file("doc", "a", "text", [1])])
        #expect(throws: MultipartError.invalidContentType(field: "doc")) { try parser.parse(badType, contentType: Self.type) }
    }

    @Test func uploadsAreCheckedAgainstTheSiteLimits() throws {
        var limits = SiteLimits.standard
        limits.maxUploadBytes = 8
        let text = UploadedFile(field: "file", fileName: "a.txt", contentType: "text/plain", bytes: Array("hello".utf8))
        try limits.checkUpload(text)
        let big = UploadedFile(field: "file", fileName: "a.txt", contentType: "text/plain", bytes: Array(repeating: 1, count: 9))
        #expect(throws: UploadError.tooLarge(field: "file", bytes: 9, limit: 8)) { try limits.checkUpload(big) }
        let exe = UploadedFile(field: "file", fileName: "a.exe", contentType: "application/x-msdownload", bytes: [0x4D, 0x5A])
        #expect(throws: UploadError.disallowedType(field: "file", contentType: "application/x-msdownload", allowed: limits.allowedUploadTypes)) {
            try limits.checkUpload(exe)
        }
        let fakePNG = UploadedFile(field: "file", fileName: "a.png", contentType: "image/png", bytes: Array("<svg/>".utf8))
        #expect(throws: UploadError.contentMismatch(field: "file", declared: "image/png")) { try limits.checkUpload(fakePNG) }
        let empty = UploadedFile(field: "file", fileName: "a.txt", contentType: "text/plain", bytes: [])
        #expect(throws: UploadError.empty(field: "file")) { try limits.checkUpload(empty) }
        #expect(UploadError.tooLarge(field: "f", bytes: 9, limit: 8).status == 413)
        #expect(UploadError.disallowedType(field: "f", contentType: "x/y", allowed: []).status == 415)
    }

    @Test func uploadTypesDecodeOnlyAsLowerCaseMediaTypes() throws {
        let good = try JSONDecoder().decode(SiteLimits.self, from: Data(#"{"allowedUploadTypes":["text/plain"]}"#.utf8))
        #expect(good.allowedUploadTypes == ["text/plain"])
        let standard = try JSONDecoder().decode(SiteLimits.self, from: Data("{}".utf8))
        #expect(standard.allowedUploadTypes == SiteLimits.standardUploadTypes)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(SiteLimits.self, from: Data(#"{"allowedUploadTypes":["Text/Plain"]}"#.utf8)) }
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(SiteLimits.self, from: Data(#"{"allowedUploadTypes":["*"]}"#.utf8)) }
    }

    @Test func clientFileNamesAreReducedToASafeLastComponent() {
        #expect(UploadedFile(field: "f", fileName: "../../etc/passwd", contentType: "text/plain", bytes: []).fileName == "passwd")
        #expect(UploadedFile(field: "f", fileName: "a\"b\u{0}.txt", contentType: "text/plain", bytes: []).fileName == "ab.txt")
        #expect(UploadedFile(field: "f", fileName: "..", contentType: "text/plain", bytes: []).fileName == "file")
    }

    @Test func fileRoutesTakeOnlySafeIDs() {
        #expect(SiteFileRoute.fileID("/_file/file-abc_1") == "file-abc_1")
        #expect(SiteFileRoute.fileID("/_file/") == nil)
        #expect(SiteFileRoute.fileID("/_file/a/b") == nil)
        #expect(SiteFileRoute.fileID("/_file/%2e%2e") == nil)
        #expect(SiteFileRoute.fileID("/files/a") == nil)
    }
}
