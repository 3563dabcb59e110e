import CommunityKit
import Foundation
import Testing

/// The facade wires the case service's deflection suggestions to Content, as the viewer.
@Suite struct CaseDeflectionTests {
    @Test func caseDraftsSuggestOnlyArticlesTheMemberMayRead() throws {
        let community = try KitFixture.community()
        let kb = community.knowledge
        let open = try kb.createArticle(
            locale: "en_US", content: ArticleContent(title: "Printer offline after update", summary: "Restart the spooler"),
            channels: [.partner, .internal], by: "cara")
        try kb.publish(open.id, locale: "en_US", by: "cara")
        let internalOnly = try kb.createArticle(
            locale: "en_US", content: ArticleContent(title: "Printer offline escalation runbook", summary: "For agents"),
            channels: [.internal], by: "cara")
        try kb.publish(internalOnly.id, locale: "en_US", by: "cara")

        let patSession = try community.cases.startDeflection(
            CaseDraft(subject: "Printer offline", description: "Since the update"), by: "pat")
        let patIDs = Set(patSession.suggestions.map(\.articleID))
        #expect(patIDs.contains(open.id.rawValue))
        #expect(!patIDs.contains(internalOnly.id.rawValue))

        let caraSession = try community.cases.startDeflection(CaseDraft(subject: "Printer offline"), by: "cara")
        #expect(Set(caraSession.suggestions.map(\.articleID)) == [open.id.rawValue, internalOnly.id.rawValue])
    }
}
