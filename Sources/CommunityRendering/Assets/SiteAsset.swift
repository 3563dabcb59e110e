/// A validated static file of a site (logo, favicon): its name, type and bytes.
///
/// Only images are accepted, each checked against its type's signature: PNG, ICO and SVG.
/// An SVG must be UTF-8 without scripts, event handlers, foreign content, entity declarations
/// or external references, and is served with a sandboxing Content-Security-Policy as well,
/// so even opened directly it cannot run anything.
public struct SiteAsset: Sendable, Hashable {
    /// The largest asset accepted, in bytes (256 KiB).
    public static let maximumByteCount = 256 * 1024

    /// The file name, such as `logo.svg`; unique within a site.
    public let name: String
    /// The type, from the name and confirmed by the bytes.
    public let kind: AssetKind
    /// The content.
    public let bytes: [UInt8]

    /// Validates a file.
    ///
    /// - Throws: ``AssetError`` naming the file and what is wrong with it.
    public init(name: String, bytes: [UInt8], maximumByteCount: Int = SiteAsset.maximumByteCount) throws(AssetError) {
        guard Self.isValidName(name) else { throw .invalidName(name) }
        guard let kind = AssetKind(fileName: name) else { throw .unsupportedType(name: name) }
        guard bytes.count <= maximumByteCount else { throw .tooLarge(name: name, byteCount: bytes.count, limit: maximumByteCount) }
        switch kind {
        case .png:
            guard bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]), bytes.count > 8 else {
                throw .contentMismatch(name: name, expected: kind)
            }
        case .ico:
            // ICONDIR: reserved 0, type 1 (icon), at least one image, then 16-byte entries.
            guard bytes.count >= 22, bytes.starts(with: [0, 0, 1, 0]), bytes[4] != 0 || bytes[5] != 0 else {
                throw .contentMismatch(name: name, expected: kind)
            }
        case .svg:
            try Self.checkSVG(bytes, name: name)
        }
        self.name = name
        self.kind = kind
        self.bytes = bytes
    }

    /// Whether `name` is a lowercase `name.ext`: letters, digits, `-` and `_`, one dot, 1–64 characters.
    public static func isValidName(_ name: String) -> Bool {
        let scalars = Array(name.unicodeScalars)
        guard (3...64).contains(scalars.count), let first = scalars.first, first != ".", first != "-",
              scalars.filter({ $0 == "." }).count == 1, scalars.last != "."
        else { return false }
        return scalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" || $0 == "." }
    }

    private static func checkSVG(_ bytes: [UInt8], name: String) throws(AssetError) {
        guard let text = String(validating: bytes, as: UTF8.self) else { throw .contentMismatch(name: name, expected: .svg) }
        let lower = text.lowercased()
        guard lower.contains("<svg") else { throw .contentMismatch(name: name, expected: .svg) }
        for (needle, reason) in [
            ("<script", "it contains a script"), ("<foreignobject", "it contains foreign (HTML) content"),
            ("<!entity", "it declares entities"), ("<!doctype", "it carries a document type declaration"),
            ("javascript:", "it contains a javascript: URL"), ("<iframe", "it embeds a frame"), ("<embed", "it embeds content"),
            ("<object", "it embeds an object"), ("<use", "it references other documents"), ("<image", "it loads an image"),
            ("@import", "its style imports other files"), ("url(", "its style loads other files"),
            ("href=\"http", "it links other documents"), ("href='http", "it links other documents"), ("href=\"//", "it links other documents"),
        ] where lower.contains(needle) {
            throw .unsafeSVG(name: name, reason: reason)
        }
        if containsEventHandler(lower) { throw .unsafeSVG(name: name, reason: "it has an event handler attribute") }
    }

    /// Whether an attribute named `on…` appears: whitespace (or `/`), `on`, letters, optional space, `=`.
    private static func containsEventHandler(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        var i = 0
        while i + 3 < bytes.count {
            let before = bytes[i]
            if before == 0x20 || before == 0x09 || before == 0x0A || before == 0x0D || before == 0x2F,
               bytes[i + 1] == 0x6F, bytes[i + 2] == 0x6E {  // "on"
                var j = i + 3
                while j < bytes.count, (0x61...0x7A).contains(bytes[j]) { j += 1 }
                if j > i + 3 {
                    while j < bytes.count, bytes[j] == 0x20 || bytes[j] == 0x09 || bytes[j] == 0x0A || bytes[j] == 0x0D { j += 1 }
                    if j < bytes.count, bytes[j] == 0x3D { return true }  // "="
                }
            }
            i += 1
        }
        return false
    }
}
