/// A file a browser sent in a `multipart/form-data` post: the field it came in, the name the
/// client gave it (reduced to a safe last path component), its declared media type
/// (lower-cased `type/subtype`, parameters dropped) and its bytes.
public struct UploadedFile: Sendable, Hashable {
    /// The form field's name.
    public var field: String
    /// The file's name as the client sent it, without directories or control characters (at most 255 characters).
    public var fileName: String
    /// The declared media type, such as `image/png`.
    public var contentType: String
    /// The bytes.
    public var bytes: [UInt8]

    /// A file.
    public init(field: String, fileName: String, contentType: String, bytes: [UInt8]) {
        self.field = field
        self.fileName = UploadedFile.safeName(fileName)
        self.contentType = contentType
        self.bytes = bytes
    }

    /// The size in bytes.
    public var size: Int { bytes.count }

    /// The image type the bytes start with (`image/png`, `image/jpeg`, `image/gif`, `image/webp`),
    /// or `nil` when they are none of these, whatever the declared type says.
    public var sniffedImageType: String? {
        func starts(_ prefix: [UInt8], at offset: Int = 0) -> Bool {
            bytes.count >= offset + prefix.count && Array(bytes[offset..<(offset + prefix.count)]) == prefix
        }
        if starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return "image/png" }
        if starts([0xFF, 0xD8, 0xFF]) { return "image/jpeg" }
        if starts(Array("GIF87a".utf8)) || starts(Array("GIF89a".utf8)) { return "image/gif" }
        if starts(Array("RIFF".utf8)), starts(Array("WEBP".utf8), at: 8) { return "image/webp" }
        return nil
    }

    /// The last path component of a client's file name, control characters, quotes and
    /// backslashes removed, at most 255 characters; `file` when nothing is left.
    static func safeName(_ name: String) -> String {
        let last = name.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        let cleaned = String(last.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F && $0 != "\"" }.prefix(255).map(Character.init))
        let trimmed = cleaned.trimmingCharacters(in: " .")
        return trimmed.isEmpty ? "file" : trimmed
    }
}

extension String {
    fileprivate func trimmingCharacters(in set: String) -> String {
        var scalars = Substring(self)
        while let first = scalars.first, set.contains(first) { scalars = scalars.dropFirst() }
        while let last = scalars.last, set.contains(last) { scalars = scalars.dropLast() }
        return String(scalars)
    }
}
