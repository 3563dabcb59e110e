/// The bounds a site puts on every request before any component or action sees it. A request
/// over a bound is answered with ``RequestLimitError``'s status (413, 414 or 422) and never
/// truncated silently.
///
/// Every bound is positive and below a hard ceiling (``ceiling``), so a bundle cannot switch
/// the limits off.
public struct SiteLimits: Sendable, Hashable, Codable {
    /// The longest request path, in UTF-8 bytes.
    public var maxPathBytes: Int
    /// The largest total of query parameter names and values, in UTF-8 bytes.
    public var maxQueryBytes: Int
    /// The most query parameters.
    public var maxQueryParameters: Int
    /// The largest request body the host received, in bytes, and the largest total of form names and values.
    public var maxBodyBytes: Int
    /// The most form fields in one post.
    public var maxFormFields: Int
    /// The longest single form field value, in UTF-8 bytes.
    public var maxFieldBytes: Int
    /// The largest uploaded file, in bytes (checked by upload actions and by hosts that parse multipart bodies).
    public var maxUploadBytes: Int
    /// The media types an uploaded file may declare (lower-case `type/subtype`); a declared image
    /// type must also match the file's first bytes.
    public var allowedUploadTypes: [String]

    /// The media types ``standard`` accepts: PNG, JPEG, GIF and WebP images, PDF, plain text and CSV.
    public static let standardUploadTypes = [
        "image/png", "image/jpeg", "image/gif", "image/webp", "application/pdf", "text/plain", "text/csv",
    ]

    /// Limits that suit a community site: 2 KiB paths, 4 KiB queries, 1 MiB bodies, 200 fields,
    /// 64 KiB per field, 10 MiB uploads.
    public static let standard = SiteLimits(
        maxPathBytes: 2048, maxQueryBytes: 4096, maxQueryParameters: 64, maxBodyBytes: 1 << 20, maxFormFields: 200,
        maxFieldBytes: 64 << 10, maxUploadBytes: 10 << 20)

    /// The largest value any bound may take.
    public static let ceiling = SiteLimits(
        maxPathBytes: 16 << 10, maxQueryBytes: 64 << 10, maxQueryParameters: 1000, maxBodyBytes: 64 << 20,
        maxFormFields: 5000, maxFieldBytes: 8 << 20, maxUploadBytes: 1 << 30)

    /// Limits with explicit bounds.
    public init(
        maxPathBytes: Int, maxQueryBytes: Int, maxQueryParameters: Int, maxBodyBytes: Int, maxFormFields: Int,
        maxFieldBytes: Int, maxUploadBytes: Int, allowedUploadTypes: [String] = SiteLimits.standardUploadTypes
    ) {
        self.allowedUploadTypes = allowedUploadTypes
        self.maxPathBytes = maxPathBytes
        self.maxQueryBytes = maxQueryBytes
        self.maxQueryParameters = maxQueryParameters
        self.maxBodyBytes = maxBodyBytes
        self.maxFormFields = maxFormFields
        self.maxFieldBytes = maxFieldBytes
        self.maxUploadBytes = maxUploadBytes
    }

