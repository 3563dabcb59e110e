import CommunityKit
import Foundation
import Testing

/// The member directory shows a member's company (their account's name) only to a viewer who
/// may read that account and its name, so it never shows a record the viewer may not read.
@Suite struct MemberDirectoryAccessTests {
    @Test func theCompanyIsShownOnlyToViewersWhoMayReadTheAccount() throws {
        let community = try KitFixture.community()
        try community.addSite(KitFixture.partnerSite())
        // Cara (internal, owns the account) reads Acme; Mia is Pat's colleague but her profile
        // grants no Account access, so Acme is not shown to her.
        #expect(community.access.snapshot.can("cara", .read, "Account", id: "acme"))
        #expect(!community.access.snapshot.can("mia", .read, "Account", id: "acme"))
        let asCara = community.handle(SiteRequest(.get, "/partners/members", viewer: community.viewer("cara"))).body
        #expect(asCara.contains("Pat") && asCara.contains("Acme"))
        let asMia = community.handle(SiteRequest(.get, "/partners/members", viewer: community.viewer("mia"))).body
        #expect(asMia.contains("Pat") && !asMia.contains("Acme"))
        let profile = community.handle(SiteRequest(.get, "/partners/profile/pat", viewer: community.viewer("mia")))
        #expect(profile.status == 200 && !profile.body.contains("Acme"))
        #expect(community.handle(SiteRequest(.get, "/partners/profile/pat", viewer: community.viewer("cara"))).body.contains("Acme"))
    }
}
