import CommunityModel
import CommunityRendering
import Foundation
import Testing

@Suite struct RedirectValidationTests {
    static let hostile: [String] = [
        "javascript:alert(1)", "//evil.example", "/\\evil.example", "https://evil.example", "/ok\r\nSet-Cookie: x=1",
        "", "relative/path", "/a\\b", "/tab\there", "/del\u{7F}", "/c1\u{85}", "/" + String(repeating: "a", count: SitePath.maximumLength),
    ]

    @Test func sitePathsAreRootedLocalAndClean() {
        #expect(SitePath.problem(in: "/guides/install") == nil)
        #expect(SitePath.problem(in: "/") == nil)
        #expect(SitePath.problem(in: "/a:b") == nil, "a colon after the first / is part of the path")
        #expect(SitePath.problem(in: "javascript:alert(1)") == .scheme("javascript"))
        #expect(SitePath.problem(in: "https://evil.example") == .scheme("https"))
        #expect(SitePath.problem(in: "//evil.example") == .otherHost)
        #expect(SitePath.problem(in: "/\\evil.example") == .otherHost)
        #expect(SitePath.problem(in: "/ok\r\nSet-Cookie: x=1") == .controlCharacter(0x0D))
        #expect(SitePath.problem(in: "/a\\b") == .backslash)
        #expect(SitePath.problem(in: "") == .empty)
        #expect(SitePath.problem(in: "x") == .notRooted)
        #expect(SitePath.problem(in: "/c1\u{85}") == .controlCharacter(0x85))
        for text in Self.hostile { #expect(!SitePath.isValid(text), "\(text.debugDescription)") }
    }

    /// A site whose redirects come straight from JSON, as an imported bundle's do.
    func site(redirects: [String: String]) throws -> Site {
        var json = try JSONValue.encoding(Fixtures.site()).objectValue
        json["redirects"] = .object(redirects.mapValues(JSONValue.string))
        return try json.isEmpty ? Fixtures.site() : JSONValue.object(json).decode(Site.self)
    }

    @Test(arguments: hostile)
    func badRedirectTargetsAreRefusedByValidationAndImport(_ target: String) throws {
        let site = try site(redirects: ["/old": target])
        #expect(site.validate(registry: .standard).contains { error in
            if case .invalidRedirectTarget(target, from: "/old", _) = error { true } else { false }
        })
        let bundle = try SiteBundle.decode(SiteBundle(site: site).encoded())
        do throws(BundleError) {
            _ = try bundle.plan(over: nil, registry: .standard)
            Issue.record("expected \(target.debugDescription) to be refused")
        } catch {
            guard case .invalidSite(let errors) = error else { Issue.record("\(error)"); return }
            #expect(errors.count == 1)
            #expect(!error.description.contains("\r") && !error.description.contains("\n/ok"))
        }
    }

    @Test(arguments: hostile)
    func badRedirectSourcesAreRefused(_ source: String) throws {
        let site = try site(redirects: [source: "/docs"])
        #expect(site.validate(registry: .standard).contains { error in
            if case .invalidRedirectSource(source, _) = error { true } else { false }
        })
    }

    @Test(arguments: hostile)
    func theRouterNeverEmitsABadLocation(_ target: String) throws {
        let responder = try Fixtures.responder(site: site(redirects: ["/old": target, "/good": "/docs"]))
        let response = responder.handle(Fixtures.request(.get, "/help/old"))
        #expect(response.status == 404)
        #expect(response.location == nil)
        #expect(responder.handle(Fixtures.request(.get, "/help/good")).location == "/help/docs")
    }

    @Test func aRootPrefixStoredAsSlashIsRefusedSoLinksCannotBecomeProtocolRelative() throws {
        var json = try JSONValue.encoding(Fixtures.site()).objectValue
        json["urlPrefix"] = "/"
        let site = try JSONValue.object(json).decode(Site.self)
        #expect(site.validate(registry: .standard).contains(.invalidPrefix("/")))
        json["urlPrefix"] = "//evil.example"
        #expect(try JSONValue.object(json).decode(Site.self).validate(registry: .standard).contains(.invalidPrefix("//evil.example")))
        // A bundle may say "/" for the root; import stores it as "".
        json["urlPrefix"] = "/"
        let plan = try SiteBundle(site: JSONValue.object(json).decode(Site.self)).plan(over: nil, registry: .standard)
        #expect(plan.site.urlPrefix == "")
    }

    @Test func menuLinksAndBaseURLsAreChecked() throws {
        var site = try Fixtures.site()
        let evil = try #require(SafeURL("//evil.example"))
        site.menus.append(NavigationMenu(id: "footer", items: [
            .init("Evil", .url(evil)), .init("Partner", .url(try #require(SafeURL("https://partner.example/x")))),
            .init("Local", .url(try #require(SafeURL("/help/docs")))),
        ]))
        site.baseURL = "javascript:alert(1)//"
        let errors = site.validate(registry: .standard)
        #expect(errors == [.invalidBaseURL("javascript:alert(1)//"), .invalidMenuURL("//evil.example", menu: "footer", item: "Evil")])
        for good in ["https://help.example.com", "http://localhost:8080", "https://a-b.example"] { #expect(Site.isValidBaseURL(good), "\(good)") }
        for bad in ["https://", "ftp://x.example", "https://x.example/path", "https://user@x.example", "https://x.example:99999", "https://x\r\n.example"] {
            #expect(!Site.isValidBaseURL(bad), "\(bad)")
        }
        // Menus decoded from a bundle still refuse unsafe schemes outright.
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(NavigationMenu.Item.self, from: Data(#"{"label":"x","target":{"url":{"_0":"javascript:alert(1)"}},"children":[]}"#.utf8))
        }
    }
}

@Suite struct DecodedSiteValidationTests {
    @Test func aDecodedSiteWithDuplicateOrOrphanPagesIsRefusedNotTrapped() throws {
        var json = try JSONValue.encoding(Fixtures.site()).objectValue
        guard case .array(var pages)? = json["pages"] else { Issue.record("no pages"); return }
        pages.append(pages[1])
        json["pages"] = .array(pages)
        var site = try JSONValue.object(json).decode(Site.self)
        #expect(site.validate(registry: .standard).contains(.duplicatePageID("docs")))
        // Renaming in such a site must not trap on the duplicate either.
        try? site.renamePage("install", slug: "setup")

        var orphan = pages[2].objectValue
        orphan["parentID"] = "nowhere"
        orphan["id"] = "orphan"
        pages[pages.count - 1] = .object(orphan)
        json["pages"] = .array(pages)
        #expect(try JSONValue.object(json).decode(Site.self).validate(registry: .standard).contains(.unknownPage("nowhere")))
    }

    @Test func menusNestAtMostFourLevels() throws {
        var site = try Fixtures.site()
        var item = NavigationMenu.Item("leaf", .page("docs"))
        for level in 0..<5 { item = NavigationMenu.Item("level \(level)", .page("docs"), children: [item]) }
        site.menus = [NavigationMenu(id: "deep", items: [item])]
        #expect(site.validate(registry: .standard) == [.menuTooDeep(menu: "deep", limit: NavigationMenu.maximumDepth)])
    }
}

@Suite struct CyclicSiteTests {
    @Test func aParentCycleIsRefusedAndDoesNotHangTheSubtreeWalk() throws {
        var json = try JSONValue.encoding(Fixtures.site()).objectValue
        guard case .array(var pages)? = json["pages"] else { Issue.record("no pages"); return }
        // docs → install → linux; make docs a child of linux.
        guard let docsIndex = pages.firstIndex(where: { $0["id"] == "docs" }) else { Issue.record("no docs"); return }
        var docs = pages[docsIndex].objectValue
        docs["parentID"] = "linux"
        pages[docsIndex] = .object(docs)
        json["pages"] = .array(pages)
        let site = try JSONValue.object(json).decode(Site.self)
        #expect(Set(site.subtree(of: "docs").map(\.id)) == ["docs", "install", "linux"])
        #expect(!site.validate(registry: .standard).isEmpty)
    }
}
