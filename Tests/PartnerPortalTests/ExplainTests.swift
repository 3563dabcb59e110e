import Foundation
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

    @Test("the walkthrough creates the same records every run, so explain can name them")
    func walkthroughIDsAreRepeatable() throws {
        let first = try Portal()
        let second = try Portal()
        let out = URL(fileURLWithPath: NSTemporaryDirectory())
        let leadA = try Walkthrough(portal: first, out: out, verbose: false).runScenarios()
        let leadB = try Walkthrough(portal: second, out: out, verbose: false).runScenarios()
        #expect(leadA == leadB)
        #expect(second.community.access.snapshot.record("Lead", id: leadB) != nil)
        #expect(second.community.explain(user: "bo", object: "Lead", id: leadB).level == .none)
        #expect(second.community.explain(user: "mia", object: "Lead", id: leadB).level > .none)
    }
}
