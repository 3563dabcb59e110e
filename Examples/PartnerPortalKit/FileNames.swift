import DevServer

/// Plain, unique file names for exported pages: the decoded path with `/` as `_`
/// (`partners_article_딜-등록-방법.html`), and the query after `__`.
struct FileNames {
    /// Asset request paths and the file each is written to in every persona folder.
    static let assets: [String: String] = [
        "/partners/_assets/logo.svg": "logo.svg", "/help/_assets/logo.svg": "logo.svg",
        "/partners/_assets/favicon.svg": "favicon.svg", "/help/_assets/favicon.svg": "favicon.svg",
    ]

    private var byKey: [String: String] = [:]
    private var used: Set<String> = []

    /// The name for a page, assigned on first use.
    mutating func name(for path: String, query: [String: String]) -> String {
        let key = Self.key(path, query)
        if let name = byKey[key] { return name }
        let base = Self.baseName(path, query)
        var name = base + ".html"
        var counter = 2
        while used.contains(name) {
            name = base + "-\(counter).html"
            counter += 1
        }
        byKey[key] = name
        used.insert(name)
        return name
    }

    /// The name already assigned to a page or asset, if any.
    func existing(for path: String, query: [String: String]) -> String? {
        if query.isEmpty, let decoded = Self.decoded(path), let asset = Self.assets[decoded] { return asset }
        return byKey[Self.key(path, query)]
    }

    private static func key(_ path: String, _ query: [String: String]) -> String {
        path + "?" + query.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "&")
    }

    private static func decoded(_ path: String) -> String? {
        try? PercentDecoding.decode(Array(path.utf8), plusIsSpace: false, what: "path")
    }

    private static func baseName(_ path: String, _ query: [String: String]) -> String {
        let decoded = decoded(path) ?? path
        var name = decoded.split(separator: "/").joined(separator: "_")
        if decoded.hasSuffix("/") { name += "_home" }
        if !query.isEmpty {
            name += "__" + query.sorted { $0.key < $1.key }.map { "\($0.key)-\($0.value)" }.joined(separator: "_")
        }
        var safe = ""
        for character in name {
            if character.unicodeScalars.contains(where: { $0.value < 0x20 || "/\\:*?\"<>|%#".unicodeScalars.contains($0) }) {
                safe.append("-")
            } else if safe.utf8.count + character.utf8.count <= 180 {
                safe.append(character)
            }
        }
        return safe.isEmpty ? "page" : safe
    }

    /// Percent-encodes everything but unreserved characters, for a relative link to a file name.
    static func urlEncoded(_ name: String) -> String {
        var out = ""
        for byte in name.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = Array("0123456789ABCDEF".utf8)
                out += "%" + String(decoding: [hex[Int(byte >> 4)], hex[Int(byte & 0xF)]], as: UTF8.self)
            }
        }
        return out
    }
}
