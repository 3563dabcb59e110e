import CommunityModel
import CommunityAccess
import CommunityRendering
import Testing

/// Each persona sees exactly the records Access lets them read, with hidden fields removed.
@Suite struct PersonaRenderingTests {
    let responder: SiteResponder

    init() throws { responder = try Fixtures.responder() }

    func body(_ path: String, as user: User?) -> (Int, String) {
        let response = responder.handle(Fixtures.request(.get, path, as: user))
        return (response.status, response.body)
    }

    @Test func leadListsFollowSharing() {
        let (_, pat) = body("/help/leads", as: Fixtures.partnerA)
        #expect(pat.contains("Initech") && !pat.contains("Umbrella"))
        let (_, mia) = body("/help/leads", as: Fixtures.partnerAManager)
        #expect(mia.contains("Initech") && !mia.contains("Umbrella"), "a partner manager sees her users' leads")
        let (_, bo) = body("/help/leads", as: Fixtures.partnerB)
        #expect(bo.contains("Umbrella") && !bo.contains("Initech"), "another partner sees none of Acme's")
        let (_, erin) = body("/help/leads", as: Fixtures.employee)
        #expect(erin.contains("Umbrella") && erin.contains("Initech"))
        let (_, kim) = body("/help/leads", as: Fixtures.customer)
        #expect(!kim.contains("Umbrella") && !kim.contains("Initech"))
        #expect(!kim.contains("registerLead"), "no lead form without create permission")
        #expect(pat.contains("/help/_action/registerLead"))
        #expect(body("/help/leads", as: nil).0 == 403)
    }

    @Test func recordDetailRedactsHiddenFields() {
        let (status, pat) = body("/help/lead/L-acme", as: Fixtures.partnerA)
        #expect(status == 200)
        #expect(pat.contains("Initech") && pat.contains("lee@initech.example"))
        #expect(!pat.contains("Internal_Score__c") && !pat.contains("Internal Score") && !pat.contains(">87<"))
        let (_, erin) = body("/help/lead/L-acme", as: Fixtures.employee)
        #expect(erin.contains("Internal Score") && erin.contains(">87<"))
        #expect(!erin.contains("Internal_Score__c"), "labels, never API names")
    }

    @Test func unreadableRecordsAnswerNotFound() {
        let (status, bo) = body("/help/lead/L-acme", as: Fixtures.partnerB)
        #expect(status == 404)
        #expect(!bo.contains("Initech"))
        #expect(body("/help/lead/does-not-exist", as: Fixtures.partnerA).0 == 404)
        #expect(body("/help/case/C-acme", as: Fixtures.partnerA).0 == 200)
        #expect(body("/help/case/C-acme", as: Fixtures.partnerB).0 == 404)
    }

    @Test func knowledgeFollowsTheViewer() {
        let (guestStatus, _) = body("/help/article/internal-runbook", as: nil)
        #expect(guestStatus == 404)
        let (staffStatus, staff) = body("/help/article/internal-runbook", as: Fixtures.employee)
        #expect(staffStatus == 200 && staff.contains("Restart the cluster."))
    }

    @Test func searchShowsOnlyVisibleArticles() {
        let (_, guest) = body("/help/search?q=run", as: nil)
        #expect(!guest.contains("Internal runbook"))
        let response = responder.handle(SiteRequest(.get, "/help/search", query: ["q": "runbook"], viewer: Fixtures.viewer(Fixtures.employee)))
        #expect(response.body.contains("Internal runbook"))
        let guestSearch = responder.handle(SiteRequest(.get, "/help/search", query: ["q": "runbook"], viewer: .guest))
        #expect(!guestSearch.body.contains("Internal runbook"))
    }
}
