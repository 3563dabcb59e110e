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

    @Test func suggestionsFollowTheCommunitysSynonymGroups() throws {
        let store = try KitFixture.store()
        try store.write { tx in
            try tx.put(Profile(id: "admin", name: "Administrator", permissions: PermissionGrants(system: [Community.managementPermission])))
            try tx.put(User(id: "ada", kind: .internal, name: "Ada", email: "ada@x.example", profileID: "admin"))
        }
        let community = try Community(CommunityConfiguration(store: store, clock: ManualClock(), csrfSecret: KitFixture.secret, defaultCaseOwner: .user("cara")))
        let kb = community.knowledge
        let login = try kb.createArticle(
            locale: "en_US", content: ArticleContent(title: "Troubleshooting login failures", summary: "When the login page refuses you"),
            channels: [.partner, .internal], by: "cara")
        try kb.publish(login.id, locale: "en_US", by: "cara")

        // Only the synonym group links "sign in" to "login": no word of the subject is in the article.
        let before = try community.cases.startDeflection(CaseDraft(subject: "can't sign in"), by: "pat")
        #expect(!before.suggestions.map(\.articleID).contains(login.id.rawValue))
        let providerBefore = try #require(community.services.get((any KnowledgeProvider).self))
        #expect(try providerBefore.search("can't sign in", locale: "en_US", viewer: community.viewer("pat"), limit: 5).isEmpty)

        try community.saveSynonymGroup(SynonymGroup(locale: "en", terms: ["sign in", "login"]), by: community.viewer("ada"))
        let after = try community.cases.startDeflection(CaseDraft(subject: "can't sign in"), by: "pat")
        #expect(after.suggestions.map(\.articleID) == [login.id.rawValue])
        // The case form's suggestions (the knowledge provider) apply the group too.
        let provider = try #require(community.services.get((any KnowledgeProvider).self))
        #expect(try provider.search("can't sign in", locale: "en_US", viewer: community.viewer("pat"), limit: 5).map(\.id) == [login.id.rawValue])
    }
}
