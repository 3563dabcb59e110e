import Foundation

/// A strict parser of `multipart/form-data` bodies (RFC 7578): the body must start with the
/// boundary's delimiter, every part must carry `Content-Disposition: form-data` with a field
/// name, and the body must end with the close delimiter (an optional final CRLF aside).
/// Counts and sizes are bounded before anything is copied, and every problem is a typed
/// ``MultipartError``; no input traps.
///
/// ```swift
/// let form = try MultipartParser(limits: .standard).parse(body, contentType: request.header("content-type") ?? "")
/// ```
public struct MultipartParser: Sendable {
    /// The most parts one body may hold.
    public var maxParts: Int
    /// The largest text field value, in bytes.
    public var maxFieldBytes: Int
    /// The largest file, in bytes (a hard bound; the site's upload limit is checked with the form).
    public var maxFileBytes: Int
    /// The largest header block of one part, in bytes.
    public var maxHeaderBytes: Int

    /// A parser with explicit bounds.
    public init(maxParts: Int, maxFieldBytes: Int, maxFileBytes: Int, maxHeaderBytes: Int = 4096) {
        self.maxParts = maxParts
        self.maxFieldBytes = maxFieldBytes
        self.maxFileBytes = maxFileBytes
        self.maxHeaderBytes = maxHeaderBytes
    }

    /// A parser bounded by a site's limits: as many parts as form fields, text fields as long
    /// as ``SiteLimits/maxFieldBytes``, files as large as the whole body may be.
    public init(limits: SiteLimits) {
        self.init(
            maxParts: limits.maxFormFields, maxFieldBytes: limits.maxFieldBytes,
            maxFileBytes: MultipartParser.saturatingAdd(limits.maxBodyBytes, limits.maxUploadBytes))
    }

    /// Whether a `Content-Type` value announces `multipart/form-data`.
    public static func isMultipart(_ contentType: String?) -> Bool {
        guard let contentType else { return false }
        return mediaType(contentType) == "multipart/form-data"
    }

    /// The boundary named by a `multipart/form-data` `Content-Type` value.
    ///
    /// - Throws: ``MultipartError/notMultipart(_:)``, ``MultipartError/missingBoundary`` or ``MultipartError/invalidBoundary``.
    public static func boundary(of contentType: String) throws(MultipartError) -> String {
        guard mediaType(contentType) == "multipart/form-data" else { throw .notMultipart(String(contentType.prefix(100))) }
        var boundary: String?
        for parameter in parameters(contentType) where parameter.name == "boundary" {
            guard boundary == nil else { throw .invalidBoundary }
            boundary = parameter.value
        }
        guard let boundary else { throw .missingBoundary }
        let allowed = Set("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'()+_,-./:=? ".utf8)
        guard !boundary.isEmpty, boundary.utf8.count <= 70, boundary.utf8.allSatisfy(allowed.contains), boundary.last != " " else {
            throw .invalidBoundary
        }
        return boundary
    }

