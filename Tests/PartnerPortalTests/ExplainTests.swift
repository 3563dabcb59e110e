import CommunityKit
import Testing
@testable import PartnerPortalKit

@Suite("explain says why access is denied")
struct ExplainTests {
    @Test func aDeniedExplanationListsThePathsLookedFor() throws {
        let portal = try Portal()
        let explanation = portal.community.access.snapshot.explain("bo", "Lead", id: "lead-acme-1")
        #expect(explanation.level == .none)
        #expect(explanation.notFound.contains("does not own the record (owner user pat)"))
        #expect(explanation.notFound.contains { $0.hasPrefix("role hierarchy: the owner's role acme-user is not below the user's role globex-user") })
        #expect(explanation.notFound.contains { $0.hasPrefix("org-wide default for Lead is private") })
        let text = explanation.description
        #expect(text.contains("access denied; looked for and did not find:"))
        #expect(text.contains("  - no sharing rule that selects this record shares it"))
    }

    @Test func aGrantedExplanationDoesNotClaimDenial() throws {
        let portal = try Portal()
        let explanation = portal.community.access.snapshot.explain("mia", "Lead", id: "lead-acme-1")
        #expect(explanation.level > .none)
        #expect(!explanation.description.contains("access denied"))
    }
}