    /// Decodes limits, rejecting a bound that is not positive or above ``ceiling``.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let fallback = SiteLimits.standard
        func bound(_ key: CodingKeys, _ defaultValue: Int, _ ceiling: Int) throws -> Int {
            guard let value = try container.decodeIfPresent(Int.self, forKey: key) else { return defaultValue }
            guard value > 0, value <= ceiling else {
                throw DecodingError.dataCorruptedError(
                    forKey: key, in: container, debugDescription: "\(key.stringValue) must be between 1 and \(ceiling), not \(value)")
            }
            return value
        }
        let top = SiteLimits.ceiling
        maxPathBytes = try bound(.maxPathBytes, fallback.maxPathBytes, top.maxPathBytes)
        maxQueryBytes = try bound(.maxQueryBytes, fallback.maxQueryBytes, top.maxQueryBytes)
        maxQueryParameters = try bound(.maxQueryParameters, fallback.maxQueryParameters, top.maxQueryParameters)
        maxBodyBytes = try bound(.maxBodyBytes, fallback.maxBodyBytes, top.maxBodyBytes)
        maxFormFields = try bound(.maxFormFields, fallback.maxFormFields, top.maxFormFields)
        maxFieldBytes = try bound(.maxFieldBytes, fallback.maxFieldBytes, top.maxFieldBytes)
        maxUploadBytes = try bound(.maxUploadBytes, fallback.maxUploadBytes, top.maxUploadBytes)
        let types = try container.decodeIfPresent([String].self, forKey: .allowedUploadTypes) ?? SiteLimits.standardUploadTypes
        guard types.count <= 100, types.allSatisfy({ MultipartParser.isMediaType($0) && $0 == $0.lowercased() }) else {
            throw DecodingError.dataCorruptedError(
                forKey: .allowedUploadTypes, in: container, debugDescription: "allowedUploadTypes must be at most 100 lower-case type/subtype values")
        }
        allowedUploadTypes = types
    }

    /// The problems of these limits: each bound that is not positive or above ``ceiling``.
    public var problems: [String] {
        let top = SiteLimits.ceiling
        var out: [String] = []
        for (name, value, ceiling) in [
            ("maxPathBytes", maxPathBytes, top.maxPathBytes), ("maxQueryBytes", maxQueryBytes, top.maxQueryBytes),
            ("maxQueryParameters", maxQueryParameters, top.maxQueryParameters), ("maxBodyBytes", maxBodyBytes, top.maxBodyBytes),
            ("maxFormFields", maxFormFields, top.maxFormFields), ("maxFieldBytes", maxFieldBytes, top.maxFieldBytes),
            ("maxUploadBytes", maxUploadBytes, top.maxUploadBytes),
        ] where value <= 0 || value > ceiling {
            out.append("\(name) must be between 1 and \(ceiling), not \(value)")
        }
        return out
    }

    /// The largest body a request may have: ``maxBodyBytes``, plus ``maxUploadBytes`` for a
    /// `multipart/form-data` post.
    public func bodyLimit(for request: SiteRequest) -> Int {
        guard MultipartParser.isMultipart(request.header("content-type")) else { return maxBodyBytes }
        return MultipartParser.saturatingAdd(maxBodyBytes, maxUploadBytes)
    }

    /// Checks an uploaded file against ``maxUploadBytes`` and ``allowedUploadTypes``; a declared
    /// image type must match what the bytes start with.
    ///
    /// - Throws: the ``UploadError`` that names the field and the reason.
    public func checkUpload(_ file: UploadedFile) throws(UploadError) {
        let field = SiteLimits.displayName(file.field)
        if file.bytes.isEmpty { throw .empty(field: field) }
        if file.size > maxUploadBytes { throw .tooLarge(field: field, bytes: file.size, limit: maxUploadBytes) }
        guard allowedUploadTypes.contains(file.contentType) else {
            throw .disallowedType(field: field, contentType: SiteLimits.displayName(file.contentType), allowed: allowedUploadTypes)
        }
        if file.contentType.hasPrefix("image/"), file.sniffedImageType != file.contentType {
            throw .contentMismatch(field: field, declared: file.contentType)
        }
    }

    /// Checks a request against these limits: sizes, counts, and control characters in form
    /// fields (NUL and the other C0 controls except tab, line feed and carriage return; DEL).
    ///
    /// - Throws: the first ``RequestLimitError`` found.
    public func check(_ request: SiteRequest) throws(RequestLimitError) {
        let pathBytes = request.path.utf8.count
        if pathBytes > maxPathBytes { throw .pathTooLong(bytes: pathBytes, limit: maxPathBytes) }
        if request.query.count > maxQueryParameters {
            throw .tooManyQueryParameters(count: request.query.count, limit: maxQueryParameters)
        }
        var queryBytes = 0
        for (name, value) in request.query {
            queryBytes += name.utf8.count + value.utf8.count + 2
            if queryBytes > maxQueryBytes { throw .queryTooLong(limit: maxQueryBytes) }
        }
        let bodyLimit = bodyLimit(for: request)
        if let body = request.bodyByteCount ?? (request.body.isEmpty ? nil : request.body.count), body > bodyLimit {
            throw .bodyTooLarge(limit: bodyLimit)
        }
        if request.form.count > maxFormFields { throw .tooManyFields(count: request.form.count, limit: maxFormFields) }
        var formBytes = 0
        for (name, value) in request.form {
            let size = value.utf8.count
            formBytes += name.utf8.count + size + 2
            if formBytes > maxBodyBytes { throw .bodyTooLarge(limit: maxBodyBytes) }
            if size > maxFieldBytes || name.utf8.count > maxFieldBytes {
                throw .fieldTooLong(field: SiteLimits.displayName(name), bytes: size, limit: maxFieldBytes)
            }
            if SiteLimits.hasControlCharacter(value) || SiteLimits.hasControlCharacter(name) {
                throw .controlCharacter(field: SiteLimits.displayName(name))
            }
        }
    }

    /// A field name safe to repeat in an error message: at most 64 characters, controls removed.
    static func displayName(_ name: String) -> String {
        String(name.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }.prefix(64).map(Character.init))
    }

    /// Whether text holds a C0 control other than tab, LF and CR, or DEL.
    static func hasControlCharacter(_ text: String) -> Bool {
        for byte in text.utf8 where byte < 0x20 || byte == 0x7F {
            if byte != 0x09, byte != 0x0A, byte != 0x0D { return true }
        }
        return false
    }
}