    /// Parses a body.
    ///
    /// - Throws: a ``MultipartError`` naming the first problem.
    public func parse(_ body: [UInt8], contentType: String) throws(MultipartError) -> MultipartForm {
        let boundary = try Self.boundary(of: contentType)
        let delimiter = Array(("--" + boundary).utf8)
        let separator = [UInt8(13), 10] + delimiter
        var form = MultipartForm()
        var names: Set<String> = []
        guard Self.starts(body, with: delimiter, at: 0) else {
            throw .malformed(reason: "the body does not start with the boundary", offset: 0)
        }
        var position = delimiter.count
        var parts = 0
        while true {
            // After a delimiter: "--" closes the body, CRLF starts a part.
            if Self.starts(body, with: [45, 45], at: position) {
                let rest = body.count - position - 2
                guard rest == 0 || (rest == 2 && Self.starts(body, with: [13, 10], at: position + 2)) else {
                    throw .malformed(reason: "bytes after the closing boundary", offset: position + 2)
                }
                return form
            }
            guard Self.starts(body, with: [13, 10], at: position) else {
                throw .malformed(reason: "the boundary is not followed by a line break", offset: position)
            }
            position += 2
            parts += 1
            guard parts <= maxParts else { throw .tooManyParts(limit: maxParts) }
            guard let headerEnd = Self.find([13, 10, 13, 10], in: body, from: position, within: Self.saturatingAdd(maxHeaderBytes, 4)) else {
                if body.count - position > maxHeaderBytes { throw .headersTooLarge(limit: maxHeaderBytes) }
                throw .malformed(reason: "a part's headers do not end", offset: position)
            }
            let header = try PartHeader(body[position..<headerEnd], offset: position)
            position = headerEnd + 4
            let limit = header.fileName == nil ? maxFieldBytes : maxFileBytes
            guard let end = Self.find(separator, in: body, from: position, within: Self.saturatingAdd(limit, separator.count)) else {
                if body.count - position > limit {
                    throw header.fileName == nil
                        ? .fieldTooLarge(field: SiteLimits.displayName(header.name), limit: maxFieldBytes)
                        : .fileTooLarge(field: SiteLimits.displayName(header.name), limit: maxFileBytes)
                }
                throw .malformed(reason: "a part does not end with the boundary", offset: position)
            }
            let content = Array(body[position..<end])
            position = end + separator.count
            guard names.insert(header.name).inserted else { throw .duplicateField(SiteLimits.displayName(header.name)) }
            if let fileName = header.fileName {
                if fileName.isEmpty, content.isEmpty { continue }  // a file input left empty
                let type = header.contentType ?? "application/octet-stream"
                form.files[header.name] = UploadedFile(field: header.name, fileName: fileName, contentType: type, bytes: content)
            } else {
                guard let text = String(validating: content, as: UTF8.self) else {
                    throw .invalidText(field: SiteLimits.displayName(header.name))
                }
                form.fields[header.name] = text
            }
        }
    }

    // MARK: Headers

    /// The headers of one part that matter: the field name, the file name, the media type.
    struct PartHeader {
        var name: String
        var fileName: String?
        var contentType: String?

        init(_ bytes: ArraySlice<UInt8>, offset: Int) throws(MultipartError) {
            guard let text = String(validating: Array(bytes), as: UTF8.self) else {
                throw .malformed(reason: "a part's headers are not UTF-8", offset: offset)
            }
            var name: String?
            var fileName: String?
            var contentType: String?
            var sawDisposition = false
            for line in text.split(separator: "\r\n", omittingEmptySubsequences: false) {
                guard let colon = line.firstIndex(of: ":") else {
                    throw .malformed(reason: "a header line has no colon", offset: offset)
                }
                let field = line[..<colon].lowercased()
                let value = String(line[line.index(after: colon)...])
                guard !field.isEmpty, !field.contains(" "), !value.utf8.contains(where: { ($0 < 0x20 && $0 != 0x09) || $0 == 0x7F }) else {
                    throw .malformed(reason: "a header line is not valid", offset: offset)
                }
                switch field {
                case "content-disposition":
                    guard !sawDisposition else { throw .malformed(reason: "two Content-Disposition headers", offset: offset) }
                    sawDisposition = true
                    guard MultipartParser.mediaType(value) == "form-data" else {
                        throw .malformed(reason: "a part is not form-data", offset: offset)
                    }
                    for parameter in MultipartParser.parameters(value) {
                        switch parameter.name {
                        case "name": name = parameter.value
                        case "filename": fileName = parameter.value
                        default: continue
                        }
                    }
                case "content-type":
                    guard contentType == nil else { throw .malformed(reason: "two Content-Type headers", offset: offset) }
                    contentType = MultipartParser.mediaType(value)
                default:
                    continue
                }
            }
            guard let name, !name.isEmpty, name.utf8.count <= 256, !SiteLimits.hasControlCharacter(name) else {
                throw .malformed(reason: "a part has no valid field name", offset: offset)
            }
            if let contentType, !MultipartParser.isMediaType(contentType) {
                throw .invalidContentType(field: SiteLimits.displayName(name))
            }
            self.name = name
            self.fileName = fileName
            self.contentType = contentType
        }
    }

