/// The route files are downloaded through: `<prefix>/_file/<id>`, answered only when the
/// ``SiteFileProvider`` says the viewer may download the file.
public enum SiteFileRoute {
    /// The file id of a site-relative path `/_file/<id>`, or `nil` for any other path or an id
    /// with characters outside `[A-Za-z0-9_.:-]`.
    public static func fileID(_ relative: String) -> String? {
        let parts = relative.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].isEmpty, parts[1] == "_file" else { return nil }
        let id = parts[2]
        guard !id.isEmpty, id.utf8.count <= 128,
              id.utf8.allSatisfy({ b in
                  (b >= 48 && b <= 57) || (b >= 65 && b <= 90) || (b >= 97 && b <= 122) || b == 45 || b == 46 || b == 58 || b == 95
              })
        else { return nil }
        return String(id)
    }

    /// The URL of a file of a site.
    public static func url(fileID: String, site: Site) -> SafeURL {
        SafeURL.path(["_file", fileID], prefix: site.urlPrefix)
    }

    /// The image types served `inline` (when their bytes match); everything else is an attachment.
    static let inlineTypes: Set<String> = ["image/png", "image/jpeg", "image/gif", "image/webp"]

    /// The response headers of a download: the stored type (or `application/octet-stream` when it
    /// is not a plain `type/subtype`), `nosniff`, a CSP that forbids everything and sandboxes the
    /// document, and a `Content-Disposition` with an ASCII-only file name.
    public static func headers(for file: SiteFile) -> [String: String] {
        let type = MultipartParser.isMediaType(file.contentType) ? file.contentType.lowercased() : "application/octet-stream"
        let sniffed = UploadedFile(field: "", fileName: file.fileName, contentType: type, bytes: Array(file.bytes.prefix(16))).sniffedImageType
        let inline = inlineTypes.contains(type) && sniffed == type
        let asciiName = String(UploadedFile.safeName(file.fileName).unicodeScalars.map { scalar -> Character in
            scalar.isASCII && scalar != "\\" && scalar != ";" ? Character(scalar) : "_"
        })
        return [
            "Content-Type": type,
            "Content-Disposition": (inline ? "inline" : "attachment") + "; filename=\"" + asciiName + "\"",
            "X-Content-Type-Options": "nosniff",
            "Content-Security-Policy": "default-src 'none'; sandbox",
            "Cache-Control": "private, no-store",
            "Cross-Origin-Resource-Policy": "same-origin",
        ]
    }
}
