import CommunityKit
import CommunityTesting
import Foundation
import FuzzSupport

/// Generates and mutates `multipart/form-data` bodies for ``MultipartParser``: it must never
/// trap, a body it accepts must stay within its bounds and parse to the same form after being
/// written out again, and the same bodies posted through `Community.handle` never answer 5xx.
struct MultipartFuzzer {
    let run: FuzzRun

    static let boundary = "fuzzBoundary7"

    static func encode(_ form: MultipartForm, boundary: String = boundary) -> [UInt8] {
        var out: [UInt8] = []
        for (name, value) in form.fields.sorted(by: { $0.key < $1.key }) {
            out += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(escape(name))\"\r\n\r\n".utf8) + Array(value.utf8) + [13, 10]
        }
        for (name, file) in form.files.sorted(by: { $0.key < $1.key }) {
            out += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(escape(name))\"; filename=\"\(escape(file.fileName))\"\r\nContent-Type: \(file.contentType)\r\n\r\n".utf8)
            out += file.bytes + [13, 10]
        }
        return out + Array("--\(boundary)--\r\n".utf8)
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
    }

    func fuzz() throws {
        let community = try FuzzCommunity.make()
        var mutator = Mutator(random: SeededRandom(seed: run.seed ^ 0x4D55_4C54_4950))
        let parser = MultipartParser(maxParts: 8, maxFieldBytes: 256, maxFileBytes: 2048)
        let contentType = "multipart/form-data; boundary=" + Self.boundary
        var corpus: [[UInt8]] = [
            Self.encode(MultipartForm(fields: ["a": "1", "note": "ü\r\nline"], files: [:])),
            Self.encode(MultipartForm(fields: ["_csrf": "x"], files: ["file": UploadedFile(field: "file", fileName: "a.png", contentType: "image/png", bytes: [0x89, 0x50, 0x4E, 0x47, 13, 10, 0x1A, 10])])),
            Array("--\(Self.boundary)\r\nContent-Disposition: form-data; name=\"a\"; filename=\"\"\r\n\r\n\r\n--\(Self.boundary)--".utf8),
        ]
        let pieces = ["\r\n", "--", "--\(Self.boundary)", "\r\n--\(Self.boundary)--", "Content-Disposition: form-data; name=\"", "\"; filename=\"",
                      "Content-Type: ", "\r\n\r\n", ";", "\\\"", "\u{0}", "\u{FF}"]
        for iteration in 0..<run.iterations {
            var body = mutator.random.pick(corpus, or: [])
            for _ in 0..<(1 + mutator.random.below(4)) {
                switch mutator.random.below(5) {
                case 0 where !body.isEmpty:
                    body[mutator.random.below(body.count)] = UInt8(truncatingIfNeeded: mutator.random.next())
                case 1:
                    let at = mutator.random.below(body.count + 1)
                    body.insert(contentsOf: Array(mutator.random.pick(pieces, or: "--").utf8), at: at)
                case 2 where !body.isEmpty:
                    let at = mutator.random.below(body.count)
                    body.removeSubrange(at..<min(body.count, at + 1 + mutator.random.below(16)))
                case 3:
                    body = Array(mutator.mutate(String(decoding: body, as: UTF8.self)).utf8)
                default:
                    body += Array(repeating: UInt8(ascii: "x"), count: mutator.random.below(600))
                }
            }
            let description = body.prefix(600).map { String(format: "%02x", $0) }.joined()
            if run.avoids(description) { continue }
            run.trying("multipart", description)
            do {
                let form = try parser.parse(body, contentType: contentType)
                if form.fields.count + form.files.count > parser.maxParts || form.fields.values.contains(where: { $0.utf8.count > parser.maxFieldBytes }) {
                    run.report(.init(target: "multipart", kind: "bound not enforced", detail: "\(form.fields.count) fields, \(form.files.count) files", input: description))
                }
                let delimiter = "\r\n--" + Self.boundary
                let roundTrips = !form.fields.values.contains { $0.contains(delimiter) || $0.hasPrefix("--" + Self.boundary) }
                    && !form.files.values.contains { String(decoding: $0.bytes, as: UTF8.self).contains(delimiter) }
                if roundTrips, let again = try? parser.parse(Self.encode(form), contentType: contentType), again != form {
                    run.report(.init(target: "multipart", kind: "not stable", detail: "\(form) became \(again)", input: description))
                }
                if iteration % 5 == 0, corpus.count < 100 { corpus.append(body) }
            } catch {
                _ = error.status  // every refusal is a typed MultipartError with a status
            }
            let viewer = community.viewer("pat", sessionID: "fuzz")
            let response = community.handle(SiteRequest(
                .post, "/partners/_action/attachCaseFile", viewer: viewer, headers: ["content-type": contentType],
                bodyByteCount: body.count, body: body))
            run.check(response, target: "multipart", input: description)
        }
    }
}
