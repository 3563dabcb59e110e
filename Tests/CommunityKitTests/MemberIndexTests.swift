import CommunityKit
import Foundation
import Testing

/// The member directory reads a kept list per site; every change to users or their permission
/// sets shows on the next request, and the list is in directory order.
@Suite struct MemberIndexTests {
    static func site(_ community: Community) throws {
        var partners = try KitFixture.partnerSite()
        partners.memberProfileIDs = ["partner"]
        try community.addSite(partners)
    }

    static func directory(_ community: Community) -> String {
        community.handle(SiteRequest(.get, "/partners/members", viewer: community.viewer("pat"))).body
    }

    @Test func aNewMemberAndADeactivatedOneShowOnTheNextRequest() throws {
        let community = try KitFixture.community()
        try Self.site(community)
        #expect(!Self.directory(community).contains("Zelda"))
        try community.store.write { tx in
            try tx.put(User(id: "zelda", kind: .partner, name: "Zelda", email: "zelda@acme.example", profileID: "partner", roleID: "acme-user", accountID: "acme"))
        }
        #expect(Self.directory(community).contains("Zelda"), "a user added after the list was built")
        try community.store.write { tx in
            var zelda = try #require(try tx.value(ID<User>("zelda")))
            zelda.isActive = false
            try tx.put(zelda)
        }
        #expect(!Self.directory(community).contains("Zelda"), "a deactivated member leaves the directory")
        #expect(Self.directory(community).contains("Mia"))
    }

    @Test func membersAreListedByNickname() throws {
        let community = try KitFixture.community()
        try Self.site(community)
        let body = Self.directory(community)
        let names = ["Bo", "Mia"].compactMap { body.range(of: $0)?.lowerBound }
        #expect(names.count == 2)
        #expect(names == names.sorted(), "Bo before Mia")
    }
}
