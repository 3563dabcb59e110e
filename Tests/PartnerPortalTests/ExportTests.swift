import Foundation
import Testing
@testable import PartnerPortalKit

@Suite("Static export with relative links")
struct ExportTests {
    func temporaryFolder() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("portal-export-\(UUID().uuidString)")
    }

    @Test func everyRewrittenLinkOpensAFileOnDisk() throws {
        let out = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let portal = try Portal()
        let pages = try SiteExport(portal: portal, out: out).write(extraPaths: portal.articles.paths.map { "/partners" + $0 })
        #expect(pages > 20)
        let fm = FileManager.default
        let jisoo = out.appendingPathComponent("jisoo-korean-partner")
        let names = try fm.contentsOfDirectory(atPath: jisoo.path)
        let korean = try #require(names.first { $0.contains("딜-등록-방법") }, "files: \(names.sorted())")
        #expect(!korean.contains("%"))
        var checked = 0
        for folder in SiteExport.personas.map(\.folder) {
            let dir = out.appendingPathComponent(folder)
            for name in try fm.contentsOfDirectory(atPath: dir.path) where name.hasSuffix(".html") {
                let page = dir.appendingPathComponent(name)
                let html = try String(contentsOf: page, encoding: .utf8)
                for href in PageLinks.links(in: html) where !href.hasPrefix("/") && !href.hasPrefix("#") && !href.contains(":") {
                    let file = try #require(URL(string: href, relativeTo: page)?.standardizedFileURL)
                    #expect(fm.fileExists(atPath: file.path), "\(folder)/\(name) links to \(href), which is not on disk")
                    checked += 1
                }
            }
        }
        #expect(checked > 100)
        let home = try String(contentsOf: jisoo.appendingPathComponent("partners_home.html"), encoding: .utf8)
        #expect(home.contains("src=\"logo.svg\""))
        #expect(!home.contains("href=\"/partners"))
    }

    @Test func anEarlierExportIsEmptiedFirst() throws {
        let out = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let export = SiteExport(portal: try Portal(), out: out)
        try export.prepareFolder()
        try "old".write(to: out.appendingPathComponent("stale.html"), atomically: true, encoding: .utf8)
        try export.prepareFolder()
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path) == [SiteExport.marker])
    }

    @Test func anUnrelatedFolderIsNeverDeleted() throws {
        let out = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try "mine".write(to: out.appendingPathComponent("thesis.txt"), atomically: true, encoding: .utf8)
        #expect(throws: ExportError.notAnExport(out.path)) { try SiteExport.check(out) }
        #expect(throws: ExportError.self) { try SiteExport(portal: try Portal(), out: out).prepareFolder() }
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("thesis.txt").path))
    }

    @Test func aFileOrAnUnwritablePlaceIsReportedInWords() throws {
        let file = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: file) }
        try "x".write(to: file, atomically: true, encoding: .utf8)
        #expect(throws: ExportError.isAFile(file.path)) { try SiteExport.check(file) }
        let below = file.appendingPathComponent("site")
        #expect(throws: ExportError.notWritable(below.path)) { try SiteExport.check(below) }
        #expect(ExportError.isAFile("a").description.contains("is a file"))
    }

    @Test func fileNamesArePlainAndLinksAreEncoded() {
        var names = FileNames()
        #expect(names.name(for: "/partners/", query: [:]) == "partners_home.html")
        #expect(names.name(for: "/partners/article/%EB%94%9C", query: [:]) == "partners_article_딜.html")
        #expect(names.name(for: "/partners/search", query: ["q": "a/b"]) == "partners_search__q-a-b.html")
        #expect(FileNames.urlEncoded("partners_article_딜.html") == "partners_article_%EB%94%9C.html")
        #expect(names.existing(for: "/partners/_assets/logo.svg", query: [:]) == "logo.svg")
    }
}