    /// The lower-cased media type of a header value, parameters dropped.
    static func mediaType(_ value: String) -> String {
        let first = value.split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        return first.trimmingCharacters(in: .whitespaces).lowercased()
    }

    /// Whether a media type is `type/subtype` of token characters.
    static func isMediaType(_ type: String) -> Bool {
        let parts = type.split(separator: "/", omittingEmptySubsequences: false)
        let token: (Substring) -> Bool = { part in
            !part.isEmpty && part.utf8.count <= 64
                && part.utf8.allSatisfy { b in
                    (b >= 48 && b <= 57) || (b >= 97 && b <= 122) || (b >= 65 && b <= 90) || b == 43 || b == 45 || b == 46 || b == 95
                }
        }
        return parts.count == 2 && token(parts[0]) && token(parts[1])
    }

    /// The `name=value` parameters after a header's first `;`, names lower-cased, quoted
    /// values unquoted (a backslash escapes only a quote or a backslash, so a Windows path a
    /// browser sends keeps its separators). A parameter that does not parse ends the list.
    static func parameters(_ value: String) -> [(name: String, value: String)] {
        var out: [(name: String, value: String)] = []
        guard let semicolon = value.firstIndex(of: ";") else { return out }
        var rest = Substring(value[value.index(after: semicolon)...])
        while true {
            rest = rest.drop { $0 == " " || $0 == "\t" }
            guard !rest.isEmpty, let equals = rest.firstIndex(of: "=") else { return out }
            let name = rest[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
            rest = rest[rest.index(after: equals)...].drop { $0 == " " || $0 == "\t" }
            var parsed = ""
            if rest.first == "\"" {
                rest = rest.dropFirst()
                var closed = false
                while let character = rest.first {
                    rest = rest.dropFirst()
                    if character == "\\", let next = rest.first, next == "\"" || next == "\\" {
                        parsed.append(next)
                        rest = rest.dropFirst()
                    } else if character == "\"" {
                        closed = true
                        break
                    } else {
                        parsed.append(character)
                    }
                }
                guard closed else { return out }
                rest = rest.drop { $0 == " " || $0 == "\t" }
                if rest.first == ";" { rest = rest.dropFirst() } else if !rest.isEmpty { return out }
            } else {
                let end = rest.firstIndex(of: ";") ?? rest.endIndex
                parsed = rest[..<end].trimmingCharacters(in: .whitespaces)
                rest = end == rest.endIndex ? rest[end...] : rest[rest.index(after: end)...]
            }
            out.append((name, parsed))
        }
    }

    // MARK: Bytes

    /// `a + b`, or `Int.max` when that overflows.
    static func saturatingAdd(_ a: Int, _ b: Int) -> Int {
        let (sum, overflow) = a.addingReportingOverflow(b)
        return overflow ? Int.max : sum
    }

    static func starts(_ bytes: [UInt8], with prefix: [UInt8], at offset: Int) -> Bool {
        guard offset >= 0, bytes.count - offset >= prefix.count else { return false }
        var i = 0
        while i < prefix.count {
            if bytes[offset + i] != prefix[i] { return false }
            i += 1
        }
        return true
    }

    /// The offset of the first `needle` at or after `start`, looking at most `window` bytes
    /// past `start`; `nil` when there is none.
    static func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int, within window: Int) -> Int? {
        guard let first = needle.first, start >= 0 else { return nil }
        let lastStart = min(bytes.count - needle.count, saturatingAdd(start, max(0, window - needle.count)))
        var i = start
        while i <= lastStart {
            if bytes[i] == first, starts(bytes, with: needle, at: i) { return i }
            i += 1
        }
        return nil
    }
}
