import CommunityKit
import Testing
@testable import PartnerPortalKit

/// The portal's search page as a partner sees it: the kinds found as a row of pills with their
/// counts (the chosen one current), and in the mixed list each result headed by its kind.
@Suite struct SearchResultsPageTests {
    @Test func mixedResultsSayWhatEachOneIs() throws {
        let portal = try Portal()
        let page = portal.get("/partners/search", as: "pat", query: ["q": "deal"])
        #expect(page.status == 200)
        #expect(page.body.contains("<nav class=\"ck-facets\" aria-label=\"Result types\"><ul class=\"ck-pills\">"))
        #expect(page.body.contains("aria-current=\"true\">All ("))
        #expect(page.body.contains("<span class=\"ck-kind\">Article</span><span class=\"ck-result-title\"><a "))
        #expect(page.body.contains("<span class=\"ck-kind\">Question</span>"))
        #expect(page.body.contains("<form class=\"ck-refine ck-search-refine\""))
    }

    @Test func oneKindListsNoKindLabels() throws {
        let portal = try Portal()
        let page = portal.get("/partners/search", as: "pat", query: ["q": "deal", "type": "question"])
        #expect(page.status == 200)
        #expect(page.body.contains("type=question\" aria-current=\"true\">Questions ("))
        #expect(!page.body.contains("class=\"ck-kind\""))
        #expect(page.body.contains("How long does deal approval take?"))
    }

    /// The portal has a page per idea, so an idea found links there (through the click log),
    /// not to the list of ideas.
    @Test func anIdeaFoundLinksToItsOwnPage() throws {
        let portal = try Portal()
        let page = portal.get("/partners/search", as: "pat", query: ["q": "co-selling", "type": "idea"])
        #expect(page.status == 200)
        #expect(page.body.contains("Co-selling: register one deal for two partners"))
        #expect(page.body.contains("&amp;to=/partners/idea/idea_"))
    }
}
