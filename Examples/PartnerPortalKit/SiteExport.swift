import CommunityKit
import Foundation

/// Writes what each persona sees as static HTML: one folder per persona, one file per page,
/// links rewritten to relative file names so the folder works when opened from disk.
///
/// File names are the decoded path (a Korean article keeps its Korean name); links to them
/// are percent-encoded, which browsers decode when they open `file://` URLs.
struct SiteExport {
    /// The file that marks a folder as an export this program may empty.
    static let marker = ".partner-portal-export"

    let portal: Portal
    let out: URL

    /// The personas exported: folder name and user id (`nil` for the guest).
    static let personas: [(folder: String, user: String?)] = [
        ("guest", nil), ("pat-partner-user", "pat"), ("mia-partner-manager", "mia"), ("alex-partner-executive", "alex"),
        ("bo-other-partner", "bo"), ("ines-german-partner", "ines"), ("jisoo-korean-partner", "jisoo"),
        ("cara-channel-manager", "cara"), ("minji-customer", "kim"),
    ]

    /// Checks `out` before any work starts: it must be a folder that is new, empty or an
    /// earlier export, in a place this process may write.
    static func check(_ out: URL) throws(ExportError) {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        if fm.fileExists(atPath: out.path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw .isAFile(out.path) }
            let contents = (try? fm.contentsOfDirectory(atPath: out.path)) ?? []
            if !contents.isEmpty, !contents.contains(marker) { throw .notAnExport(out.path) }
            guard fm.isWritableFile(atPath: out.path) else { throw .notWritable(out.path) }
            return
        }
        var ancestor = out.deletingLastPathComponent()
        while !fm.fileExists(atPath: ancestor.path, isDirectory: &isDirectory) {
            let parent = ancestor.deletingLastPathComponent()
            if parent.path == ancestor.path { throw .notWritable(out.path) }
            ancestor = parent
        }
        guard isDirectory.boolValue, fm.isWritableFile(atPath: ancestor.path) else { throw .notWritable(out.path) }
    }

    /// Empties (or creates) the folder after checking it again, and marks it as an export.
    func prepareFolder() throws {
        try Self.check(out)
        let fm = FileManager.default
        try fm.createDirectory(at: out, withIntermediateDirectories: true)
        for name in try fm.contentsOfDirectory(atPath: out.path) {
            try fm.removeItem(at: out.appendingPathComponent(name))
        }
        try "Written by `swift run PartnerPortal --out`; the folder is emptied before each export.\n"
            .write(to: out.appendingPathComponent(Self.marker), atomically: true, encoding: .utf8)
    }

    /// Exports every persona; returns the number of pages written.
    @discardableResult
    func write(extraPaths: [String]) throws -> Int {
        try prepareFolder()
        let fm = FileManager.default
        var index = "# Rendered per persona (status  path  file)\n"
        var written = 0
        for (folder, user) in Self.personas {
            let dir = out.appendingPathComponent(folder)
            try fm.createDirectory(at: dir, withIntermediateDirectories: true)
            let crawler = SiteCrawler(portal: portal, viewer: portal.viewer(user))
            let (visits, _) = crawler.crawl(from: ["/partners/", "/help/"] + extraPaths)
            var names = FileNames()
            // Only pages get files; a link to anything else (a downloaded attachment, the language
            // switcher's redirect) keeps its site path.
            for visit in visits where visit.contentType.hasPrefix("text/html") { _ = names.name(for: visit.path, query: visit.query) }
            for visit in visits where visit.contentType.hasPrefix("text/html") {
                let name = names.name(for: visit.path, query: visit.query)
                let html = Self.relinked(Self.relinked(visit.body, attribute: "href", from: visit.path, names: names),
                                         attribute: "src", from: visit.path, names: names)
                try html.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8)
                index += "\(visit.status)  \(visit.path)\(visit.query.isEmpty ? "" : "?…")  \(folder)/\(name)\n"
                written += 1
            }
            for (path, file) in FileNames.assets {
                let asset = portal.get(path, as: nil)
                if asset.status == 200 { try Data(asset.bytesToSend).write(to: dir.appendingPathComponent(file)) }
            }
        }
        try portal.get("/partners/sitemap.xml", as: nil).body.write(to: out.appendingPathComponent("sitemap.xml"), atomically: true, encoding: .utf8)
        try portal.get("/partners/robots.txt", as: nil).body.write(to: out.appendingPathComponent("robots.txt"), atomically: true, encoding: .utf8)
        try portal.community.exportSite("partners").write(to: out.appendingPathComponent("partners-bundle.json"))
        try index.write(to: out.appendingPathComponent("INDEX.txt"), atomically: true, encoding: .utf8)
        return written
    }

    /// The page with every `attribute` (`href`, `src`) that leads to an exported page or asset
    /// replaced by a relative file name.
    static func relinked(_ html: String, attribute: String, from pagePath: String, names: FileNames) -> String {
        var out = ""
        out.reserveCapacity(html.utf8.count)
        var rest = html[...]
        let opening = " " + attribute + "=\""
        while let start = rest.range(of: opening) {
            out += rest[..<start.upperBound]
            let raw = rest[start.upperBound...].prefix { $0 != "\"" }
            rest = rest[raw.endIndex...]
            let href = PageLinks.unescape(String(raw))
            if case .local(let path, let query) = PageLinks.target(of: href, from: pagePath), let file = names.existing(for: path, query: query) {
                out += FileNames.urlEncoded(file) + fragment(of: href)
            } else {
                out += raw
            }
        }
        out += rest
        return out
    }

    private static func fragment(of href: String) -> String {
        guard let hash = href.firstIndex(of: "#") else { return "" }
        return "#" + FileNames.urlEncoded(String(href[href.index(after: hash)...]))
    }
}
