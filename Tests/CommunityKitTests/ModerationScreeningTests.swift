import CommunityKit
import Foundation
import Testing

/// Moderation rules screen file titles and member names, as they screen posts: a mask rule
/// masks the words, a block rule refuses with a typed error (or in the form) and stores nothing.
@Suite struct ModerationScreeningTests {
    typealias Member = SiteFormsFixture.Member

    /// The site-forms community with a block rule on "casino" and a mask rule on "darn".
    static func community() throws -> Community {
        let community = try SiteFormsFixture.community()
        try community.moderation.save(ModerationRule(id: "block", name: "Block", keywords: [Keyword("casino")], action: .block), by: "cara")
        try community.moderation.save(ModerationRule(id: "mask", name: "Mask", keywords: [Keyword("darn")], action: .mask), by: "cara")
        return community
    }

    /// Whether `body` throws the block rule's ``EngagementError/blocked(rule:keywords:)``.
    func isBlocked(_ body: () throws -> Void) -> Bool {
        do {
            try body()
            return false
        } catch EngagementError.blocked(let rule, _) {
            return rule == "block"
        } catch {
            return false
        }
    }

    @Test func aBlockedFileTitleIsRefusedAndNothingIsStored() throws {
        let community = try Self.community()
        #expect(isBlocked {
            _ = try community.files.upload(title: "Casino bonus codes", fileName: "codes.txt", contentType: "text/plain", data: Data("x".utf8), by: "pat")
        })
        #expect(isBlocked {
            _ = try community.files.upload(title: "Codes", fileName: "casino.txt", contentType: "text/plain", data: Data("x".utf8), by: "pat")
        })
        #expect(try community.store.snapshot().all(ContentFile.self).isEmpty)
        // Through the site: a case attachment named after a blocked word is refused in the form.
        let caseID = try community.cases.submit(CaseDraft(subject: "Broken export", description: "It fails."), by: "pat").id
        let page = "/partners/case/\(caseID.rawValue)"
        let refused = Member(community, "pat").upload(
            "attachCaseFile", from: page, ["case": caseID.rawValue], file: ("file", "casino.txt", "text/plain", Array("x".utf8)))
        #expect(refused.status == 422)
        #expect(try community.store.snapshot().all(ContentFile.self).isEmpty)
        #expect(try community.cases.attachments(of: caseID, viewer: "pat").isEmpty)
    }

    @Test func aMaskedFileTitleIsStoredMasked() throws {
        let community = try Self.community()
        let file = try community.files.upload(title: "The darn report", fileName: "darn.txt", contentType: "text/plain", data: Data("x".utf8), by: "pat")
        #expect(!file.title.lowercased().contains("darn") && file.title.hasPrefix("The ") && file.title.hasSuffix(" report"))
        let version = try #require(try community.store.snapshot().all(FileVersion.self).first?.value)
        #expect(!version.fileName.lowercased().contains("darn") && version.fileName.hasSuffix(".txt"))
        // A file without a matching word is stored as given.
        #expect(try community.files.upload(title: "Price list", fileName: "prices.txt", contentType: "text/plain", data: Data("x".utf8), by: "pat").title == "Price list")
    }

    @Test func aBlockedProfileNameIsRefusedInTheFormAndNothingChanges() throws {
        let community = try Self.community()
        let pat = Member(community, "pat")
        let before = community.access.snapshot.user("pat")?.nickname
        let refused = pat.post("updateProfile", from: "/partners/my-profile", ["member": "pat", "name": "Casino King", "title": "", "about": ""])
        #expect(refused.status == 422)
        #expect(community.access.snapshot.user("pat")?.nickname == before)
        #expect(isBlocked { try community.profiles.update("pat", name: "Casino King", title: "", about: "", by: "pat") })
        #expect(pat.post("updateProfile", from: "/partners/my-profile", ["member": "pat", "name": "Darn Pat", "title": "", "about": ""]).status == 303)
        #expect(community.access.snapshot.user("pat")?.nickname.lowercased().contains("darn") == false)
    }

    /// A help center open to instant self-registration, in the screened community.
    static func registering() throws -> Community {
        let community = try Self.community()
        try community.store.write { tx in
            try tx.put(Profile(id: "member", name: "Self-registered", permissions: PermissionGrants(objects: ["Case": [.read, .create]])))
            try tx.put(Account(id: "community-members", name: "Community Members", owner: "cara"))
        }
        var site = try SiteTemplate.customerService.makeSite(.init(id: "help", name: "Help", urlPrefix: "/help", memberProfileIDs: ["member"]))
        site.status = .published
        site.selfRegistration = .instant
        site.selfRegistrationProfileID = "member"
        site.selfRegistrationAccountID = "community-members"
        var home = try #require(site.page("home"))
        home.layout.regions[1].rows[0].columns[0].components.append(ComponentInstance(id: "join", type: "community.selfRegistration"))
        try site.updatePage(home)
        try community.addSite(site)
        return community
    }

    func register(_ community: Community, name: String, email: String) -> SiteResponse {
        let page = community.handle(SiteRequest(.get, "/help/"))
        return community.handle(SiteRequest(
            .post, "/help/_action/selfRegister", form: ["name": name, "email": email, "_csrf": KitFixture.token(page.body)],
            cookies: KitFixture.cookies(page)))
    }

    @Test func selfRegistrationScreensTheName() throws {
        let community = try Self.registering()
        let refused = register(community, name: "Casino King", email: "king@example.com")
        #expect(refused.status == 422 && refused.body.contains("This name is not allowed here."))
        #expect(try community.store.snapshot().all(SiteRegistration.self).isEmpty)
        #expect(try community.store.snapshot().all(User.self).map(\.value).allSatisfy { $0.email != "king@example.com" })
        #expect(register(community, name: "Darn Smith", email: "smith@example.com").status == 303)
        let user = try #require(try community.store.snapshot().all(User.self).map(\.value).first { $0.email == "smith@example.com" })
        #expect(!user.name.lowercased().contains("darn") && !user.nickname.lowercased().contains("darn"))
    }
}
